"""What changed between two drafts, from their JSON of figures, in the report's own words."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

from . import fmt

PROBLEM_LINES = 8  # more fixed/new problems than this are summed up in one line
MISSING = "—"


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


def indicator_changes(
    old: Sequence[Mapping[str, Any]], new: Sequence[Mapping[str, Any]]
) -> list[str]:
    """One line per indicator whose value or status changed: `TV_HTSD_XA: 33,3% → 44,4%`."""
    before = {str(i.get("code")): i for i in old}
    after = {str(i.get("code")): i for i in new}
    codes = list(after) + [code for code in before if code not in after]
    lines: list[str] = []
    for code in codes:
        was, now = before.get(code), after.get(code)
        if was is None or now is None:
            old_text = _value_text(was) if was is not None else MISSING
            new_text = _value_text(now) if now is not None else MISSING
            lines.append(f"{code}: {old_text} → {new_text}")
            continue
        parts = []
        if _value_text(was) != _value_text(now):
            parts.append(f"{_value_text(was)} → {_value_text(now)}")
        if _met_text(was) != _met_text(now):
            status = f"{_met_text(was)} → {_met_text(now)}"
            parts.append(f"({status})" if parts else status)
        if parts:
            lines.append(f"{code}: {' '.join(parts)}")
    return lines


def _codes(units: Any, key: str) -> list[str]:
    if not isinstance(units, Mapping):
        return []
    return [str(code) for code in units.get(key) or ()]


def unit_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    """Units that sent a workbook since the previous draft, or no longer appear."""
    names = {**(old.get("unit_names") or {}), **(new.get("unit_names") or {})}
    was = _codes(old.get("units"), "received")
    now = _codes(new.get("units"), "received")
    arrived = [f"Đơn vị mới gửi: {names.get(code, code)}" for code in now if code not in was]
    gone = [
        f"Đơn vị không còn trong báo cáo: {names.get(code, code)}"
        for code in was
        if code not in now
    ]
    return arrived + gone


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
        indicator_changes(old.get("indicators") or [], new.get("indicators") or [])
        + unit_changes(old, new)
        + problem_changes(old.get("problems") or [], new.get("problems") or [])
    )
