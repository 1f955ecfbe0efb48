/* guestology journey map: the little interaction there is. No network, no libraries.
   Persona and touchpoint texts come from a JSON block and are only ever set as textContent. */
(function () {
  "use strict";
  var SVGNS = "http://www.w3.org/2000/svg";
  var source = document.getElementById("map-data");
  var data = source ? JSON.parse(source.textContent) : {};

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }
  function make(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }

  /* 4. All personas together: hover or press a persona in the legend to pick out its line. */
  function setupTogether() {
    var chart = document.querySelector("svg.together");
    var buttons = document.querySelectorAll(".legend button[data-p]");
    if (!chart || !buttons.length) return;
    var series = chart.querySelectorAll(".series");
    var pinned = null;
    function show(pid) {
      chart.classList.toggle("focus", pid !== null);
      each(series, function (g) { g.classList.toggle("on", g.getAttribute("data-p") === pid); });
      each(buttons, function (b) {
        b.setAttribute("aria-pressed", String(b.getAttribute("data-p") === pinned));
      });
    }
    each(buttons, function (b) {
      var pid = b.getAttribute("data-p");
      b.addEventListener("mouseenter", function () { show(pid); });
      b.addEventListener("focus", function () { show(pid); });
      b.addEventListener("mouseleave", function () { show(pinned); });
      b.addEventListener("blur", function () { show(pinned); });
      b.addEventListener("click", function () {
        pinned = pinned === pid ? null : pid;
        show(pinned);
      });
    });
  }

  /* 5. Touchpoint network: trace a persona's path; show what a touchpoint serves. */
  function setupNetwork(net) {
    var svg = document.querySelector("svg.network");
    if (!svg) return;
    var layer = svg.querySelector("g.highlight");
    var boxes = svg.querySelectorAll("g.tp");
    var status = document.getElementById("network-status");
    var detail = document.getElementById("tp-detail");
    var body = detail ? detail.querySelector(".tp-detail-body") : null;
    var close = detail ? detail.querySelector(".close") : null;
    var opener = null;
    var pickers = document.querySelectorAll("[data-persona]");
    var select = document.getElementById("persona-select");
    var boxW = net.box[0], boxH = net.box[1];
    var badges = document.createElementNS(SVGNS, "g");
    badges.setAttribute("class", "badges");
    svg.appendChild(badges);
    var pinned = -1;

    function curve(a, b) {
      var x1 = a.x + boxW, y1 = a.y, x2 = b.x, y2 = b.y, bend;
      if (a.col === b.col) {
        x2 = b.x + boxW;
        bend = 36 + Math.abs(y2 - y1) * 0.12;
        return "M" + x1 + "," + y1 + " C" + (x1 + bend) + "," + y1 + " " + (x2 + bend) + "," + y2 + " " + x2 + "," + y2;
      }
      bend = Math.max(40, Math.abs(x2 - x1) / 2);
      return "M" + x1 + "," + y1 + " C" + (x1 + bend) + "," + y1 + " " + (x2 - bend) + "," + y2 + " " + x2 + "," + y2;
    }

    function highlight(index) {
      while (layer.firstChild) layer.removeChild(layer.firstChild);
      while (badges.firstChild) badges.removeChild(badges.firstChild);
      svg.classList.toggle("focus", index >= 0);
      var person = index >= 0 ? net.personas[index] : null;
      var onPath = {};
      if (person) {
        person.path.forEach(function (n, k) {
          onPath[n] = true;
          var prev = person.path[k - 1];
          if (k > 0 && prev !== n) {
            var line = document.createElementNS(SVGNS, "path");
            line.setAttribute("d", curve(net.nodes[prev], net.nodes[n]));
            line.setAttribute("marker-end", "url(#net-arrow)");
            layer.appendChild(line);
          }
        });
        var numbered = {};
        person.path.forEach(function (n, k) {
          var node = net.nodes[n];
          if (numbered[n]) {
            numbered[n].textContent += "," + (k + 1);
            return;
          }
          var badge = document.createElementNS(SVGNS, "g");
          badge.setAttribute("class", "badge");
          var dot = document.createElementNS(SVGNS, "circle");
          dot.setAttribute("cx", node.x);
          dot.setAttribute("cy", node.y - boxH / 2);
          dot.setAttribute("r", 8);
          var label = document.createElementNS(SVGNS, "text");
          label.setAttribute("x", node.x);
          label.setAttribute("y", node.y - boxH / 2 + 3.5);
          label.setAttribute("class", "step-no");
          label.textContent = String(k + 1);
          badge.appendChild(dot);
          badge.appendChild(label);
          badges.appendChild(badge);
          numbered[n] = label;
        });
      }
      each(boxes, function (box) {
        box.classList.toggle("on-path", !!onPath[Number(box.getAttribute("data-i"))]);
      });
      each(pickers, function (b) {
        if (b.tagName === "BUTTON" && !b.classList.contains("clear")) {
          b.setAttribute("aria-pressed", String(Number(b.getAttribute("data-persona")) === pinned));
        }
      });
      if (status) {
        status.textContent = person
          ? "Path of " + person.name + ": " + person.path.length + " steps."
          : "";
      }
    }

    each(pickers, function (b) {
      var index = Number(b.getAttribute("data-persona"));
      b.addEventListener("click", function () {
        pinned = index === pinned ? -1 : index;
        if (select) select.value = pinned >= 0 ? String(pinned) : "";
        highlight(pinned);
      });
      if (index >= 0) {
        b.addEventListener("mouseenter", function () { highlight(index); });
        b.addEventListener("mouseleave", function () { highlight(pinned); });
      }
    });
    if (select) {
      select.addEventListener("change", function () {
        pinned = select.value === "" ? -1 : Number(select.value);
        highlight(pinned);
      });
    }

    function showDetail(i) {
      var node = net.nodes[i];
      each(boxes, function (box) { box.classList.toggle("selected", Number(box.getAttribute("data-i")) === i); });
      if (!body || !node) return;
      while (body.firstChild) body.removeChild(body.firstChild);
      detail.hidden = false;
      body.appendChild(make("h3", (node.mot ? "\u2605 " : "") + node.name));
      var facts = [node.stage, node.vis, node.channel].filter(Boolean).join(" \u00b7 ");
      body.appendChild(make("p", facts, "facts"));
      if (node.mot) body.appendChild(make("p", "Moment of truth", "mot"));
      if (node.owner) body.appendChild(make("p", "Owner: " + node.owner));
      body.appendChild(make("p", node.visitors + (node.visitors === 1 ? " persona visits it." : " personas visit it.")));
      if (!node.needs.length) {
        body.appendChild(make("p", "It serves no recorded need or want.", "empty"));
        return;
      }
      body.appendChild(make("p", "Needs and wants it serves:", "needs-head"));
      var list = make("ul", null, "needs");
      node.needs.forEach(function (need) {  /* [text, kind, "names", how many more] */
        var item = make("li");
        item.appendChild(make("strong", need[0]));
        var who = need[2] + (need[3] ? " and " + need[3] + " more" : "");
        item.appendChild(document.createTextNode(" (" + need[1] + ") \u2014 " + who));
        list.appendChild(item);
      });
      body.appendChild(list);
      if (node.more) body.appendChild(make("p", "\u2026 and " + node.more + " more.", "empty"));
    }

    function hideDetail() {
      if (!detail) return;
      detail.hidden = true;
      each(boxes, function (box) { box.classList.remove("selected"); });
      if (opener) opener.focus();
    }
    if (close) close.addEventListener("click", hideDetail);
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && detail && !detail.hidden) hideDetail();
    });

    each(boxes, function (box) {
      var i = Number(box.getAttribute("data-i"));
      box.addEventListener("click", function () { opener = box; showDetail(i); });
      box.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          opener = box;
          showDetail(i);
        }
      });
    });
  }

  /* Print: every [data-fit] sheet (a journey page, a poster) is measured in a hidden copy at
     the paper's printable size (<body data-sheet="width height min-pt">, CSS px) and gets
     --fit, the largest text size (never below min-pt) at which it still fits one page. */
  var MAX_TEXT = 30;
  function fitSheets() {
    var size = (document.body.getAttribute("data-sheet") || "").split(" ").map(Number);
    var sheets = document.querySelectorAll("[data-fit]");
    if (size.length !== 3 || !size[0] || !sheets.length) return;
    var MIN_TEXT = size[2] * 96 / 72;
    var probe = make("div", null, "fit-probe " + document.body.className);
    probe.setAttribute("aria-hidden", "true");
    probe.style.cssText = "position:absolute;left:-20000px;top:0;visibility:hidden;width:" + size[0] + "px;--min-text:" + size[2] + "pt";
    document.body.appendChild(probe);
    each(sheets, function (sheet) {
      var copy = sheet.cloneNode(true);
      var room = size[1] - (sheet.getAttribute("data-fit") === "poster" ? 16 : 3);  /* a poster's grid rounds up */
      probe.appendChild(copy);
      function fits(px) {
        copy.style.setProperty("--fit", px + "px");
        return copy.getBoundingClientRect().height <= room && copy.scrollWidth <= size[0] + 1;
      }
      var low = MIN_TEXT, high = MAX_TEXT;
      if (fits(high)) low = high;
      else if (fits(low)) {
        for (var k = 0; k < 9; k++) {
          var mid = (low + high) / 2;
          if (fits(mid)) low = mid; else high = mid;
        }
      }
      fits(low);
      sheet.style.setProperty("--fit", low.toFixed(2) + "px");
      var curves = copy.querySelectorAll("svg.curve"), mine = sheet.querySelectorAll("svg.curve");
      each(curves, function (svg, i) {  /* the curve's labels too stay at 8 pt or more */
        var scale = svg.getBoundingClientRect().width / (svg.viewBox.baseVal.width || 1);
        if (mine[i] && scale > 0) mine[i].style.setProperty("--curve-k", Math.max(1, MIN_TEXT / 10 / scale).toFixed(3));
      });
      probe.removeChild(copy);
    });
    document.body.removeChild(probe);
  }

  setupTogether();
  if (data.network) setupNetwork(data.network);
  fitSheets();
})();
