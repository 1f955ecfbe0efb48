"""The performance goals, judged met / not met beside each figure (goals, not failures)."""

from __future__ import annotations

from dataclasses import dataclass

from benchmarks.suite import SizeResult, Timing

RATIO_GOALS = {"validate": 2.0, "report json": 3.0, "map html site": 4.0}  # x floor, at L
MEMORY_GOAL_MB = 400.0  # every command at L
SCALING_GOAL = 1.3  # time per persona at XL / at L
STARTUP_GOAL = 1.5  # --version / bare `import typer`


@dataclass(frozen=True)
class Verdict:
    """One goal: what it is, the figure measured, and whether it was met (None: no figure)."""

    size: str
    command: str
    goal: str
    figure: str
    met: bool | None

    @property
    def state(self) -> str:
        return {True: "met", False: "NOT met", None: "not measured"}[self.met]

    @property
    def label(self) -> str:
        return f"{self.goal}: {self.state}"

    @property
    def where(self) -> str:
        return self.command if self.size == "-" else f"{self.command} at {self.size}"


def _judge(
    size: str, command: str, goal: str, value: float | None, limit: float, unit: str
) -> Verdict:
    if value is None:
        return Verdict(size, command, goal, "-", None)
    return Verdict(size, command, goal, f"{value:.2f}{unit}", value <= limit)


def size_verdicts(result: SizeResult) -> list[Verdict]:
    """Ratio and memory goals; only the portfolio size (L) has them."""
    if result.name != "L":
        return []
    verdicts = []
    for timing in result.timings:
        name = timing.command.name
        if name in RATIO_GOALS:
            goal = f"<= {RATIO_GOALS[name]:g}x floor"
            verdicts.append(_judge("L", name, goal, timing.ratio, RATIO_GOALS[name], "x"))
        peak = timing.summary.max_rss_mb if timing.summary else None
        goal = f"peak < {MEMORY_GOAL_MB:g} MB"
        verdicts.append(_judge("L", name, goal, peak, MEMORY_GOAL_MB, " MB"))
    return verdicts


def per_persona(result: SizeResult, name: str) -> float | None:
    timing = next((t for t in result.timings if t.command.name == name), None)
    summary = timing.summary if timing else None
    return summary.median / result.spec.personas if summary else None


def scaling_verdicts(large: SizeResult, huge: SizeResult) -> list[Verdict]:
    """Time per persona at XL within SCALING_GOAL of L, for every command at both sizes."""
    verdicts = []
    for timing in large.timings:
        name = timing.command.name
        at_l, at_xl = per_persona(large, name), per_persona(huge, name)
        ratio = at_xl / at_l if at_l and at_xl else None
        goal = f"s/persona XL <= {SCALING_GOAL:g}x L"
        verdicts.append(_judge("L->XL", name, goal, ratio, SCALING_GOAL, "x"))
    return verdicts


def startup_verdict(startup: Timing) -> Verdict:
    goal = f"<= {STARTUP_GOAL:g}x import typer"
    return _judge("-", "--version", goal, startup.ratio, STARTUP_GOAL, "x")


def all_verdicts(results: list[SizeResult], startup: Timing | None) -> list[Verdict]:
    verdicts = [v for result in results for v in size_verdicts(result)]
    by_name = {result.name: result for result in results}
    if "L" in by_name and "XL" in by_name:
        verdicts += scaling_verdicts(by_name["L"], by_name["XL"])
    if startup is not None:
        verdicts.append(startup_verdict(startup))
    return verdicts
