"""The province's roll-up: the localities' figures gathered (gather.py) summed exactly, judged
against the province's plan, and each indicator's localities ranked."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

from . import fmt, vocab
from .config import Config
from .evaluate import rolled_up_indicator
from .gather import Gathered, Sent
from .models import UNIT_COUNTS, Comparison, Figures, IndicatorResult, TaskGroup, UnitFigures
from .plan import IndicatorDef

NO_VALUE = "chưa có số liệu"


def _indicator(d: IndicatorDef, sent: Sequence[Sent], year: int, config: Config) -> IndicatorResult:
    """One indicator over every locality that has it."""
    own = [(s.unit, i) for s in sent for i in s.data["indicators"] if i["code"] == d.code]
    numerator = sum(i["numerator"] or 0 for _, i in own)
    denominator = sum(i["denominator"] or 0 for _, i in own)
    comparison = None
    if d.is_growth:
        compared = [(unit, i["comparison"]) for unit, i in own if i["comparison"]]
        uses = {s.unit: s.data["library_uses"] for s in sent}
        if compared:
            units = tuple(unit for unit, _ in compared)
            comparison = Comparison(
                earlier_year=year - 1,
                current=sum(c["current"] for _, c in compared),
                earlier=sum(c["earlier"] for _, c in compared),
                current_total=sum(u["year"] for u in uses.values()),
                earlier_total=sum(u["previous_year"] or 0 for u in uses.values()),
                units=units,
                only_current=tuple(
                    unit for unit, u in uses.items() if unit not in units and u["year"]
                ),
                only_earlier=(),
            )
        numerator = sum(u["year"] for u in uses.values())
    return rolled_up_indicator(
        d,
        year,
        config,
        counts=(numerator, denominator),
        comparison=comparison,
        reported=len(sent),
    )


def _unit_line(one: Sent, config: Config) -> UnitFigures:
    rows = one.data["per_unit"]
    totals = {field: sum(row[field] for row in rows) for field in UNIT_COUNTS}
    return UnitFigures(unit=one.unit, name=config.unit_name(one.unit), **totals)


def _task_groups(sent: Sequence[Sent]) -> tuple[TaskGroup, ...]:
    groups = []
    for number, title in vocab.TASK_GROUPS.items():
        by_unit = [
            (s.unit, g["activities"], g["participants"])
            for s in sent
            for g in s.data["task_groups"]
            if g["number"] == number and g["activities"]
        ]
        groups.append(
            TaskGroup(
                number,
                title,
                (),
                sum(p for _, _, p in by_unit),
                tuple(unit for unit, _, _ in by_unit),
                activity_count=sum(n for _, n, _ in by_unit),
                unit_participants=tuple((unit, p) for unit, _, p in by_unit),
            )
        )
    return tuple(groups)


def rollup_figures(gathered: Gathered, year: int, config: Config) -> Figures:
    """The province's figures for `year`: the localities' sums, judged against its plan."""
    sent = gathered.sent
    received = tuple(s.unit for s in sent)
    expected = tuple(u.code for u in config.units)
    missing = tuple(code for code in expected if code not in received)
    uses = sum(s.data["library_uses"]["year"] for s in sent)
    earlier = [s.data["library_uses"]["previous_year"] for s in sent]
    previous = sum(earlier) if sent and None not in earlier else None
    return Figures(
        year=year,
        milestone=config.plan.milestone_for(year),
        indicators=tuple(_indicator(d, sent, year, config) for d in config.plan.indicators),
        task_groups=_task_groups(sent),
        state_funding=sum(s.data["funding"]["state"] for s in sent),
        social_funding=sum(s.data["funding"]["social"] for s in sent),
        per_unit=tuple(_unit_line(s, config) for s in sent),
        libraries=(),
        activities=(),
        funding=(),
        assessments=(),
        expected=expected,
        received=received,
        missing=missing,
        problems=gathered.problems,
        library_uses=uses,
        library_uses_previous=previous,
        uses_by_year=((year - 1, previous), (year, uses)) if previous is not None else (),
        min_coverage=config.plan.min_coverage,
        rolled_up=True,
    )


def _own_value(d: IndicatorDef, indicator: Mapping[str, Any]) -> Fraction | None:
    """A locality's exact value of an indicator, from its counts (never its rounded value)."""
    if d.is_growth:
        compared = indicator["comparison"]
        if not compared or not compared["earlier"]:
            return None
        return Fraction(compared["current"], compared["earlier"]) - 1
    if not indicator["denominator"]:
        return None
    return Fraction(indicator["numerator"], indicator["denominator"])


def _shown(d: IndicatorDef, indicator: Mapping[str, Any], value: Fraction) -> str:
    if d.is_growth:
        return fmt.change(value)
    return f"{indicator['numerator']}/{indicator['denominator']} ({fmt.percent(value)})"


def ranking_rows(gathered: Gathered, year: int, config: Config) -> list[dict[str, str]]:
    """Each indicator's localities from best to worst, judged against the province's target;
    equal values share a rank, and localities without a value come last, unranked."""
    rows = []
    milestone = config.plan.milestone_for(year)
    for d in config.plan.indicators:
        target = d.target_for(milestone).low
        valued, unvalued = [], []
        for s in gathered.sent:
            own = next((i for i in s.data["indicators"] if i["code"] == d.code), None)
            value = _own_value(d, own) if own else None
            if own is None or value is None:
                unvalued.append(s.unit)
            else:
                valued.append((value, config.unit_name(s.unit), _shown(d, own, value)))
        valued.sort(key=lambda v: -v[0])  # stable: equal values keep the registry's order
        lines: list[tuple[int | None, str, str, str]] = []
        for index, (value, name, shown) in enumerate(valued):
            rank = index + 1 if index == 0 or value != valued[index - 1][0] else lines[-1][0]
            lines.append((rank, name, shown, fmt.verdict(value >= target, "ok")))
        lines += [(None, config.unit_name(u), NO_VALUE, "") for u in unvalued]
        for index, (rank, name, shown, verdict) in enumerate(lines):
            rows.append(
                {
                    "indicator": d.name if index == 0 else "",
                    "rank": "–" if rank is None else str(rank),
                    "unit": name,
                    "result": shown,
                    "assessment": verdict,
                }
            )
    return rows


def ranking_ends(rows: Sequence[dict[str, str]], ends: int) -> list[dict[str, str]]:
    """The ranking with each indicator's list past 2 × `ends` + 1 localities cut to that many
    at each end, a line saying how many are left out between them."""
    groups: list[list[dict[str, str]]] = []
    for row in rows:
        if row["indicator"] or not groups:  # an indicator's first row starts its list
            groups.append([])
        groups[-1].append(row)
    shortened = []
    for group in groups:
        if len(group) > 2 * ends + 1:
            gap = f"… ({fmt.integer(len(group) - 2 * ends)} địa phương khác)"
            left_out = {"indicator": "", "rank": "", "unit": gap, "result": "", "assessment": ""}
            group = [*group[:ends], left_out, *group[-ends:]]
        shortened += group
    return shortened
