"""Typed, immutable values passed between the stages."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from enum import Enum
from fractions import Fraction
from typing import Final, Literal

Severity = Literal["error", "warning"]

# Every kind of problem, stable across versions (as frictionless names its error types);
# vocab.PROBLEM_TITLES gives each its Vietnamese title.
ProblemCode = Literal[
    "file-unreadable",
    "file-encrypted",
    "file-empty",
    "file-unexpected-error",
    "sheet-missing",
    "unknown-unit",
    "unit-from-file-name",
    "duplicate-return",
    "return-missing",
    "year-mismatch",
    "header-not-found",
    "column-missing",
    "column-ambiguous",
    "formula-without-value",
    "cell-empty",
    "cell-not-number",
    "cell-negative",
    "cell-not-integer",
    "cell-not-yes-no",
    "cell-not-in-list",
    "cell-not-task",
    "cell-not-date",
    "date-outside-year",
    "zero-uses-but-serving",
    "year-on-year-jump",
    "figures-invalid",
    "plan-mismatch",
    "sheet-unused",
    "cell-too-large",
    "legacy-text-guessed",
    "legacy-text-unconverted",
]
ERROR: Final = "error"
WARNING: Final = "warning"

# How an indicator was judged: "ok", "no_data" (zero denominator), "insufficient" (the year
# before is missing, so growth cannot be computed) or "low_coverage" (fewer units reported
# than the plan's `min_coverage`: the value is given but not judged).
Status = Literal["ok", "no_data", "insufficient", "low_coverage"]

# What became of one input file.
FileStatus = Literal["used", "superseded", "skipped"]


class Measure(str, Enum):
    """What an indicator of the plan measures."""

    LIBRARY_SHARE = "library_share"
    INSTITUTION_SHARE = "institution_share"
    LIBRARY_USES_GROWTH = "library_uses_growth"


class Criterion(str, Enum):
    """Which yes/no column of a library makes it count for a library-share indicator."""

    SERVES_LIFELONG = "serves_lifelong"
    DIGITAL = "digital"


@dataclass(frozen=True)
class Problem:
    """Something wrong in the inputs, located as precisely as possible."""

    file: str
    sheet: str
    cell: str
    severity: Severity  # ERROR (data left out) or WARNING (data kept, worth a look)
    message: str  # Vietnamese, says what was found and what was expected
    unit: str = ""  # registry code when known
    code: ProblemCode = field(kw_only=True)  # the stable kind tools, change lists and tests key on

    def location(self) -> str:
        """Where the clerk should look: `Đắk La.xlsx › Thư viện › D2`."""
        return " › ".join(part for part in (self.file, self.sheet, self.cell) if part)

    def as_json(self) -> dict[str, str]:
        """The problem as data-contract §4 prints it."""
        return {
            "file": self.file,
            "sheet": self.sheet,
            "cell": self.cell,
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
            "unit": self.unit,
        }


@dataclass(frozen=True)
class Source:
    """The row of a workbook a record came from."""

    file: str
    sheet: str
    row: int

    def __str__(self) -> str:
        return f"{self.file} › {self.sheet} › dòng {self.row}"


LONG_SHEET_ROWS = 20_000  # a sheet this long is read with its progress shown


@dataclass(frozen=True)
class RowWatch:
    """Who is told how far the reading of a long sheet has come, and from how many rows a
    sheet is long: `report(file, sheet, rows read, rows in all)`, a few times a sheet."""

    report: Callable[[str, str, int, int], None]
    long_sheet: int = LONG_SHEET_ROWS


@dataclass(frozen=True)
class LeftOutRow:
    """A data row left out of every figure because a cell it needs is bad."""

    unit: str
    table: str  # the contract's sheet title (vocab.SHEET_*), whatever the file calls it
    source: Source


@dataclass(frozen=True)
class Library:
    """One row of the `Thư viện` sheet, validated."""

    unit: str
    name: str
    kind: str  # one of vocab.LIBRARY_KINDS
    serves_lifelong: bool
    digital: bool
    uses: int
    books: int | None
    note: str
    source: Source


@dataclass(frozen=True)
class Institution:
    """One row of the `Thiết chế văn hóa` sheet, validated."""

    unit: str
    name: str
    kind: str  # one of vocab.INSTITUTION_KINDS
    has_clubs: bool
    regular_activities: bool
    clubs: int
    note: str
    source: Source


@dataclass(frozen=True)
class Activity:
    """One row of the `Hoạt động` sheet, validated."""

    unit: str
    name: str
    task: int  # 1..5, plan section III
    occasion: str
    held_on: date | None
    participants: int
    note: str
    source: Source


@dataclass(frozen=True)
class Funding:
    """One row of the `Kinh phí` sheet, validated."""

    unit: str
    content: str
    source_of_funds: str  # one of vocab.FUNDING_SOURCES
    amount: int
    source: Source


@dataclass(frozen=True)
class UnitInfo:
    """The `Thông tin` sheet."""

    code: str
    name: str
    year: int | None
    author: str
    phone: str
    made_on: date | None


@dataclass(frozen=True)
class UnitReturn:
    """Everything one unit sent for one year, as read from its workbook."""

    unit: str  # registry code
    file: str  # file name inside inputs/<year>/
    info: UnitInfo
    libraries: tuple[Library, ...] = ()
    institutions: tuple[Institution, ...] = ()
    activities: tuple[Activity, ...] = ()
    funding: tuple[Funding, ...] = ()
    assessment: Mapping[str, str] = field(default_factory=dict)  # vocab.ASSESSMENT_LABELS values
    left_out: tuple[LeftOutRow, ...] = ()


@dataclass(frozen=True)
class InputFile:
    """One file found in inputs/<year>/ and what became of it."""

    name: str  # path relative to inputs/<year>/, with forward slashes
    sha256: str
    unit: str  # registry code it was read as, or "" when none
    status: FileStatus


@dataclass(frozen=True)
class EarlierInput:
    """A file of an earlier year whose workbooks fed a draft's figures (growth, the period)."""

    year: int
    name: str  # path relative to inputs/<year>/, with forward slashes
    sha256: str


@dataclass(frozen=True)
class Intake:
    """All the returns of one year, with every problem found while reading them."""

    year: int
    returns: tuple[UnitReturn, ...]
    problems: tuple[Problem, ...]
    files: tuple[InputFile, ...]


@dataclass(frozen=True)
class YearUses:
    """Library uses of one year: the total, and each unit's where workbooks gave them."""

    year: int
    total: int
    by_unit: Mapping[str, int] | None  # None: a total from the plan's baseline, no units


@dataclass(frozen=True)
class Comparison:
    """Library uses of this year and an earlier one, over the units that reported in both."""

    earlier_year: int
    current: int  # this year's uses of the compared units
    earlier: int  # the earlier year's uses of the same units
    current_total: int  # this year's uses of every unit that reported
    earlier_total: int  # the earlier year's uses of every unit that reported then
    units: tuple[str, ...]  # the units compared (empty when the earlier year is a baseline)
    only_current: tuple[str, ...]  # units that reported this year but not the earlier one
    only_earlier: tuple[str, ...]  # units that reported the earlier year but not this one
    baseline: bool = False  # the earlier year is the plan's configured total, not workbooks


@dataclass(frozen=True, kw_only=True)
class IndicatorResult:
    """One target of the plan evaluated for one year."""

    code: str
    name: str
    measure: Measure
    numerator: int
    denominator: int
    value: Fraction | None  # None: no data (zero denominator or missing year)
    target: Fraction
    target_max: Fraction | None  # upper end of a range target such as 8-10%
    met: bool | None  # None when value is None
    gap_units: int | None  # how many more institutions (or uses) are needed
    status: Status
    average_growth: float | None = None  # for growth indicators, since `average_since`
    average_since: int | None = None
    comparison: Comparison | None = None  # growth: the two years' uses, like for like
    on_average: bool = False  # growth judged on the period's average (a review year)
    next_milestone: int | None = None  # the milestone that applies next year, if any
    next_target: Fraction | None = None
    next_target_max: Fraction | None = None
    next_gap_units: int | None = None  # how many more make this year's figure meet it

    @property
    def is_growth(self) -> bool:
        """Whether this is the yearly growth of library uses (a rate, not a share)."""
        return self.measure is Measure.LIBRARY_USES_GROWTH


@dataclass(frozen=True)
class TaskGroup:
    """Activities of one task group of plan section III."""

    number: int
    title: str
    activities: tuple[Activity, ...]
    participants: int
    units: tuple[str, ...]  # codes of units that held activities in this group
    # A roll-up has each locality's counts, not its activities: how many, and who drew whom.
    activity_count: int | None = None
    unit_participants: tuple[tuple[str, int], ...] = ()

    @property
    def held(self) -> int:
        """How many activities the group's units held."""
        return len(self.activities) if self.activity_count is None else self.activity_count

    def busiest(self, count: int) -> list[tuple[str, int]]:
        """The units (code, participants) whose activities drew the most people, most first."""
        totals = dict(self.unit_participants)
        for a in self.activities:
            totals[a.unit] = totals.get(a.unit, 0) + a.participants
        return sorted(totals.items(), key=lambda item: (-item[1], item[0]))[:count]


@dataclass(frozen=True)
class UnitFigures:
    """One unit's line in the appendix."""

    unit: str
    name: str
    libraries: int
    libraries_serving: int
    libraries_digital: int
    library_uses: int
    institutions: int
    institutions_active: int
    activities: int
    participants: int
    state_funding: int
    social_funding: int


# The counts of a unit's line: every field of UnitFigures but its code and name.
UNIT_COUNTS = tuple(f.name for f in fields(UnitFigures) if f.name not in ("unit", "name"))


@dataclass(frozen=True)
class YearSummary:
    """One year of the plan period, as a sơ kết / tổng kết tabulates it."""

    year: int
    received: int | None  # units that reported; None: no workbooks for that year
    expected: int
    indicators: tuple[IndicatorResult, ...]  # empty when the year has no data
    library_uses: int | None
    activities: int | None
    participants: int | None
    state_funding: int | None
    social_funding: int | None

    @property
    def has_data(self) -> bool:
        """Whether any unit reported that year."""
        return self.received is not None


@dataclass(frozen=True)
class Figures:
    """Everything the report says, computed from one year's intake."""

    year: int
    milestone: int
    indicators: tuple[IndicatorResult, ...]
    task_groups: tuple[TaskGroup, ...]
    state_funding: int
    social_funding: int
    per_unit: tuple[UnitFigures, ...]
    libraries: tuple[Library, ...]
    activities: tuple[Activity, ...]
    funding: tuple[Funding, ...]
    assessments: tuple[tuple[str, str, str], ...]  # (unit code, field, text)
    expected: tuple[str, ...]
    received: tuple[str, ...]
    missing: tuple[str, ...]
    problems: tuple[Problem, ...]
    library_uses: int
    library_uses_previous: int | None
    uses_by_year: tuple[tuple[int, int | None], ...] = ()  # the plan's years so far; None: no data
    period: tuple[YearSummary, ...] = ()  # a review year: every year of the plan so far
    left_out: tuple[LeftOutRow, ...] = ()  # rows dropped for a bad cell, of the units used
    min_coverage: Fraction | None = None  # the plan's: below it indicators are not judged
    rolled_up: bool = False  # summed from localities' figures: no rows of their own

    @property
    def complete(self) -> bool:
        """Whether every expected unit reported."""
        return not self.missing

    def left_out_count(self, table: str) -> int:
        """How many rows of one contract sheet were left out for a bad cell."""
        return sum(row.table == table for row in self.left_out)
