"""Pure evaluation: one year's validated rows in, the report's figures out."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import replace
from fractions import Fraction

from . import vocab
from .config import Config
from .models import (
    Comparison,
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
    YearSummary,
    YearUses,
)
from .plan import IndicatorDef


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
    comparison: Comparison | None = None,
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
        comparison=comparison,
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


def compare_uses(current: Mapping[str, int], earlier: YearUses) -> Comparison:
    """This year's library uses (by unit) against an earlier year's, over the same units."""
    total = sum(current.values())
    if earlier.by_unit is None:  # a configured total: nothing to match unit by unit
        return Comparison(
            earlier.year, total, earlier.total, total, earlier.total, (), (), (), True
        )
    before = earlier.by_unit
    units = tuple(u for u in current if u in before)
    return Comparison(
        earlier_year=earlier.year,
        current=sum(current[u] for u in units),
        earlier=sum(before[u] for u in units),
        current_total=total,
        earlier_total=earlier.total,
        units=units,
        # A unit with no library uses that year changes nothing by being left out: not named.
        only_current=tuple(u for u in current if u not in before and current[u]),
        only_earlier=tuple(u for u in before if u not in current and before[u]),
    )


def _average_growth(
    year: int,
    current: Mapping[str, int],
    history: Mapping[int, YearUses],
    first_milestone: int,
    review: bool,
) -> tuple[float | None, int | None]:
    """Average yearly growth since the first year with data, like for like.

    The plan asks for it after its first milestone, and a review year judges on it.
    """
    earlier = sorted(y for y, uses in history.items() if y < year - 1 and uses.total > 0)
    if (year <= first_milestone and not review) or not earlier:
        return None, None
    since = earlier[0]
    comparison = compare_uses(current, history[since])
    if comparison.earlier == 0:
        return None, None
    return (comparison.current / comparison.earlier) ** (1 / (year - since)) - 1, since


def _growth_of(
    d: IndicatorDef, comparison: Comparison | None, uses: int, milestone: int
) -> IndicatorResult:
    """The year's growth of library uses from its like-for-like comparison (None: no earlier
    year); `uses` is the year's total, kept as the numerator when nothing can be compared."""
    if comparison is None or comparison.earlier == 0:
        return _result(
            d,
            milestone,
            numerator=uses,
            denominator=0,
            value=None,
            met=None,
            gap_units=None,
            status="insufficient" if comparison is None else "no_data",
            comparison=comparison,
        )
    target = d.target_for(milestone).low
    value = Fraction(comparison.current, comparison.earlier) - 1
    met = value >= target
    needed = math.ceil(comparison.earlier * (1 + target)) - comparison.current
    return _result(
        d,
        milestone,
        numerator=comparison.current,
        denominator=comparison.earlier,
        value=value,
        met=met,
        gap_units=0 if met else max(0, needed),
        status="ok",
        comparison=comparison,
    )


def _growth(
    d: IndicatorDef,
    year: int,
    current: Mapping[str, int],
    history: Mapping[int, YearUses],
    milestone: int,
    first_milestone: int,
    review: bool = False,
) -> IndicatorResult:
    earlier = history.get(year - 1)
    comparison = compare_uses(current, earlier) if earlier is not None else None
    result = _growth_of(d, comparison, sum(current.values()), milestone)
    if result.value is None:
        return result
    average, since = _average_growth(year, current, history, first_milestone, review)
    result = replace(result, average_growth=average, average_since=since)
    if review and average is not None:  # a sơ kết / tổng kết judges the period, not one year
        on_average = average >= float(result.target)
        return replace(result, met=on_average, gap_units=0 if on_average else None, on_average=True)
    return result


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


def _next(result: IndicatorResult, d: IndicatorDef, year: int, config: Config) -> IndicatorResult:
    """The result with the milestone that applies next year and what it asks of this figure."""
    milestones = config.plan.milestones
    if year + 1 > milestones[-1]:
        return result  # the plan ends with this year: its next phase is another plan
    milestone = config.plan.milestone_for(year + 1)
    target = d.target_for(milestone)
    if result.is_growth:
        base = result.comparison.current_total if result.comparison else result.numerator
        gap = math.ceil(base * target.low) if base else None  # uses to gain next year
    else:
        gap = shortfall(result.numerator, result.denominator, target.low)
        gap = gap if result.denominator else None
    return replace(
        result,
        next_milestone=milestone,
        next_target=target.low,
        next_target_max=target.high,
        next_gap_units=gap,
    )


def _judged(
    result: IndicatorResult, received: int, expected: int, config: Config
) -> IndicatorResult:
    """The result left unjudged when fewer units reported than the plan asks to judge."""
    least = config.plan.min_coverage
    if least is None or not expected or Fraction(received, expected) >= least:
        return result
    if result.value is None:
        return result
    return replace(result, met=None, gap_units=None, status="low_coverage")


def _indicator(
    d: IndicatorDef,
    libraries: Sequence[Library],
    institutions: Sequence[Institution],
    uses: YearUses,
    history: Mapping[int, YearUses],
    config: Config,
) -> IndicatorResult:
    year = uses.year
    milestone = config.plan.milestone_for(year)
    if d.measure is Measure.LIBRARY_SHARE:
        of_kind = [lib for lib in libraries if lib.kind == d.library_kind]
        count = sum(_qualifies(lib, d.criterion) for lib in of_kind)
        result = _share(d, count, len(of_kind), milestone)
    elif d.measure is Measure.INSTITUTION_SHARE:
        result = _share(d, sum(map(_active, institutions)), len(institutions), milestone)
    else:
        assert uses.by_unit is not None  # a year read from workbooks
        review = config.plan.is_review(year)
        first = config.plan.milestones[0]
        result = _growth(d, year, uses.by_unit, history, milestone, first, review)
    reported = len(uses.by_unit or ())
    result = _judged(result, reported, len(config.units), config)
    return _next(result, d, year, config)


def rolled_up_indicator(
    d: IndicatorDef,
    year: int,
    config: Config,
    *,
    counts: tuple[int, int],
    comparison: Comparison | None,
    reported: int,
) -> IndicatorResult:
    """An indicator over many localities: a share of their summed `counts` (numerator,
    denominator), or a growth of their summed like-for-like `comparison`; judged like a
    year's own, with `reported` localities of the registry's."""
    milestone = config.plan.milestone_for(year)
    if d.is_growth:
        result = _growth_of(d, comparison, counts[0], milestone)
    else:
        result = _share(d, *counts, milestone)
    return _next(_judged(result, reported, len(config.units), config), d, year, config)


def _uses_by_year(
    year: int, uses: int, history: Mapping[int, YearUses], config: Config
) -> tuple[tuple[int, int | None], ...]:
    """Library uses of each year from the plan's start to this one (None: no data that year)."""
    first = min(config.plan.year, year)
    totals = {y: h.total for y, h in history.items()} | {year: uses}
    return tuple((y, totals.get(y)) for y in range(first, year + 1))


def library_uses(intake: Intake) -> YearUses:
    """Σ `Lượt người sử dụng` of a year, in all and by unit."""
    return _year_uses(intake.year, intake.returns)


def _year_uses(year: int, returns: Sequence[UnitReturn]) -> YearUses:
    by_unit = {r.unit: sum(lib.uses for lib in r.libraries) for r in returns}
    return YearUses(year, sum(by_unit.values()), by_unit)


def evaluate(intake: Intake, config: Config, history: Mapping[int, YearUses]) -> Figures:
    """Compute every figure of the report; `history` holds earlier years' library uses."""
    year = intake.year
    order = {u.code: i for i, u in enumerate(config.units)}
    returns = sorted(intake.returns, key=lambda r: (order.get(r.unit, len(order)), r.unit))

    libraries = [lib for r in returns for lib in r.libraries]
    institutions = [inst for r in returns for inst in r.institutions]
    activities = [a for r in returns for a in r.activities]
    funding = [f for r in returns for f in r.funding]
    uses = _year_uses(year, returns)  # units in registry order

    indicators = tuple(
        _indicator(d, libraries, institutions, uses, history, config)
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
        library_uses=uses.total,
        library_uses_previous=previous.total if (previous := history.get(year - 1)) else None,
        uses_by_year=_uses_by_year(year, uses.total, history, config),
        left_out=tuple(row for r in returns for row in r.left_out),
        min_coverage=config.plan.min_coverage,
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


def year_summary(figures: Figures) -> YearSummary:
    """A year's line of the period table, from that year's figures."""
    return YearSummary(
        year=figures.year,
        received=len(figures.received),
        expected=len(figures.expected),
        indicators=figures.indicators,
        library_uses=figures.library_uses,
        activities=len(figures.activities),
        participants=sum(a.participants for a in figures.activities),
        state_funding=figures.state_funding,
        social_funding=figures.social_funding,
    )


def period_summary(
    figures: Figures, earlier: Mapping[int, Figures], first_year: int
) -> tuple[YearSummary, ...]:
    """Every year from the plan's first to this one; a year with no workbooks says so."""
    lines = []
    for year in range(min(first_year, figures.year), figures.year):
        if year in earlier:
            lines.append(year_summary(earlier[year]))
        else:
            lines.append(
                YearSummary(year, None, len(figures.expected), (), None, None, None, None, None)
            )
    return (*lines, year_summary(figures))
