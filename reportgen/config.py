"""Load and validate the clerk-editable configuration (profile, unit registry, plan)."""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from functools import cached_property
from pathlib import Path

from . import vocab
from .errors import ReportgenError
from .models import Criterion, Measure
from .phrases import DEFAULTS, Phrases, placeholders
from .toml_table import Table, flag, lines, nfc, parse_date, read_toml
from .workspace import Workspace

UNIT_KINDS = ("xa", "giao-duc", "van-hoa", "lao-dong", "tai-chinh", "doan-the")
MEASURES = tuple(m.value for m in Measure)
CRITERIA = tuple(c.value for c in Criterion)
# Words naming a level of local government, longest first, to read the scope of a body's name.
LEVEL_WORDS = (
    "thành phố",
    "thị trấn",
    "thị xã",
    "đặc khu",
    "phường",
    "huyện",
    "quận",
    "tỉnh",
    "xã",
)
DEFAULT_DEADLINE = "10/11"  # the programme's: units report before 10 November


@dataclass(frozen=True)
class Profile:
    """Who issues the report, to whom, and who signs it."""

    superior_body: tuple[str, ...]  # lines; empty when the issuing body has none
    issuing_body: tuple[str, ...]
    issuing_body_name: str
    issuing_body_abbr: str
    place: str
    document_number: str
    document_date: date | None
    document_month: int
    recipient: str
    recipients_list: tuple[str, ...]
    signer_authority: tuple[str, ...]
    signer_title: str
    signer_name: str
    advising_office: str
    scope: str  # how the report names all it covers: "Toàn huyện", "Toàn xã", "Toàn tỉnh"
    charts: bool = True  # draw the charts (Biểu đồ) into the report
    points_per_section: int = 4  # units' points stated in each of sections III-V (0: all)
    # Above this many reporting units the appendix gives each unit's line, not every school,
    # activity, payment and opinion: those go to the tables workbook beside the report (0: all).
    detail_units_max: int = 60
    # Who the locality is, for the province's roll-up: a code that starts every file name (so
    # many localities' files can share a folder), its level (vocab.LEVELS) and its province.
    locality_code: str = ""
    level: str = ""
    province: str = ""

    @property
    def file_prefix(self) -> str:
        """`<locality code>_` before every output's name, or nothing without a code."""
        return f"{self.locality_code}_" if self.locality_code else ""


@dataclass(frozen=True)
class Unit:
    """One reporting unit of the registry."""

    code: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()


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


@dataclass(frozen=True)
class Theme:
    """A theme units' opinions are grouped by, with the report's sentence for each section."""

    name: str
    words: tuple[str, ...]
    texts: tuple[tuple[str, str], ...]  # (assessment field, sentence)

    def has_text(self, field: str) -> bool:
        """Whether the theme has a sentence for one section (an assessment field)."""
        return field in dict(self.texts)

    def text_for(self, field: str) -> str:
        """The sentence for one section (an assessment field), or the theme's name."""
        return dict(self.texts).get(field, self.name)


@dataclass(frozen=True)
class Config:
    """The whole configuration of a workspace, loaded once."""

    profile: Profile
    units: tuple[Unit, ...]
    plan: Plan
    digest: str  # SHA-256 over the three files, for the manifest
    spellings: tuple[tuple[str, str], ...] = ()  # local spellings of a word in unit names
    themes: tuple[Theme, ...] = ()  # how units' opinions are grouped (config/themes.toml)
    say: Phrases = Phrases()  # the report's sentences, as reworded in config/phrases.toml

    @cached_property
    def units_by_code(self) -> dict[str, Unit]:
        """The registry's units by code (built once)."""
        return {u.code: u for u in self.units}

    def unit(self, code: str) -> Unit:
        """The registry unit with this code."""
        return self.units_by_code[code]

    def unit_name(self, code: str) -> str:
        """The printed name of a unit code, or the code itself if unknown."""
        unit = self.units_by_code.get(code)
        return unit.name if unit else code

    @property
    def unit_names(self) -> dict[str, str]:
        """Printed names by unit code, in registry order (a copy the caller may change)."""
        return {u.code: u.name for u in self.units}


def _scope(table: Table, body_name: str) -> str:
    """`scope` as written, else "Toàn <level>" from the level word in the body's name."""
    if "scope" in table.data:
        return table.text("scope")
    words = re.findall(r"\w+", body_name.lower())
    text = " " + " ".join(words) + " "
    found = [(text.find(f" {w} "), w) for w in LEVEL_WORDS if f" {w} " in text]
    if not found:
        raise table.fail("scope", 'cách gọi toàn địa bàn trong câu văn, ví dụ "Toàn huyện"')
    return f"Toàn {min(found)[1]}"


def _load_profile(path: Path) -> Profile:
    t = Table(read_toml(path), path)
    month = t.integer("document_month", default=11)
    if not 1 <= month <= 12:
        raise t.fail("document_month", "một tháng từ 1 đến 12")
    number = t.data.get("document_number", "")
    if isinstance(number, int) and not isinstance(number, bool):
        number = str(number)
    if not isinstance(number, str):
        raise t.fail("document_number", 'một số, hoặc để trống ""')
    recipients = t.texts("recipients_list")
    if not recipients:
        raise t.fail("recipients_list", "ít nhất một nơi nhận")
    return Profile(
        superior_body=lines(t, "superior_body"),
        issuing_body=t.texts("issuing_body"),
        issuing_body_name=t.text("issuing_body_name"),
        issuing_body_abbr=t.text("issuing_body_abbr"),
        place=t.text("place"),
        document_number=nfc(number),
        document_date=parse_date(t, "document_date"),
        document_month=month,
        recipient=t.text("recipient").rstrip("."),
        recipients_list=recipients,
        signer_authority=t.texts("signer_authority"),
        signer_title=t.text("signer_title"),
        signer_name=t.text("signer_name", required=False),
        advising_office=t.text("advising_office", required=False),
        scope=_scope(t, t.text("issuing_body_name")),
        charts=flag(t, "charts", default=True),
        points_per_section=_points(t),
        detail_units_max=_count(t, "detail_units_max", 60, "0: luôn liệt kê chi tiết"),
        locality_code=_locality_code(t),
        level=_level(t),
        province=t.text("province", required=False),
    )


def _locality_code(table: Table) -> str:
    code = table.text("locality_code", required=False).strip()
    if code and not re.fullmatch(r"[A-Za-z0-9-]+", code):
        raise table.fail("locality_code", "một mã chỉ gồm chữ không dấu, số và dấu gạch ngang")
    return code.upper()


def _level(table: Table) -> str:
    level = table.text("level", required=False).strip()
    if level and level not in vocab.LEVELS:
        raise table.fail("level", "một trong: " + ", ".join(vocab.LEVELS))
    return level


def _points(table: Table) -> int:
    return _count(table, "points_per_section", 4, "0: nêu hết")


def _count(table: Table, key: str, default: int, zero: str) -> int:
    """A whole number from 0 up, where 0 has the meaning `zero` says."""
    value = table.integer(key, default=default)
    if value < 0:
        raise table.fail(key, f"một số từ 0 trở lên ({zero})")
    return value


def _load_units(path: Path) -> tuple[tuple[Unit, ...], tuple[tuple[str, str], ...]]:
    root = Table(read_toml(path), path)
    units: list[Unit] = []
    for t in root.tables("unit"):
        code = t.text("code")
        if not re.fullmatch(r"[A-Za-z0-9_-]+", code):
            raise t.fail("code", "một mã chỉ gồm chữ không dấu, số và dấu gạch (ví dụ XA-DAKLA)")
        kind = t.text("kind")
        if kind not in UNIT_KINDS:
            raise t.fail("kind", "một trong: " + ", ".join(UNIT_KINDS))
        units.append(Unit(code.upper(), t.text("name"), kind, t.texts("aliases", default=[])))
    codes = [u.code for u in units]
    duplicated = sorted({c for c in codes if codes.count(c) > 1})
    if duplicated:
        raise ReportgenError(
            f"Tệp cấu hình {path.as_posix()}: mã đơn vị bị trùng: {', '.join(duplicated)}."
        )
    table = root.table("spellings")
    spellings = tuple((nfc(word), table.text(word)) for word in table.data)
    if any(not word for word, _ in spellings):
        raise table.fail("", 'một chữ trước dấu =, ví dụ "Ngọc" = "Ngọk"')
    return tuple(units), spellings


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


def _load_plan(path: Path) -> Plan:
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


def _load_themes(path: Path) -> tuple[Theme, ...]:
    """The themes units' opinions are grouped by; none when the file is absent."""
    if not path.is_file():
        return ()
    root = Table(read_toml(path), path)
    if "theme" not in root.data:
        return ()
    themes = []
    known = {"name", "words", *vocab.ASSESSMENT_LABELS.values()}
    for t in root.tables("theme"):
        unknown = sorted(set(t.data) - known)
        if unknown:
            raise t.fail(unknown[0], "một trong: " + ", ".join(sorted(known)))
        words = t.texts("words")
        if not words:
            raise t.fail("words", 'ít nhất một từ, ví dụ ["kiêm nhiệm"]')
        texts = {
            field: t.text(field) for field in vocab.ASSESSMENT_LABELS.values() if field in t.data
        }
        themes.append(Theme(t.text("name"), words, tuple(texts.items())))
    return tuple(themes)


def _load_phrases(path: Path) -> Phrases:
    """The clerk's rewordings of the report's sentences, each checked against its default."""
    if not path.is_file():
        return Phrases()
    table = Table(read_toml(path), path)
    reworded = {}
    for key in table.data:
        if key not in DEFAULTS:
            close = difflib.get_close_matches(key, DEFAULTS, n=1)
            hint = f" (có phải '{close[0]}'?)" if close else ""
            raise ReportgenError(
                f"Tệp cấu hình {path.as_posix()}: không có câu nào tên '{key}'{hint}. Hãy ghi "
                "đúng tên câu như trong tệp mẫu."
            )
        text = table.text(key)
        allowed = placeholders(DEFAULTS[key])
        try:
            used = placeholders(text)
        except ValueError:
            raise table.fail(key, "một câu có dấu { } viết đúng, ví dụ {year}") from None
        unknown = sorted(used - allowed)
        if unknown:
            listed = ", ".join("{" + name + "}" for name in sorted(allowed)) or "không có"
            raise ReportgenError(
                f"Tệp cấu hình {path.as_posix()}: câu '{key}' dùng chỗ điền "
                f"{{{unknown[0]}}} không có; câu này chỉ dùng được: {listed}."
            )
        reworded[key] = text
    return Phrases(reworded)


def load_config(workspace: Workspace) -> Config:
    """Load and validate the configuration files of a workspace."""
    profile_file, units_file, plan_file = workspace.required_config_files
    profile = _load_profile(profile_file)
    units, spellings = _load_units(units_file)
    plan = _load_plan(plan_file)
    themes = _load_themes(workspace.themes_file)
    phrases = _load_phrases(workspace.phrases_file)
    digest = hashlib.sha256()
    for path in workspace.config_files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return Config(profile, units, plan, digest.hexdigest(), spellings, themes, phrases)
