"""The figures as the JSON of data-contract §4, written beside every draft."""

from __future__ import annotations

from dataclasses import asdict
from fractions import Fraction
from typing import Any

from . import __version__, fmt
from .config import Config
from .models import Comparison, Figures, IndicatorResult

# The version of the JSON's layout (schemas/figures.schema.json): the major number changes
# when a field changes meaning or goes away, the minor one when a field is added.
SCHEMA_VERSION = "1.0"


def _fraction(value: Fraction | None) -> float | None:
    return None if value is None else round(float(value), 4)


def _comparison(comparison: Comparison | None) -> dict[str, Any] | None:
    """Library uses of two years over the units that reported in both, and in all."""
    if comparison is None:
        return None
    return {
        "earlier_year": comparison.earlier_year,
        "current": comparison.current,
        "earlier": comparison.earlier,
        "current_total": comparison.current_total,
        "earlier_total": comparison.earlier_total,
        "baseline": comparison.baseline,
        "units": list(comparison.units),
        "left_out": {
            "only_current_year": list(comparison.only_current),
            "only_earlier_year": list(comparison.only_earlier),
        },
    }


def _coverage(figures: Figures) -> dict[str, Any]:
    """Which units and rows the figures cover."""
    tables = sorted({row.table for row in figures.left_out})
    return {
        "expected": len(figures.expected),
        "received": len(figures.received),
        "complete": figures.complete,
        "min_coverage": _fraction(figures.min_coverage),
        "left_out_rows": {table: figures.left_out_count(table) for table in tables},
    }


def _counts(result: IndicatorResult) -> dict[str, int | None]:
    """An indicator's numerator and denominator; a growth's are its like-for-like uses."""
    if not result.is_growth:
        return {"numerator": result.numerator, "denominator": result.denominator}
    if result.comparison is None:  # no earlier year: nothing was compared, not 0
        return {"numerator": None, "denominator": None}
    return {"numerator": result.comparison.current, "denominator": result.comparison.earlier}


def _issuer(config: Config) -> dict[str, Any]:
    """Who issued the report: the locality a province's roll-up files it under."""
    profile = config.profile
    return {
        "code": profile.locality_code or None,
        "name": profile.issuing_body_name,
        "level": profile.level or None,
        "place": profile.place,
        "province": profile.province or None,
        "document_number": profile.document_number or None,
        "document_date": profile.document_date.isoformat() if profile.document_date else None,
        "recipient": profile.recipient,
    }


def _plan(config: Config) -> dict[str, Any]:
    """The plan the figures are judged against: a roll-up never mixes two."""
    plan = config.plan
    return {
        "programme": plan.programme,
        "issuer": plan.issuer,
        "number": plan.number or None,
        "date": plan.date or None,
        "first_year": plan.year,
        "milestones": list(plan.milestones),
    }


def figures_json(figures: Figures, config: Config) -> dict[str, Any]:
    """The machine-readable result of data-contract §4 (plus display texts)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "reportgen", "version": __version__},
        "issuer": _issuer(config),
        "plan": _plan(config),
        "year": figures.year,
        "milestone": figures.milestone,
        "indicators": [
            {
                "code": r.code,
                "name": r.name,
                "measure": r.measure.value,
                **_counts(r),
                "value": _fraction(r.value),
                "target": _fraction(r.target),
                "target_max": _fraction(r.target_max),
                "met": r.met,
                "gap_units": r.gap_units,
                "gap_word": fmt.gap_word(r),
                "status": r.status,
                "value_text": fmt.value_text(r),
                "target_text": fmt.target(r.target, r.target_max),
                "average_growth": None if r.average_growth is None else round(r.average_growth, 4),
                "average_since": r.average_since,
                "comparison": _comparison(r.comparison),
                "judged_on_average": r.on_average,
                "next_milestone": r.next_milestone,
                "next_target": _fraction(r.next_target),
                "next_target_max": _fraction(r.next_target_max),
                "next_gap_units": r.next_gap_units,
            }
            for r in figures.indicators
        ],
        "units": {
            "expected": list(figures.expected),
            "received": list(figures.received),
            "missing": list(figures.missing),
        },
        "coverage": _coverage(figures),
        "unit_names": config.unit_names,
        "library_uses": {
            "year": figures.library_uses,
            "previous_year": figures.library_uses_previous,
        },
        "funding": {"state": figures.state_funding, "social": figures.social_funding},
        "task_groups": [
            {"number": g.number, "activities": g.held, "participants": g.participants}
            for g in figures.task_groups
        ],
        "per_unit": [asdict(u) for u in figures.per_unit],
        "problems": [p.as_json() for p in figures.problems],
    }
