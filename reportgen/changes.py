"""What changed between two drafts, from their JSON of figures, in the report's own words.

Every figure the report prints is compared: each indicator's counts, value, verdict and
target (told by the indicator's name), the year's totals, the task groups, each unit's line
of the appendix (told by the unit's name), the units that reported, and the problems found.
A draft written by an older version may lack some keys: only what both drafts have is compared.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

from . import fmt, vocab
from .models import Measure

PROBLEM_LINES = 8  # more fixed/new problems than this are summed up in one line
UNIT_LINES = 10  # more units whose figures changed than this are summed up in one line
MISSING = "—"
ARROW = "→"

# Each figure of a unit's appendix line (models.UnitFigures), as the change list names it,
# and the word after its amount.
UNIT_FIGURES: dict[str, tuple[str, str]] = {
    "libraries": ("số thư viện", ""),
    "libraries_serving": ("thư viện phục vụ học tập suốt đời", ""),
    "libraries_digital": ("thư viện ứng dụng công nghệ thông tin, chuyển đổi số", ""),
    "library_uses": ("lượt sử dụng thư viện", ""),
    "institutions": ("số thiết chế văn hóa, thể thao", ""),
    "institutions_active": ("thiết chế có câu lạc bộ, hoạt động thường xuyên", ""),
    "activities": ("số hoạt động", ""),
    "participants": ("lượt người tham gia hoạt động", ""),
    "state_funding": ("kinh phí nhà nước", " đồng"),
    "social_funding": ("kinh phí xã hội hóa", " đồng"),
}
TASK_GROUP_FIGURES: dict[str, tuple[str, str]] = {
    "activities": ("số hoạt động", ""),
    "participants": ("lượt người tham gia", ""),
}
GROWTH_WORD = vocab.GAP_WORDS[Measure.LIBRARY_USES_GROWTH.value]


def _amount(value: object) -> str:
    """A figure as the report writes it: `1.290`; a missing one as a dash."""
    if isinstance(value, bool) or value is None:
        return MISSING if value is None else fmt.yes_no(value)
    if isinstance(value, int):
        return fmt.integer(value)
    return str(value)


def _from_to(old: object, new: object, unit: str = "") -> str:
    return f"{_amount(old)} {ARROW} {_amount(new)}{unit}"


def _both(old: Mapping[str, Any], new: Mapping[str, Any], key: str) -> bool:
    """Whether both sides have `key` and it differs: a key one side lacks is not a change."""
    return key in old and key in new and old[key] != new[key]


def _mapping(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _sequence(value: object) -> Sequence[Any]:
    return value if isinstance(value, list | tuple) else ()


# Indicators


def _value_text(indicator: Mapping[str, Any]) -> str:
    """The value as the report prints it; computed from `value` when `value_text` is absent."""
    text = indicator.get("value_text")
    if isinstance(text, str) and text:
        return text
    value = indicator.get("value")
    return fmt.percent(None if value is None else Fraction(str(value)))


def _met_text(indicator: Mapping[str, Any]) -> str:
    met = indicator.get("met")
    return fmt.verdict(met if isinstance(met, bool) else None, str(indicator.get("status", "")))


def _has_counts(indicator: Mapping[str, Any]) -> bool:
    return all(isinstance(indicator.get(k), int) for k in ("numerator", "denominator"))


def _figure_text(indicator: Mapping[str, Any], counts: bool = True, growth: bool = False) -> str:
    """`3/9 (33,3%)` for a share, `11,1% (242.246 so với 218.130 lượt)` for the growth.

    Without `counts` (the other draft has none to compare with), only the value.
    """
    value = _value_text(indicator)
    if not counts or not _has_counts(indicator):
        return value
    numerator, denominator = int(indicator["numerator"]), int(indicator["denominator"])
    if growth:
        if not denominator:
            return value
        uses = f"{fmt.integer(numerator)} so với {fmt.integer(denominator)} {GROWTH_WORD}"
        return f"{value} ({uses})"
    return f"{fmt.integer(numerator)}/{fmt.integer(denominator)} ({value})"


def _gap_text(indicator: Mapping[str, Any]) -> str | None:
    """How many more the indicator needs, when it is not met and says so."""
    gap = indicator.get("gap_units")
    if indicator.get("met") is False and isinstance(gap, int) and gap:
        return fmt.integer(gap)
    return None


def _one_indicator(was: Mapping[str, Any], now: Mapping[str, Any]) -> list[str]:
    """What changed in one indicator: counts and value, verdict, target, gap."""
    counts = _has_counts(was) and _has_counts(now)
    growth = GROWTH_WORD in (was.get("gap_word"), now.get("gap_word"))
    old_text, new_text = _figure_text(was, counts, growth), _figure_text(now, counts, growth)
    parts = []
    if old_text != new_text:
        parts.append(f"{old_text} {ARROW} {new_text}")
    if _met_text(was) != _met_text(now):
        parts.append(f"{_met_text(was)} {ARROW} {_met_text(now)}")
    if _both(was, now, "target_text"):
        parts.append(f"kế hoạch {was['target_text']} {ARROW} {now['target_text']}")
    gap_was, gap_now = _gap_text(was), _gap_text(now)
    if gap_was and gap_now and gap_was != gap_now:
        word = str(now.get("gap_word") or "")
        parts.append(f"cần thêm {gap_was} {ARROW} {gap_now}{' ' + word if word else ''}")
    return parts


def _indicator_name(*sides: Mapping[str, Any] | None) -> str:
    for side in sides:
        if side is not None and side.get("name"):
            return str(side["name"])
    return next(str(s.get("code")) for s in sides if s is not None)


def indicator_changes(
    old: Sequence[Mapping[str, Any]], new: Sequence[Mapping[str, Any]]
) -> list[str]:
    """One line per indicator that changed, by its name: `Tên: 1/1 (100,0%) → 2/2 (100,0%)`."""
    before = {str(i.get("code")): i for i in old}
    after = {str(i.get("code")): i for i in new}
    codes = list(after) + [code for code in before if code not in after]
    lines: list[str] = []
    for code in codes:
        was, now = before.get(code), after.get(code)
        name = _indicator_name(now, was)
        if was is None or now is None:
            growth = (was or now or {}).get("gap_word") == GROWTH_WORD
            old_text = _figure_text(was, growth=growth) if was is not None else MISSING
            new_text = _figure_text(now, growth=growth) if now is not None else MISSING
            lines.append(f"{name}: {old_text} {ARROW} {new_text}")
        elif parts := _one_indicator(was, now):
            lines.append(f"{name}: {'; '.join(parts)}")
    return lines


# Totals, task groups and coverage


def total_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    """The year's totals: library uses (this year and the year before) and funding."""
    year = new.get("year")
    previous = f"năm {year - 1}" if isinstance(year, int) else "năm trước"
    lines = []
    uses_was, uses_now = _mapping(old.get("library_uses")), _mapping(new.get("library_uses"))
    for key, label in (
        ("year", "Tổng lượt sử dụng thư viện"),
        ("previous_year", f"Tổng lượt sử dụng thư viện {previous}"),
    ):
        if _both(uses_was, uses_now, key):
            lines.append(f"{label}: {_from_to(uses_was[key], uses_now[key])}")
    money_was, money_now = _mapping(old.get("funding")), _mapping(new.get("funding"))
    for key, label in (("state", "Tổng kinh phí nhà nước"), ("social", "Tổng kinh phí xã hội hóa")):
        if _both(money_was, money_now, key):
            lines.append(f"{label}: {_from_to(money_was[key], money_now[key], ' đồng')}")
    return lines


def _figure_parts(
    was: Mapping[str, Any], now: Mapping[str, Any], labels: Mapping[str, tuple[str, str]]
) -> list[str]:
    return [
        f"{label} {_from_to(was[key], now[key], unit)}"
        for key, (label, unit) in labels.items()
        if _both(was, now, key)
    ]


def task_group_changes(old: Sequence[Any], new: Sequence[Any]) -> list[str]:
    """Each task group of plan section III whose activities or participants changed."""
    before = {g.get("number"): g for g in old if isinstance(g, Mapping)}
    lines = []
    for group in new:
        if not isinstance(group, Mapping) or group.get("number") not in before:
            continue
        parts = _figure_parts(before[group.get("number")], group, TASK_GROUP_FIGURES)
        if parts:
            lines.append(f"Nhóm nhiệm vụ {group.get('number')}: {'; '.join(parts)}")
    return lines


def coverage_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    """Units to report, and rows left out for a bad cell, sheet by sheet."""
    lines = []
    units_was, units_now = _mapping(old.get("units")), _mapping(new.get("units"))
    if "expected" in units_was and "expected" in units_now:
        count_was = len(_sequence(units_was["expected"]))
        count_now = len(_sequence(units_now["expected"]))
        if count_was != count_now:
            lines.append(f"Số đơn vị phải báo cáo: {_from_to(count_was, count_now)}")
    rows_was = _mapping(_mapping(old.get("coverage")).get("left_out_rows"))
    rows_now = _mapping(_mapping(new.get("coverage")).get("left_out_rows"))
    if "coverage" in old and "coverage" in new:
        for table in [*rows_now, *(t for t in rows_was if t not in rows_now)]:
            was, now = rows_was.get(table, 0), rows_now.get(table, 0)
            if was != now:
                lines.append(f"Số dòng không tính vì có lỗi (sheet {table}): {_from_to(was, now)}")
    return lines


# Units


def _codes(units: Any, key: str) -> list[str]:
    if not isinstance(units, Mapping):
        return []
    return [str(code) for code in units.get(key) or ()]


def _names(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, str]:
    return {**_mapping(old.get("unit_names")), **_mapping(new.get("unit_names"))}


def unit_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    """Units that sent a workbook since the previous draft, or no longer appear."""
    names = _names(old, new)
    was = _codes(old.get("units"), "received")
    now = _codes(new.get("units"), "received")
    arrived = [f"Đơn vị mới gửi: {names.get(code, code)}" for code in now if code not in was]
    gone = [
        f"Đơn vị không còn trong báo cáo: {names.get(code, code)}"
        for code in was
        if code not in now
    ]
    return arrived + gone


def unit_figure_changes(
    old: Mapping[str, Any], new: Mapping[str, Any], limit: int = UNIT_LINES
) -> list[str]:
    """One line per unit whose appendix figures changed: `UBND xã Đắk Ui: lượt ... 1.290 → 1.300`.

    A unit on one side only is told by `unit_changes`, not here.
    """
    names = _names(old, new)
    before = {u.get("unit"): u for u in _sequence(old.get("per_unit")) if isinstance(u, Mapping)}
    lines = []
    for unit in _sequence(new.get("per_unit")):
        if not isinstance(unit, Mapping) or unit.get("unit") not in before:
            continue
        parts = _figure_parts(before[unit.get("unit")], unit, UNIT_FIGURES)
        if parts:
            code = str(unit.get("unit"))
            name = str(unit.get("name") or names.get(code, code))
            lines.append(f"{name}: {'; '.join(parts)}")
    if len(lines) > limit:
        rest = len(lines) - limit
        lines = lines[:limit] + [f"… và {rest} đơn vị khác có số liệu thay đổi"]
    return lines


# Problems


def _problem_key(problem: Mapping[str, Any], by_code: bool) -> tuple[str, str, str, str]:
    """Which problem this is: its unit (or file), sheet, cell and code (or message)."""
    where = str(problem.get("unit") or "") or str(problem.get("file", ""))
    kind = str(problem.get("code" if by_code else "message", ""))
    return (where, str(problem.get("sheet", "")), str(problem.get("cell", "")), kind)


def _problem_text(problem: Mapping[str, Any]) -> str:
    where = " › ".join(
        str(problem[k]) for k in ("file", "sheet", "cell") if str(problem.get(k, "") or "")
    )
    message = str(problem.get("message", ""))
    return f"{where}: {message}" if where else message


def problem_changes(
    old: Sequence[Mapping[str, Any]], new: Sequence[Mapping[str, Any]], limit: int = PROBLEM_LINES
) -> list[str]:
    """Problems fixed and problems new, at most `limit` lines and one line for the rest.

    Problems are told apart by their code, not their wording; when a draft made before
    problems had codes is compared, both sides are told apart by message instead.
    """
    by_code = all(p.get("code") for p in (*old, *new))
    was = {_problem_key(p, by_code) for p in old}
    now = {_problem_key(p, by_code) for p in new}
    lines = [
        f"Đã sửa: {_problem_text(p)}"
        for p in _unique(old, by_code)
        if _problem_key(p, by_code) not in now
    ]
    lines += [
        f"Vấn đề mới: {_problem_text(p)}"
        for p in _unique(new, by_code)
        if _problem_key(p, by_code) not in was
    ]
    if len(lines) > limit:
        rest = len(lines) - limit
        lines = lines[:limit] + [f"… và {rest} vấn đề khác"]
    return lines


def _unique(problems: Sequence[Mapping[str, Any]], by_code: bool) -> list[Mapping[str, Any]]:
    """Problems in their order, each one once."""
    seen: set[tuple[str, str, str, str]] = set()
    kept = []
    for problem in problems:
        key = _problem_key(problem, by_code)
        if key not in seen:
            seen.add(key)
            kept.append(problem)
    return kept


def describe_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> tuple[str, ...]:
    """Short Vietnamese lines saying what changed from one draft's figures to the next."""
    return tuple(
        indicator_changes(_sequence(old.get("indicators")), _sequence(new.get("indicators")))
        + total_changes(old, new)
        + task_group_changes(_sequence(old.get("task_groups")), _sequence(new.get("task_groups")))
        + coverage_changes(old, new)
        + unit_changes(old, new)
        + unit_figure_changes(old, new)
        + problem_changes(_sequence(old.get("problems")), _sequence(new.get("problems")))
    )
