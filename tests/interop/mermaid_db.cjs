// Mermaid's own journey parser, in Chromium: reads a JSON list of diagram texts on stdin,
// prints for each what mermaid's journey database holds (or the error it throws).
// Usage: node mermaid_db.cjs NODE_MODULES_DIR < texts.json
const path = require('path');
const modules = path.resolve(process.argv[2]);
const puppeteer = require(path.join(modules, 'puppeteer'));

async function main() {
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  const texts = JSON.parse(input);
  const browser = await puppeteer.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
    headless: true,
  });
  try {
    const page = await browser.newPage();
    await page.setContent('<html><body></body></html>');
    await page.addScriptTag({ path: path.join(modules, 'mermaid/dist/mermaid.min.js') });
    const results = await page.evaluate(async (texts) => {
      mermaid.initialize({ startOnLoad: false });
      const out = [];
      for (const text of texts) {
        try {
          const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
          if (diagram.type !== 'journey') {
            out.push({ type: diagram.type });
            continue;
          }
          const db = diagram.db;
          out.push(JSON.parse(JSON.stringify({
            type: diagram.type,
            title: db.getDiagramTitle(),
            accTitle: db.getAccTitle(),
            accDescription: db.getAccDescription(),
            sections: db.getSections(),
            tasks: db.getTasks().map((t) => ({
              section: t.section, task: t.task, score: Number.isNaN(t.score) ? 'NaN' : t.score,
              people: t.people,
            })),
          })));
        } catch (error) {
          out.push({ error: String(error && error.message ? error.message : error) });
        }
      }
      return out;
    }, texts);
    process.stdout.write(JSON.stringify(results));
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error));
  process.exit(1);
});
