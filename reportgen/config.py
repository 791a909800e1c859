"""Load and validate the clerk-editable configuration (profile, unit registry, plan)."""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path

from . import vocab
from .errors import ReportgenError
from .phrases import DEFAULTS, Phrases, placeholders
from .plan import Plan, load_plan
from .toml_table import Table, flag, lines, nfc, parse_date, read_toml
from .workspace import Workspace

UNIT_KINDS = ("xa", "giao-duc", "van-hoa", "lao-dong", "tai-chinh", "doan-the")
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
    plan = load_plan(plan_file)
    themes = _load_themes(workspace.themes_file)
    phrases = _load_phrases(workspace.phrases_file)
    digest = hashlib.sha256()
    for path in workspace.config_files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return Config(profile, units, plan, digest.hexdigest(), spellings, themes, phrases)
