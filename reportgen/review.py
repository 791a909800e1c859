"""A sơ kết / tổng kết: the plan period year by year, its lessons and the commendations."""

from __future__ import annotations

from typing import Any

from . import fmt
from .assessment import most_participants, most_read_communes
from .config import Config
from .models import Figures, YearSummary

NO_DATA = "chưa có số liệu"
DOTS = "…………………………………………"


def _value(line: YearSummary, code: str) -> str:
    found = next((r for r in line.indicators if r.code == code), None)
    if not line.has_data or found is None:
        return NO_DATA
    if found.is_growth and found.value is not None and not found.on_average:
        return fmt.change(found.value)
    return fmt.value_text(found)


def _count(value: int | None) -> str:
    return NO_DATA if value is None else fmt.integer(value)


def period_rows(figures: Figures, config: Config) -> dict[str, Any]:
    """The period tables: every indicator year by year, and the year's totals."""
    indicators = []
    for index, d in enumerate(config.plan.indicators):
        growth = d.is_growth
        targets = [
            f"{m}: {fmt.target(t.low, t.high)}{'/năm' if growth else ''}" for m, t in d.targets
        ]
        indicators.append(
            {
                "stt": str(index + 1),
                "name": d.name,
                # Years without data are named once, in the intro and the totals table.
                "years": [
                    f"{line.year}: {_value(line, d.code)}"
                    for line in figures.period
                    if line.has_data
                ],
                "targets": targets,
            }
        )
    years = [
        {
            "year": str(line.year),
            "units": f"{line.received}/{line.expected}" if line.has_data else NO_DATA,
            "uses": _count(line.library_uses),
            "activities": _count(line.activities),
            "participants": _count(line.participants),
            "state": _count(line.state_funding),
            "social": _count(line.social_funding),
        }
        for line in figures.period
    ]
    with_data = [line for line in figures.period if line.has_data]

    def total(values: list[int | None]) -> str:
        return fmt.integer(sum(v or 0 for v in values))

    period_total = {
        "activities": total([line.activities for line in with_data]),
        "participants": total([line.participants for line in with_data]),
        "state": total([line.state_funding for line in with_data]),
        "social": total([line.social_funding for line in with_data]),
    }
    say = config.say
    first = figures.period[0].year if figures.period else figures.year
    missing = [str(line.year) for line in figures.period if not line.has_data]
    intro = say("period_intro", first_year=first, year=figures.year)
    if missing:
        intro += " " + say("period_years_without_data", years=", ".join(missing))
    return {
        "review": bool(figures.period),
        "period_heading": say("period_heading", first_year=first, year=figures.year),
        "period_intro": intro,
        "period_indicators": indicators,
        "period_years": years,
        "period_total": period_total,
    }


def lessons(figures: Figures, config: Config) -> list[str]:
    """Bài học kinh nghiệm of a review year: the plan configuration's, the clerk completes."""
    if not figures.period:
        return []
    return [f"- {line.rstrip('.')}." for line in config.plan.lessons] or [f"- {DOTS}"]


def commendations(figures: Figures, config: Config) -> list[str]:
    """Units the period's figures single out, proposed for commendation; the clerk completes."""
    if not figures.period:
        return []
    busiest = most_participants(figures, 3)
    readers = most_read_communes(figures, config, 2)
    say = config.say
    groups = [
        say(
            "commendation_busiest",
            unit=config.unit_name(u.unit),
            activities=fmt.integer(u.activities),
            participants=fmt.integer(u.participants),
            year=figures.year,
        )
        for u in busiest
    ] + [
        say(
            "commendation_readers",
            unit=config.unit_name(u.unit),
            uses=fmt.integer(u.library_uses),
            year=figures.year,
        )
        for u in readers
        if u.unit not in {b.unit for b in busiest}
    ]
    lines = [say("commendation_lead")]
    if groups:
        lines.append(say("commendation_groups", units="; ".join(groups)))
    lines.append(say("commendation_people"))
    return lines
