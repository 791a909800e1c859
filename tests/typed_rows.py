"""Typed rows as intake returns them, for tests of evaluate and of the sentences built on it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from reportgen import vocab
from reportgen.models import (
    Activity,
    Funding,
    Institution,
    Intake,
    Library,
    Source,
    UnitInfo,
    UnitReturn,
    YearUses,
)

COMMUNES = ("TT-DAKHA", "XA-DAKHRING", "XA-DAKLA", "XA-DAKLONG", "XA-DAKMAR", "XA-DAKNGOK")
COMMUNES += ("XA-DAKPXI", "XA-DAKUI", "XA-HAMON")  # the nine that sent theirs in the sample


def lib(unit, kind, serves=False, digital=False, uses=0):
    return Library(
        unit, "TV", kind, serves, digital, uses, None, "", Source("f.xlsx", "Thư viện", 2)
    )


def inst(unit, clubs, regular):
    return Institution(
        unit, "NVH", vocab.INST_VILLAGE_HOUSE, clubs, regular, 1, "", Source("f", "s", 2)
    )


def unit_return(
    code: str,
    libraries: Iterable[Library] = (),
    institutions: Iterable[Institution] = (),
    activities: Iterable[Activity] = (),
    funding: Iterable[Funding] = (),
    assessment: Mapping[str, str] | None = None,
    year: int = 2025,
) -> UnitReturn:
    info = UnitInfo(code, code, year, "", "", None)
    return UnitReturn(
        code,
        f"{code}.xlsx",
        info,
        tuple(libraries),
        tuple(institutions),
        tuple(activities),
        tuple(funding),
        assessment or {},
    )


def uses(year: int, by_unit: Mapping[str, int]) -> YearUses:
    """An earlier year's library uses as read from its workbooks, unit by unit."""
    return YearUses(year, sum(by_unit.values()), by_unit)


def sample_like_intake(year: int) -> Intake:
    """The sample year's counts: district 1/1, communes 3/9 and 2/9, schools 25/35 and 24/35,
    institutions 36/75, and 242.246 library uses (218.130 for the same units a year before)."""
    district = unit_return(
        "TTVHTT", [lib("TTVHTT", vocab.LIB_DISTRICT, True, True, 20_000)], year=year
    )
    schools = unit_return(
        "PGDDT",
        [lib("PGDDT", vocab.LIB_SCHOOL, i < 25, i < 24, 4_000) for i in range(35)],
        year=year,
    )
    communes = [
        unit_return(
            code,
            [lib(code, vocab.LIB_COMMUNE, i < 3, i < 2, 2_000)],
            [inst(code, True, True) for _ in range(4)]  # 9 × 4 = 36 active of 75
            + [inst(code, i < 3, False) for _ in range(4 + (i < 3))],
            year=year,
        )
        for i, code in enumerate(COMMUNES)
    ]
    # 20.000 + 35 × 4.000 + 9 × 2.000 = 178.000; HKH's reading room brings it to 242.246.
    reading_room = unit_return("HKH", [lib("HKH", vocab.LIB_READING_POINT, uses=64_246)], year=year)
    return Intake(year, (district, schools, *communes, reading_room), (), ())


def sample_like_history(year: int) -> dict[int, YearUses]:
    """The year before `sample_like_intake(year)`: the same units, 218.130 uses in all."""
    intake = sample_like_intake(year)
    by_unit = {r.unit: sum(library.uses for library in r.libraries) for r in intake.returns}
    by_unit["HKH"] -= 242_246 - 218_130
    return {year - 1: uses(year - 1, by_unit)}
