"""The figures as the JSON of data-contract §4, written beside every draft."""

from __future__ import annotations

from dataclasses import asdict
from fractions import Fraction
from typing import Any

from . import fmt
from .config import Config
from .models import Figures


def _fraction(value: Fraction | None) -> float | None:
    return None if value is None else round(float(value), 4)


def figures_json(figures: Figures, config: Config) -> dict[str, Any]:
    """The machine-readable result of data-contract §4 (plus display texts)."""
    return {
        "year": figures.year,
        "milestone": figures.milestone,
        "indicators": [
            {
                "code": r.code,
                "name": r.name,
                "numerator": r.numerator,
                "denominator": r.denominator,
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
            }
            for r in figures.indicators
        ],
        "units": {
            "expected": list(figures.expected),
            "received": list(figures.received),
            "missing": list(figures.missing),
        },
        "unit_names": config.unit_names,
        "library_uses": {
            "year": figures.library_uses,
            "previous_year": figures.library_uses_previous,
        },
        "funding": {"state": figures.state_funding, "social": figures.social_funding},
        "task_groups": [
            {"number": g.number, "activities": len(g.activities), "participants": g.participants}
            for g in figures.task_groups
        ],
        "per_unit": [asdict(u) for u in figures.per_unit],
        "problems": [p.as_json() for p in figures.problems],
    }
