"""The seeded dataset: every unit report of every year."""

from __future__ import annotations

import random
from fractions import Fraction
from functools import cache

from .communes import build_communes
from .district import build_hkh, build_mttq, build_pldtbxh, build_ptckh, build_ttvhtt
from .registry import COMMUNES, MISSING, SEED, USES_GROWTH_2025, YEARS
from .rows import UnitReport
from .schools import build_pgddt
from .texts import commune_assessment, pgddt_assessment, ttvhtt_assessment


def total_uses(reports: list[UnitReport]) -> int:
    """Return the sum of Lượt người sử dụng over all libraries of the reports."""
    return sum(lib.uses for report in reports for lib in report.libraries)


def scale_uses_2024(reports: dict[int, list[UnitReport]]) -> None:
    """Scale 2024 library uses so 2025 grows by USES_GROWTH_2025 over 2024."""
    total_2025 = total_uses(reports[2025])
    total_2024 = total_uses(reports[2024])
    factor = Fraction(total_2025) / USES_GROWTH_2025 / total_2024
    for report in reports[2024]:
        for library in report.libraries:
            library.uses = round(library.uses * factor)


@cache
def build_dataset() -> dict[int, list[UnitReport]]:
    """Return every unit report of every year, in registry order, missing units left out."""
    rng = random.Random(SEED)
    reports = build_communes(rng)
    for builder in (build_pgddt, build_ttvhtt, build_pldtbxh, build_ptckh, build_mttq, build_hkh):
        for year, report in builder(rng).items():
            reports[year].append(report)
    for year in YEARS:
        reports[year] = [r for r in reports[year] if r.code not in MISSING.get(year, ())]
    # The 2024 assessments quote uses before scaling; rebuild the commune ones afterwards.
    scale_uses_2024(reports)
    refresh_assessments(reports[2024])
    return reports


def refresh_assessments(reports: list[UnitReport]) -> None:
    """Recompute assessment texts that quote figures after 2024 uses were scaled."""
    specs = {spec.code: (index, spec) for index, spec in enumerate(COMMUNES)}
    for report in reports:
        if report.code in specs:
            index, spec = specs[report.code]
            report.assessment = commune_assessment(spec, report, index)
        elif report.code == "PGDDT":
            report.assessment = pgddt_assessment(report)
        elif report.code == "TTVHTT":
            report.assessment = ttvhtt_assessment(report)
