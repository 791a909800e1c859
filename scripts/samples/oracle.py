"""The figures the reportgen build should give, computed independently from the dataset."""

from __future__ import annotations

from fractions import Fraction
from math import ceil

from .data import build_dataset, total_uses
from .registry import (
    FUND_SOCIAL,
    FUND_STATE,
    LIB_COMMUNE,
    LIB_DISTRICT,
    LIB_SCHOOL,
    REGISTRY,
    YEARS,
)
from .rows import vn_int

TARGETS_2025 = {
    "TV_HTSD_HUYEN": (LIB_DISTRICT, "serves", Fraction(1)),
    "TV_HTSD_XA": (LIB_COMMUNE, "serves", Fraction(20, 100)),
    "TV_HTSD_GD": (LIB_SCHOOL, "serves", Fraction(70, 100)),
    "TV_CDS_HUYEN": (LIB_DISTRICT, "digital", Fraction(1)),
    "TV_CDS_XA": (LIB_COMMUNE, "digital", Fraction(10, 100)),
    "TV_CDS_GD": (LIB_SCHOOL, "digital", Fraction(70, 100)),
}


GROWTH_TARGET = Fraction(8, 100)
CLUB_TARGET = Fraction(50, 100)


def share(numerator: int, denominator: int, target: Fraction) -> dict:
    """Return a share indicator with exact met test and gap in institutions."""
    if denominator == 0:
        return {"numerator": 0, "denominator": 0, "value": None, "met": None, "gap_units": None}
    value = Fraction(numerator, denominator)
    gap = max(0, ceil(target * denominator) - numerator)
    return {
        "numerator": numerator,
        "denominator": denominator,
        "value": value,
        "target": target,
        "met": value >= target,
        "gap_units": gap,
    }


def expected_figures(year: int) -> dict:
    """Return the indicator figures the tool should compute from the samples of year."""
    reports = build_dataset()[year]
    libraries = [lib for report in reports for lib in report.libraries]
    figures = {}
    for code, (kind, attr, target) in TARGETS_2025.items():
        of_kind = [lib for lib in libraries if lib.kind == kind]
        figures[code] = share(sum(getattr(lib, attr) for lib in of_kind), len(of_kind), target)
    current = total_uses(reports)
    if year - 1 in YEARS:
        # Like for like: only units that reported in both years are compared.
        earlier_reports = build_dataset()[year - 1]
        both = {r.code for r in reports} & {r.code for r in earlier_reports}
        current = total_uses([r for r in reports if r.code in both])
        previous = total_uses([r for r in earlier_reports if r.code in both])
        value = Fraction(current, previous) - 1
        figures["TV_LUOT_TANG"] = {
            "numerator": current,
            "denominator": previous,
            "value": value,
            "target": GROWTH_TARGET,
            "met": value >= GROWTH_TARGET,
            "gap_units": max(0, ceil(previous * (1 + GROWTH_TARGET)) - current),
        }
    else:
        figures["TV_LUOT_TANG"] = {
            "numerator": current,
            "denominator": None,
            "value": None,
            "target": GROWTH_TARGET,
            "met": None,
            "gap_units": None,
        }
    insts = [inst for report in reports for inst in report.institutions]
    figures["VH_CLB"] = share(sum(i.clubs and i.regular for i in insts), len(insts), CLUB_TARGET)
    return figures


def unit_summary(year: int) -> dict:
    """Return totals that are not indicators: units, uses, activities, funding."""
    reports = build_dataset()[year]
    received = [r.code for r in reports]
    funding = [f for r in reports for f in r.funding]
    activities = [a for r in reports for a in r.activities]
    return {
        "received": received,
        "missing": [code for code, _ in REGISTRY if code not in received],
        "uses": total_uses(reports),
        "activities": len(activities),
        "participants": sum(a.participants for a in activities),
        "state": sum(f.amount for f in funding if f.source == FUND_STATE),
        "social": sum(f.amount for f in funding if f.source == FUND_SOCIAL),
    }


def pct(value: Fraction | None) -> str:
    """Format a fraction as a percentage with one decimal and a comma."""
    if value is None:
        return "—"
    return f"{float(value) * 100:.1f}%".replace(".", ",")


def figure_row(code: str, fig: dict) -> str:
    """Return one Markdown table row of an indicator."""
    met = {True: "met", False: "NOT met", None: "no data"}[fig["met"]]
    den = fig["denominator"]
    ratio = (
        f"{vn_int(fig['numerator'])} / {vn_int(den)}"
        if den is not None
        else (f"{vn_int(fig['numerator'])} / (no previous year)")
    )
    gap = "" if not fig["gap_units"] else vn_int(fig["gap_units"])
    return f"| {code} | {ratio} | {pct(fig['value'])} | {pct(fig['target'])} | {met} | {gap} |"


def summary_text() -> str:
    """Return the expected figures of every year as Markdown."""
    lines = []
    for year in sorted(YEARS, reverse=True):
        totals = unit_summary(year)
        lines += [
            f"### {year}",
            "",
            "| indicator | numerator / denominator | value | target | result | gap |",
            "|---|---|---|---|---|---|",
        ]
        lines += [figure_row(code, fig) for code, fig in expected_figures(year).items()]
        lines += [
            "",
            f"- units received: {len(totals['received'])}/{len(REGISTRY)}; missing: "
            f"{', '.join(totals['missing']) or 'none'}",
            f"- total library uses (Σ Lượt người sử dụng): {vn_int(totals['uses'])}",
            f"- activities: {totals['activities']}, participants: {vn_int(totals['participants'])}",
            f"- funding: Ngân sách nhà nước {vn_int(totals['state'])} đồng, "
            f"Xã hội hóa {vn_int(totals['social'])} đồng",
            "",
        ]
    return "\n".join(lines)
