"""Pure evaluation: one year's validated rows in, the report's figures out."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from fractions import Fraction

from . import vocab
from .config import Config, IndicatorDef
from .models import (
    Criterion,
    Figures,
    Funding,
    IndicatorResult,
    Institution,
    Intake,
    Library,
    Measure,
    Status,
    TaskGroup,
    UnitFigures,
    UnitReturn,
)


def shortfall(numerator: int, denominator: int, target: Fraction) -> int:
    """How many more qualifying institutions make numerator/denominator reach the target."""
    return max(0, math.ceil(target * denominator) - numerator)


def _result(
    d: IndicatorDef,
    milestone: int,
    *,
    numerator: int,
    denominator: int,
    value: Fraction | None,
    met: bool | None,
    gap_units: int | None,
    status: Status,
    average_growth: float | None = None,
    average_since: int | None = None,
) -> IndicatorResult:
    """An indicator's result, its definition's code, name, measure and target filled in."""
    target = d.target_for(milestone)
    return IndicatorResult(
        code=d.code,
        name=d.name,
        measure=d.measure,
        numerator=numerator,
        denominator=denominator,
        value=value,
        target=target.low,
        target_max=target.high,
        met=met,
        gap_units=gap_units,
        status=status,
        average_growth=average_growth,
        average_since=average_since,
    )


def _share(d: IndicatorDef, numerator: int, denominator: int, milestone: int) -> IndicatorResult:
    if denominator == 0:
        return _result(
            d,
            milestone,
            numerator=numerator,
            denominator=0,
            value=None,
            met=None,
            gap_units=None,
            status="no_data",
        )
    value = Fraction(numerator, denominator)
    target = d.target_for(milestone).low
    met = value >= target
    return _result(
        d,
        milestone,
        numerator=numerator,
        denominator=denominator,
        value=value,
        met=met,
        gap_units=0 if met else shortfall(numerator, denominator, target),
        status="ok",
    )


def _growth(
    d: IndicatorDef,
    year: int,
    uses: int,
    history: Mapping[int, int],
    milestone: int,
    first_milestone: int,
) -> IndicatorResult:
    previous = history.get(year - 1)
    if previous is None or previous == 0:
        return _result(
            d,
            milestone,
            numerator=uses,
            denominator=previous or 0,
            value=None,
            met=None,
            gap_units=None,
            status="insufficient" if previous is None else "no_data",
        )
    target = d.target_for(milestone).low
    value = Fraction(uses, previous) - 1
    met = value >= target
    average = since = None
    earlier = sorted(y for y, v in history.items() if y < year - 1 and v > 0)
    if year > first_milestone and earlier:  # the plan: average growth after its first milestone
        since = earlier[0]
        average = (uses / history[since]) ** (1 / (year - since)) - 1
    return _result(
        d,
        milestone,
        numerator=uses,
        denominator=previous,
        value=value,
        met=met,
        gap_units=0 if met else max(0, math.ceil(previous * (1 + target)) - uses),
        status="ok",
        average_growth=average,
        average_since=since,
    )


def library_uses(intake: Intake) -> int:
    """Σ `Lượt người sử dụng` over every library of every unit."""
    return sum(lib.uses for r in intake.returns for lib in r.libraries)


def _qualifies(library: Library, criterion: Criterion | None) -> bool:
    """Whether a library counts towards a library-share indicator."""
    if criterion is Criterion.SERVES_LIFELONG:
        return library.serves_lifelong
    return criterion is Criterion.DIGITAL and library.digital


def _active(institution: Institution) -> bool:
    """An institution that has clubs and holds regular activities."""
    return institution.has_clubs and institution.regular_activities


def _funds(funding: Sequence[Funding], source: str) -> int:
    return sum(f.amount for f in funding if f.source_of_funds == source)


def _indicator(
    d: IndicatorDef,
    libraries: Sequence[Library],
    institutions: Sequence[Institution],
    year: int,
    history: Mapping[int, int],
    config: Config,
) -> IndicatorResult:
    milestone = config.plan.milestone_for(year)
    if d.measure is Measure.LIBRARY_SHARE:
        of_kind = [lib for lib in libraries if lib.kind == d.library_kind]
        count = sum(_qualifies(lib, d.criterion) for lib in of_kind)
        return _share(d, count, len(of_kind), milestone)
    if d.measure is Measure.INSTITUTION_SHARE:
        return _share(d, sum(map(_active, institutions)), len(institutions), milestone)
    uses = sum(lib.uses for lib in libraries)
    return _growth(d, year, uses, history, milestone, config.plan.milestones[0])


def evaluate(intake: Intake, config: Config, history: Mapping[int, int]) -> Figures:
    """Compute every figure of the report; `history` maps earlier years to their library uses."""
    year = intake.year
    order = {u.code: i for i, u in enumerate(config.units)}
    returns = sorted(intake.returns, key=lambda r: (order.get(r.unit, len(order)), r.unit))

    libraries = [lib for r in returns for lib in r.libraries]
    institutions = [inst for r in returns for inst in r.institutions]
    activities = [a for r in returns for a in r.activities]
    funding = [f for r in returns for f in r.funding]

    indicators = tuple(
        _indicator(d, libraries, institutions, year, history, config)
        for d in config.plan.indicators
    )
    task_groups = tuple(
        TaskGroup(
            number,
            title,
            tuple(a for a in activities if a.task == number),
            sum(a.participants for a in activities if a.task == number),
            tuple(dict.fromkeys(a.unit for a in activities if a.task == number)),
        )
        for number, title in vocab.TASK_GROUPS.items()
    )
    per_unit = tuple(_unit_figures(r, config.unit_name(r.unit)) for r in returns)
    assessments = tuple(
        (r.unit, key, text.strip())
        for r in returns
        for key in vocab.ASSESSMENT_LABELS.values()
        if (text := r.assessment.get(key, "")) and text.strip()
    )
    received = tuple(r.unit for r in returns)
    expected = tuple(u.code for u in config.units)
    return Figures(
        year=year,
        milestone=config.plan.milestone_for(year),
        indicators=indicators,
        task_groups=task_groups,
        state_funding=_funds(funding, vocab.FUND_STATE),
        social_funding=_funds(funding, vocab.FUND_SOCIAL),
        per_unit=per_unit,
        libraries=tuple(libraries),
        activities=tuple(activities),
        funding=tuple(funding),
        assessments=assessments,
        expected=expected,
        received=received,
        missing=tuple(code for code in expected if code not in received),
        problems=intake.problems,
        library_uses=sum(lib.uses for lib in libraries),
        library_uses_previous=history.get(year - 1),
    )


def _unit_figures(ret: UnitReturn, name: str) -> UnitFigures:
    """One unit's line of the appendix, from its own return."""
    libraries, institutions = ret.libraries, ret.institutions
    return UnitFigures(
        unit=ret.unit,
        name=name,
        libraries=len(libraries),
        libraries_serving=sum(lib.serves_lifelong for lib in libraries),
        libraries_digital=sum(lib.digital for lib in libraries),
        library_uses=sum(lib.uses for lib in libraries),
        institutions=len(institutions),
        institutions_active=sum(map(_active, institutions)),
        activities=len(ret.activities),
        participants=sum(a.participants for a in ret.activities),
        state_funding=_funds(ret.funding, vocab.FUND_STATE),
        social_funding=_funds(ret.funding, vocab.FUND_SOCIAL),
    )
