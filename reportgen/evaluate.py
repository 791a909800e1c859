"""Pure evaluation: one year's validated rows in, the report's figures out."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict
from fractions import Fraction

import pandas as pd

from . import fmt, vocab
from .config import Config, IndicatorDef
from .models import Figures, IndicatorResult, Intake, TaskGroup, UnitFigures

GAP_WORDS = {
    "library_share": "thư viện",
    "institution_share": "thiết chế",
    "library_uses_growth": "lượt",
}


def _frame(records: list[dict], columns: list[str]) -> pd.DataFrame:
    """A DataFrame of records that keeps its columns even when there are no rows."""
    return pd.DataFrame(records, columns=columns)


def shortfall(numerator: int, denominator: int, target: Fraction) -> int:
    """How many more qualifying institutions make numerator/denominator reach the target."""
    return max(0, math.ceil(target * denominator) - numerator)


def _share(d: IndicatorDef, numerator: int, denominator: int, milestone: int) -> IndicatorResult:
    target = d.target_for(milestone)
    if denominator == 0:
        return IndicatorResult(
            d.code,
            d.name,
            numerator,
            0,
            None,
            target.low,
            target.high,
            None,
            None,
            GAP_WORDS[d.measure],
            "no_data",
        )
    value = Fraction(numerator, denominator)
    met = value >= target.low
    gap = 0 if met else shortfall(numerator, denominator, target.low)
    return IndicatorResult(
        d.code,
        d.name,
        numerator,
        denominator,
        value,
        target.low,
        target.high,
        met,
        gap,
        GAP_WORDS[d.measure],
        "ok",
    )


def _growth(
    d: IndicatorDef,
    year: int,
    uses: int,
    history: Mapping[int, int],
    milestone: int,
    first_milestone: int,
) -> IndicatorResult:
    target = d.target_for(milestone)
    previous = history.get(year - 1)
    if previous is None or previous == 0:
        status = "insufficient" if previous is None else "no_data"
        return IndicatorResult(
            d.code,
            d.name,
            uses,
            previous or 0,
            None,
            target.low,
            target.high,
            None,
            None,
            "lượt",
            status,
        )
    value = Fraction(uses, previous) - 1
    met = value >= target.low
    gap = 0 if met else max(0, math.ceil(previous * (1 + target.low)) - uses)
    average = since = None
    earlier = sorted(y for y, v in history.items() if y < year - 1 and v > 0)
    if year > first_milestone and earlier:  # the plan: average growth after its first milestone
        since = earlier[0]
        average = (uses / history[since]) ** (1 / (year - since)) - 1
    return IndicatorResult(
        d.code,
        d.name,
        uses,
        previous,
        value,
        target.low,
        target.high,
        met,
        gap,
        "lượt",
        "ok",
        average,
        since,
    )


def library_uses(intake: Intake) -> int:
    """Σ `Lượt người sử dụng` over every library of every unit."""
    return sum(lib.uses for r in intake.returns for lib in r.libraries)


def evaluate(intake: Intake, config: Config, history: Mapping[int, int]) -> Figures:
    """Compute every figure of the report; `history` maps earlier years to their library uses."""
    year = intake.year
    milestone = config.plan.milestone_for(year)
    order = {u.code: i for i, u in enumerate(config.units)}
    returns = sorted(intake.returns, key=lambda r: (order.get(r.unit, len(order)), r.unit))

    libraries = [lib for r in returns for lib in r.libraries]
    institutions = [inst for r in returns for inst in r.institutions]
    activities = [a for r in returns for a in r.activities]
    funding = [f for r in returns for f in r.funding]

    libs = _frame(
        [
            {
                "unit": x.unit,
                "kind": x.kind,
                "serves_lifelong": x.serves_lifelong,
                "digital": x.digital,
                "uses": x.uses,
            }
            for x in libraries
        ],
        ["unit", "kind", "serves_lifelong", "digital", "uses"],
    )
    insts = _frame(
        [{"unit": x.unit, "active": x.has_clubs and x.regular_activities} for x in institutions],
        ["unit", "active"],
    )
    acts = _frame(
        [{"unit": x.unit, "task": x.task, "participants": x.participants} for x in activities],
        ["unit", "task", "participants"],
    )
    funds = _frame(
        [{"unit": x.unit, "source": x.source_of_funds, "amount": x.amount} for x in funding],
        ["unit", "source", "amount"],
    )

    uses = int(libs["uses"].sum())
    indicators = []
    for d in config.plan.indicators:
        if d.measure == "library_share":
            of_kind = libs[libs["kind"] == d.library_kind]
            count = int(of_kind[d.criterion].astype(bool).sum())
            indicators.append(_share(d, count, len(of_kind), milestone))
        elif d.measure == "institution_share":
            count = int(insts["active"].astype(bool).sum())
            indicators.append(_share(d, count, len(insts), milestone))
        else:
            first = config.plan.milestones[0]
            indicators.append(_growth(d, year, uses, history, milestone, first))

    task_groups = tuple(
        TaskGroup(
            number,
            title,
            tuple(a for a in activities if a.task == number),
            int(acts.loc[acts["task"] == number, "participants"].sum()),
            tuple(dict.fromkeys(a.unit for a in activities if a.task == number)),
        )
        for number, title in vocab.TASK_GROUPS.items()
    )

    per_unit = tuple(
        _unit_figures(r.unit, config.unit_name(r.unit), libs, insts, acts, funds) for r in returns
    )
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
        milestone=milestone,
        indicators=tuple(indicators),
        task_groups=task_groups,
        state_funding=int(funds.loc[funds["source"] == vocab.FUND_STATE, "amount"].sum()),
        social_funding=int(funds.loc[funds["source"] == vocab.FUND_SOCIAL, "amount"].sum()),
        per_unit=per_unit,
        libraries=tuple(libraries),
        activities=tuple(activities),
        funding=tuple(funding),
        assessments=assessments,
        expected=expected,
        received=received,
        missing=tuple(code for code in expected if code not in received),
        problems=intake.problems,
        library_uses=uses,
        library_uses_previous=history.get(year - 1),
    )


def _unit_figures(
    unit: str,
    name: str,
    libs: pd.DataFrame,
    insts: pd.DataFrame,
    acts: pd.DataFrame,
    funds: pd.DataFrame,
) -> UnitFigures:
    lib = libs[libs["unit"] == unit]
    inst = insts[insts["unit"] == unit]
    act = acts[acts["unit"] == unit]
    fund = funds[funds["unit"] == unit]
    return UnitFigures(
        unit=unit,
        name=name,
        libraries=len(lib),
        libraries_serving=int(lib["serves_lifelong"].astype(bool).sum()),
        libraries_digital=int(lib["digital"].astype(bool).sum()),
        library_uses=int(lib["uses"].sum()),
        institutions=len(inst),
        institutions_active=int(inst["active"].astype(bool).sum()),
        activities=len(act),
        participants=int(act["participants"].sum()),
        state_funding=int(fund.loc[fund["source"] == vocab.FUND_STATE, "amount"].sum()),
        social_funding=int(fund.loc[fund["source"] == vocab.FUND_SOCIAL, "amount"].sum()),
    )


def figures_json(figures: Figures, config: Config) -> dict:
    """The machine-readable result of data-contract §4 (plus display texts)."""

    def fraction(value: Fraction | None) -> float | None:
        return None if value is None else round(float(value), 4)

    return {
        "year": figures.year,
        "milestone": figures.milestone,
        "indicators": [
            {
                "code": r.code,
                "name": r.name,
                "numerator": r.numerator,
                "denominator": r.denominator,
                "value": fraction(r.value),
                "target": fraction(r.target),
                "target_max": fraction(r.target_max),
                "met": r.met,
                "gap_units": r.gap_units,
                "gap_word": r.gap_word,
                "status": r.status,
                "value_text": indicator_value_text(r),
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


def indicator_value_text(result: IndicatorResult) -> str:
    """An indicator's value as the report prints it."""
    if result.status == "insufficient":
        return "chưa đủ số liệu"
    return fmt.percent(result.value)
