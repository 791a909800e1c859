"""Turn a year's figures and the configuration into the report template's context (pure)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any

from . import assessment, fmt, review, vocab
from .appendix import appendix_rows
from .config import LEVEL_WORDS, Config
from .models import Figures, IndicatorResult, TaskGroup
from .sentences import (
    indicator_sentence,
    indicators_intro,
    names,
    target_text,
)

BLANK_NUMBER = "      "  # left for the văn thư to fill by hand
BLANK_DAY = "      "
DOTS = "……"
NOT_COUNTED = "–"


def _short_body(config: Config) -> str:
    """The issuing body once the place is implied: `Ủy ban nhân dân huyện` from `Ủy ban nhân dân
    huyện Đắk Hà`; `Sở Văn hóa, Thể thao và Du lịch` from `Sở … tỉnh Quảng Ngãi`."""
    name, place = config.profile.issuing_body_name, config.profile.place
    if not name.endswith(" " + place):
        return name
    short = name[: -len(place)].strip()
    if short.lower().startswith("ủy ban nhân dân"):
        return short
    for level in LEVEL_WORDS:  # "Sở … tỉnh": the level word goes with the place
        if short.lower().endswith(" " + level):
            return short[: -len(level)].strip()
    return short


def _names(codes: Iterable[str], config: Config) -> str:
    return names(codes, config.unit_names)


def _target_text(result: IndicatorResult) -> str:
    return target_text(result.target, result.target_max, result.is_growth)


def _assessment(result: IndicatorResult) -> str:
    """The Đánh giá column: `Đạt`, `Chưa đạt, cần thêm 2 thư viện`, or why it cannot be judged."""
    verdict = fmt.verdict(result.met, result.status)
    if result.met is False and result.gap_units:
        return f"{verdict}, cần thêm {fmt.integer(result.gap_units)} {fmt.gap_word(result)}"
    return verdict


def _indicator_row(index: int, result: IndicatorResult) -> dict[str, str]:
    if result.value is None:
        outcome = fmt.verdict(None, result.status)
    elif result.on_average:
        outcome = fmt.value_text(result)
    elif result.is_growth:
        outcome = fmt.change(result.value)
    else:
        outcome = f"{result.numerator}/{result.denominator} ({fmt.percent(result.value)})"
    return {
        "stt": str(index + 1),
        "name": result.name,
        "plan": _target_text(result),
        # A growth has no "qualifying / all" counts: its uses are in the sentence.
        "numerator": NOT_COUNTED if result.is_growth else fmt.integer(result.numerator),
        "denominator": NOT_COUNTED if result.is_growth else fmt.integer(result.denominator),
        "result": outcome,
        "assessment": _assessment(result),
    }


def _directions_heading(year: int, config: Config) -> str:
    """Section IV's heading: next year's tasks, or the next phase when the plan ends."""
    if year >= config.plan.final_year:
        return config.say("directions_heading_last")
    return config.say("directions_heading", next_year=year + 1)


def _review_word(year: int, config: Config) -> str:
    """`sơ kết`, `tổng kết` or empty, by the plan's review years."""
    if year == config.plan.final_year:
        return "tổng kết"
    return "sơ kết" if year == config.plan.midterm_year else ""


def _summary(year: int, config: Config) -> str:
    programme = config.plan.programme
    review = _review_word(year, config)
    if review:
        return config.say(
            "summary_review",
            Review=review.capitalize(),
            first_year=config.plan.year,
            year=year,
            programme=programme,
        )
    return config.say("summary_year", programme=programme, year=year)


def _opening(year: int, config: Config) -> str:
    plan = config.plan
    review = _review_word(year, config)
    values = {
        "plan_number": plan.number or DOTS,
        "plan_abbr": plan.abbr,
        "plan_date": plan.date or DOTS,
        "plan_issuer": plan.issuer,
        "programme": plan.programme,
        "body": _short_body(config),
        "year": year,
    }
    if review:
        return config.say("opening_review", review=review, first_year=plan.year, **values)
    return config.say("opening", **values)


def _direction(figures: Figures, config: Config) -> list[str]:
    """Section I: who reported (naming the shorter list) and the communication work."""
    say = config.say
    counts = {
        "year": figures.year,
        "received": len(figures.received),
        "expected": len(figures.expected),
    }
    if not figures.received:
        paragraphs = [say("reported_none", year=figures.year)]
    elif not figures.missing:
        paragraphs = [say("reported_all", **counts)]
    elif len(figures.missing) <= len(figures.received):
        paragraphs = [say("reported_but", missing=_names(figures.missing, config), **counts)]
    else:
        paragraphs = [
            say(
                "reported_few",
                units=_names(figures.received, config),
                missing_count=len(figures.missing),
                **counts,
            )
        ]
    communication = next((g for g in figures.task_groups if g.number == 1), None)
    if communication and communication.held:
        busiest = [unit for unit, _ in communication.busiest(2)]
        paragraphs.append(
            say(
                "communication",
                units=fmt.integer(len(communication.units)),
                activities=fmt.integer(communication.held),
                participants=fmt.integer(communication.participants),
                busiest=_names(busiest, config),
            )
        )
    else:
        paragraphs.append(say("communication_none"))
    return paragraphs


def _examples(group: TaskGroup, config: Config) -> list[str]:
    """Two examples of a task group: its best-attended activities, or in a roll-up (which has
    no activities, only counts) the localities that drew the most people."""
    say = config.say
    if not group.activities:
        return [
            say("group_unit_example", unit=config.unit_name(unit), participants=fmt.integer(n))
            for unit, n in group.busiest(2)
        ]
    top = sorted(group.activities, key=lambda a: (-a.participants, a.unit, a.name))[:2]
    return [
        say(
            "group_example",
            activity=a.name,
            unit=config.unit_name(a.unit),
            participants=fmt.integer(a.participants),
        )
        for a in top
    ]


def _task_groups(figures: Figures, config: Config) -> list[dict[str, Any]]:
    """Section II.2: one point per task group of plan section III, two examples inline."""
    groups = []
    for index, group in enumerate(sorted(figures.task_groups, key=lambda g: g.number)):
        heading = f"{fmt.point_letter(index)}) {group.title}"
        if not group.held:
            text = config.say("group_none")
            groups.append({"heading": heading, "text": text, "points": []})
            continue
        examples = _examples(group, config)
        text = config.say(
            "group_one" if len(examples) == 1 else "group_many",
            units=len(group.units),
            activities=fmt.integer(group.held),
            participants=fmt.integer(group.participants),
            examples="; ".join(examples),
        )
        groups.append({"heading": heading, "text": text, "points": []})
    return groups


def _funding(figures: Figures, config: Config) -> list[str]:
    say, year = config.say, figures.year
    total = figures.state_funding + figures.social_funding
    if not total:
        return [say("funding_none", year=year)]
    if not figures.social_funding:
        return [say("funding_state_only", year=year, total=fmt.money(total))]
    if not figures.state_funding:
        return [say("funding_social_only", year=year, total=fmt.money(total))]
    return [
        say(
            "funding_both",
            year=year,
            total=fmt.money(total),
            state=fmt.money(figures.state_funding),
            state_share=fmt.percent(Fraction(figures.state_funding, total)),
            social=fmt.money(figures.social_funding),
            social_share=fmt.percent(Fraction(figures.social_funding, total)),
        )
    ]


def _general(figures: Figures, config: Config) -> dict[str, list[str]]:
    """Sections III to V, written from the figures with the units' points grouped by theme."""
    say = config.say
    return {
        "strengths": assessment.strengths(figures, config) or [say("strengths_none")],
        "shortcomings": assessment.shortcomings(figures, config) or [say("shortcomings_none")],
        "causes": assessment.causes(figures, config) or [say("causes_none")],
        "directions": assessment.directions(figures, config) or [say("directions_none")],
        "proposals": assessment.proposals(figures, config, _short_body(config))
        or [say("proposals_none")],
    }


def _share_of(results: Sequence[IndicatorResult], code: str) -> Fraction | None:
    """One indicator's share in a year's results; None when that year has none."""
    return next((r.value for r in results if r.code == code), None)


def _charts(figures: Figures, config: Config, kept: Path | None) -> list[dict[str, Any]]:
    """The report's charts, each a PNG and its numbered caption (none when switched off); a
    chart showing what one kept in the folder `kept` shows is taken from there."""
    if not config.profile.charts:
        return []
    from . import charts  # draws with matplotlib, which it loads only when it draws
    from .kept_charts import chart

    plan = {d.code: d for d in config.plan.indicators}
    bars = [
        charts.ShareBar(
            plan[r.code].short_name, r.value, tuple((m, t.low) for m, t in plan[r.code].targets)
        )
        for r in figures.indicators
        if not r.is_growth
    ]
    # (phrase, its values, PNG, goes with the period tables)
    drawn: list[tuple[str, dict[str, object], bytes, bool]] = []
    milestones = " và ".join(f"năm {m}" for m in config.plan.milestones)
    if bars:
        key = "chart_shares" if figures.complete else "chart_shares_partial"
        values: dict[str, object] = {"year": figures.year, "milestones": milestones}
        png = chart(kept, charts.share_chart, bars)
        drawn.append((key, values, png, False))
    if any(uses is not None for _, uses in figures.uses_by_year):
        points = [charts.YearValue(y, uses) for y, uses in figures.uses_by_year]
        png = chart(kept, charts.uses_chart, points)
        drawn.append(("chart_uses", {}, png, False))
    if len(figures.period) > 1:
        first = figures.period[0].year
        series = [
            charts.Series(
                plan[d.code].short_name,
                tuple((line.year, _share_of(line.indicators, d.code)) for line in figures.period),
            )
            for d in config.plan.indicators
            if not d.is_growth
        ]
        values = {"first_year": first, "year": figures.year}
        png = chart(kept, charts.period_chart, series)
        drawn.append(("chart_period", values, png, True))
    return [
        {"caption": config.say(key, number=i, **values), "png": png, "period": period}
        for i, (key, values, png, period) in enumerate(drawn, start=1)
    ]


def _dates(year: int, config: Config) -> dict[str, str]:
    """The header's place and date line, the appendix's date, and the file's date."""
    profile = config.profile
    when = profile.document_date
    if when is None:
        _, month = fmt.day_month(date(year, profile.document_month, 1))
        long = f"ngày{BLANK_DAY}tháng {month} năm {year}"
        stamp = date(year, profile.document_month, 1)
    else:
        long, stamp = fmt.long_date(when), when
    return {
        "place_date": f"{profile.place}, {long}",
        "document_date_long": long,
        "report_date": stamp.isoformat(),
    }


def build_context(
    figures: Figures, config: Config, kept_charts: Path | None = None
) -> dict[str, Any]:
    """The report template's context: every text formatted, every sentence written; charts
    drawn before are taken from the folder `kept_charts` (None: every chart is drawn)."""
    profile, year = config.profile, figures.year
    milestone = figures.milestone
    number = fmt.document_number(profile.document_number) or BLANK_NUMBER
    recipients = [f"- {r.rstrip(';.')};" for r in profile.recipients_list]
    recipients[-1] = recipients[-1][:-1] + "."
    summary = _summary(year, config)
    singular = {d.code for d in config.plan.indicators if d.library_kind == vocab.LIB_DISTRICT}
    context: dict[str, Any] = {
        "superior_body": [line.upper() for line in profile.superior_body],
        "issuing_body": [line.upper() for line in profile.issuing_body],
        "issuing_body_name": profile.issuing_body_name,
        "issuing_body_abbr": profile.issuing_body_abbr,
        "document_number": number,
        "summary": summary,
        "recipient": profile.recipient,
        "year": str(year),
        "next_year": str(year + 1),
        "directions_heading": _directions_heading(year, config),
        "milestone": str(milestone),
        "opening": _opening(year, config),
        "direction": _direction(figures, config),
        "indicators": [_indicator_row(i, r) for i, r in enumerate(figures.indicators)],
        "indicators_intro": indicators_intro(figures, config.unit_names, config.say),
        "indicator_sentences": [
            indicator_sentence(
                r,
                figures,
                profile.scope,
                config.unit_names,
                one_of_a_kind=r.code in singular,
                say=config.say,
            )
            for r in figures.indicators
        ],
        "task_groups": _task_groups(figures, config),
        "funding_sentences": _funding(figures, config),
        "closing_sentence": config.say(
            "closing", summary=summary[:1].lower() + summary[1:], body=profile.issuing_body_name
        ),
        "recipients": recipients,
        "signer_authority": [line.upper() for line in profile.signer_authority],
        "signer_title": profile.signer_title.upper(),
        "signer_name": profile.signer_name,
        "appendix_title": config.say("appendix_title", year=year),
        "document_title": f"Báo cáo {summary[:1].lower() + summary[1:]}",
    }
    # The period's chart goes with the period's tables.
    drawn = _charts(figures, config, kept_charts)
    context["charts"] = [c for c in drawn if not c["period"]]
    context["period_charts"] = [c for c in drawn if c["period"]]
    context.update(review.period_rows(figures, config))
    context["lessons"] = review.lessons(figures, config)
    context["commendations"] = review.commendations(figures, config)
    context.update(_dates(year, config))
    context.update(_general(figures, config))
    context.update(appendix_rows(figures, config))
    return context
