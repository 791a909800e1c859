"""The plan a report is judged against (config/plan.toml): its milestones, each indicator's
measure and targets, its deadline, coverage rule and plausibility limits."""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from . import vocab
from .models import Criterion, Measure
from .toml_table import Table, nfc, read_toml

MEASURES = tuple(m.value for m in Measure)
CRITERIA = tuple(c.value for c in Criterion)
DEFAULT_DEADLINE = "10/11"  # the programme's: units report before 10 November


@dataclass(frozen=True)
class Target:
    """A target for one milestone: a share, or a range such as 8-10%."""

    low: Fraction
    high: Fraction | None = None


@dataclass(frozen=True)
class IndicatorDef:
    """How one indicator of the plan is measured and what it must reach."""

    code: str
    name: str
    measure: Measure
    library_kind: str
    criterion: Criterion | None  # for library shares: which yes/no column counts
    targets: tuple[tuple[int, Target], ...]
    short_name: str = ""  # for chart labels; the name when empty

    def target_for(self, milestone: int) -> Target:
        """The target of this indicator at a milestone."""
        return dict(self.targets)[milestone]

    @property
    def is_growth(self) -> bool:
        """Whether this is the yearly growth of library uses (a rate, not a share)."""
        return self.measure is Measure.LIBRARY_USES_GROWTH


@dataclass(frozen=True)
class Plan:
    """The district plan the report is about."""

    number: str
    date: str
    year: int
    issuer: str
    abbr: str  # the plan's symbol: KH-<abbr>
    programme: str
    milestones: tuple[int, ...]
    midterm_year: int
    final_year: int
    baseline_uses: tuple[tuple[int, int], ...]
    indicators: tuple[IndicatorDef, ...]
    deadline: str = DEFAULT_DEADLINE  # dd/mm: units send their workbook before this day
    min_coverage: Fraction | None = None  # share of units below which no target is judged
    lessons: tuple[str, ...] = ()  # Bài học kinh nghiệm a sơ kết / tổng kết states
    limits: tuple[tuple[str, int], ...] = tuple(vocab.DEFAULT_LIMITS.items())  # per column

    def milestone_for(self, year: int) -> int:
        """The milestone in force for a report year."""
        for milestone in self.milestones:
            if year <= milestone:
                return milestone
        return self.milestones[-1]

    def is_review(self, year: int) -> bool:
        """Whether the report of `year` is the plan's sơ kết or tổng kết."""
        return year in (self.midterm_year, self.final_year)


_TARGET = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*(?:[-–]\s*(\d+(?:[.,]\d+)?)\s*)?%\s*$")


def parse_target(text: str) -> Target | None:
    """Read "20%" or "8-10%" into exact fractions, or None if it is neither."""
    match = _TARGET.match(text)
    if not match:
        return None
    low, high = (Fraction(g.replace(",", ".")) / 100 if g else None for g in match.groups())
    assert low is not None
    return Target(low, high)


def _load_indicator(t: Table, milestones: tuple[int, ...]) -> IndicatorDef:
    written = t.text("measure")
    if written not in MEASURES:
        raise t.fail("measure", "một trong: " + ", ".join(MEASURES))
    measure = Measure(written)
    kind = ""
    criterion: Criterion | None = None
    if measure is Measure.LIBRARY_SHARE:
        kind = t.text("library_kind")
        if kind not in vocab.LIBRARY_KINDS:
            raise t.fail("library_kind", "một trong: " + "; ".join(vocab.LIBRARY_KINDS))
        written = t.text("criterion")
        if written not in CRITERIA:
            raise t.fail("criterion", "một trong: " + ", ".join(CRITERIA))
        criterion = Criterion(written)
    raw_targets = t.table("targets")
    targets = []
    for milestone in milestones:
        raw = raw_targets.data.get(str(milestone))
        target = parse_target(raw) if isinstance(raw, str) else None
        if target is None:
            raise raw_targets.fail(str(milestone), 'một chỉ tiêu dạng "20%" hoặc "8-10%"')
        targets.append((milestone, target))
    name = t.text("name")
    short = t.text("short_name", required=False) or name
    return IndicatorDef(t.text("code"), name, measure, kind, criterion, tuple(targets), short)


def load_plan(path: Path) -> Plan:
    """The plan of config/plan.toml; raises ReportgenError naming the file and key."""
    root = Table(read_toml(path), path)
    t = root.table("plan")
    milestones = tuple(sorted(t.data.get("milestones", [])))
    if not milestones or not all(isinstance(m, int) for m in milestones):
        raise t.fail("milestones", "một danh sách năm, ví dụ [2025, 2030]")
    raw_baseline = root.table("baseline").table("library_uses")
    baseline = []
    for year, uses in raw_baseline.data.items():
        if not year.isdigit() or not isinstance(uses, int) or uses < 0:
            raise raw_baseline.fail(year, "số lượt (số nguyên ≥ 0) theo năm, ví dụ 2023 = 45000")
        baseline.append((int(year), uses))
    indicators = tuple(_load_indicator(it, milestones) for it in root.tables("indicator"))
    return Plan(
        number=nfc(str(t.data.get("number", ""))),
        date=nfc(str(t.data.get("date", ""))),
        year=t.integer("year"),
        issuer=t.text("issuer"),
        abbr=t.text("abbr", required=False, default="UBND") or "UBND",
        programme=t.text("programme"),
        milestones=milestones,
        midterm_year=t.integer("midterm_year", default=milestones[0]),
        final_year=t.integer("final_year", default=milestones[-1]),
        baseline_uses=tuple(sorted(baseline)),
        indicators=indicators,
        deadline=_deadline(t),
        min_coverage=_min_coverage(t),
        lessons=root.table("review").texts("lessons", default=[]),
        limits=_limits(root.table("limits")),
    )


def _limits(table: Table) -> tuple[tuple[str, int], ...]:
    """The plausibility limit of each column: the defaults, as [limits] changes them."""
    limits = dict(vocab.DEFAULT_LIMITS)
    for key in table.data:
        if key not in limits:
            raise table.fail(key, "một trong: " + ", ".join(vocab.DEFAULT_LIMITS))
        value = table.integer(key)
        if value < 1:
            raise table.fail(key, "một số nguyên lớn hơn 0")
        limits[key] = value
    return tuple(limits.items())


def _min_coverage(table: Table) -> Fraction | None:
    """`min_coverage` as a share ("80%"), or None when absent: every year is judged."""
    if "min_coverage" not in table.data:
        return None
    raw = table.data["min_coverage"]
    target = parse_target(raw) if isinstance(raw, str) else None
    if target is None or target.high is not None or not 0 <= target.low <= 1:
        raise table.fail("min_coverage", 'một tỉ lệ từ 0% đến 100%, ví dụ "80%"')
    return target.low


def _deadline(table: Table) -> str:
    """`deadline` as "dd/mm" (the programme's 10/11 when absent)."""
    text = table.text("deadline", required=False, default=DEFAULT_DEADLINE)
    match = re.fullmatch(r"(\d{1,2})/(\d{1,2})", text)
    if not match or not (1 <= int(match[1]) <= 31 and 1 <= int(match[2]) <= 12):
        raise table.fail("deadline", 'một ngày dạng "ngày/tháng", ví dụ "10/11"')
    return f"{int(match[1]):02d}/{int(match[2]):02d}"
