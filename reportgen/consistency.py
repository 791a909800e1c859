"""Warnings that compare a unit's return with its return of the year before."""

from __future__ import annotations

from collections.abc import Callable

from . import fmt, vocab
from .models import WARNING, Intake, Problem, UnitReturn

# A count that doubles or halves, and moves by at least this much, is worth a phone call.
JUMP_RATIO = 2
MIN_JUMP = {"uses": 1_000, "libraries": 3, "institutions": 3}

Measure = tuple[str, str, str, Callable[[UnitReturn], int]]
MEASURES: tuple[Measure, ...] = (
    (
        "uses",
        vocab.SHEET_LIBRARIES,
        "tổng lượt người sử dụng thư viện",
        lambda r: sum(lib.uses for lib in r.libraries),
    ),
    ("libraries", vocab.SHEET_LIBRARIES, "số thư viện, tủ sách", lambda r: len(r.libraries)),
    (
        "institutions",
        vocab.SHEET_INSTITUTIONS,
        "số thiết chế văn hóa",
        lambda r: len(r.institutions),
    ),
)


def _jumped(now: int, before: int, key: str) -> bool:
    if abs(now - before) < MIN_JUMP[key]:
        return False
    return before == 0 or now == 0 or now >= before * JUMP_RATIO or now * JUMP_RATIO <= before


def year_on_year_warnings(current: Intake, previous: Intake) -> tuple[Problem, ...]:
    """A warning for each unit whose counts jump far from last year's."""
    earlier = {r.unit: r for r in previous.returns}
    warnings = []
    for now in current.returns:
        before = earlier.get(now.unit)
        if before is None:
            continue
        for key, sheet, what, measure in MEASURES:
            a, b = measure(now), measure(before)
            if _jumped(a, b, key):
                warnings.append(
                    Problem(
                        now.file,
                        sheet,
                        "",
                        WARNING,
                        f"{what} là {fmt.integer(a)}, năm {previous.year} là {fmt.integer(b)}: "
                        "chênh lệch lớn, đề nghị đơn vị kiểm tra lại",
                        now.unit,
                        code="year-on-year-jump",
                    )
                )
    return tuple(warnings)
