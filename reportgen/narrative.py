"""Turn a year's figures and the configuration into the report template's context (pure)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from fractions import Fraction
from typing import Any

from . import assessment, fmt, review, vocab
from .appendix import appendix_rows
from .config import Config
from .models import Activity, Figures, IndicatorResult
from .sentences import (
    growth_words,
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
    """`Ủy ban nhân dân huyện` from `Ủy ban nhân dân huyện Đắk Hà` (the place is implied)."""
    name, place = config.profile.issuing_body_name, config.profile.place
    return name[: -len(place)].strip() if name.endswith(" " + place) else name


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
        outcome = growth_words(result.value)
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
        return "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ GIAI ĐOẠN TIẾP THEO"
    return f"IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {year + 1}"


def _review_word(year: int, config: Config) -> str:
    """`sơ kết`, `tổng kết` or empty, by the plan's review years."""
    if year == config.plan.final_year:
        return "tổng kết"
    return "sơ kết" if year == config.plan.midterm_year else ""


def _summary(year: int, config: Config) -> str:
    programme = f"Chương trình “{config.plan.programme}”"
    review = _review_word(year, config)
    if review:
        period = f"giai đoạn {config.plan.year} - {year}"
        return f"{review.capitalize()} {period} thực hiện {programme}"
    return f"Kết quả thực hiện {programme} năm {year}"


def _opening(year: int, config: Config) -> str:
    plan, abbr = config.plan, config.plan.abbr
    number = plan.number or DOTS
    when = plan.date or DOTS
    review = _review_word(year, config)
    what = f"kết quả thực hiện năm {year}"
    if review:
        what = f"{review} {what} và giai đoạn {plan.year} - {year}"
    return (
        f"Thực hiện Kế hoạch số {number}/KH-{abbr} ngày {when} của {plan.issuer} về thực hiện "
        f"Chương trình “{plan.programme}”, {_short_body(config)} báo cáo {what} như sau:"
    )


def _direction(figures: Figures, config: Config) -> list[str]:
    """Section I: who reported (naming the shorter list) and the communication work."""
    year, expected = figures.year, len(figures.expected)
    reported = f"Năm {year}, có {len(figures.received)}/{expected} đơn vị gửi báo cáo kết quả "
    if not figures.received:
        paragraphs = [f"Năm {year}, chưa có đơn vị nào gửi báo cáo kết quả thực hiện Chương trình."]
    elif not figures.missing:
        paragraphs = [reported + "thực hiện Chương trình, đủ các đơn vị phải báo cáo."]
    elif len(figures.missing) <= len(figures.received):
        paragraphs = [
            reported + "thực hiện Chương trình; đến ngày lập báo cáo, còn "
            f"{_names(figures.missing, config)} chưa gửi báo cáo."
        ]
    else:
        paragraphs = [
            reported + f"thực hiện Chương trình: {_names(figures.received, config)}; "
            f"{len(figures.missing)} đơn vị còn lại chưa gửi báo cáo."
        ]
    communication = next((g for g in figures.task_groups if g.number == 1), None)
    if communication and communication.activities:
        busiest = _busiest_units(communication.activities, 2)
        paragraphs.append(
            "Công tác tuyên truyền được các đơn vị quan tâm; "
            f"{fmt.integer(len(communication.units))} đơn vị đã tổ chức "
            f"{fmt.integer(len(communication.activities))} hoạt động tuyên truyền, phổ biến "
            "nâng cao nhận thức về học tập suốt đời, thu hút "
            f"{fmt.integer(communication.participants)} lượt người tham gia; nhiều nhất là "
            f"{_names(busiest, config)}."
        )
    else:
        paragraphs.append(
            "Chưa có đơn vị nào báo cáo hoạt động tuyên truyền, phổ biến nâng cao nhận thức về "
            "học tập suốt đời."
        )
    return paragraphs


def _busiest_units(activities: Sequence[Activity], count: int) -> list[str]:
    """The units whose activities drew the most participants, most first."""
    totals: dict[str, int] = {}
    for a in activities:
        totals[a.unit] = totals.get(a.unit, 0) + a.participants
    return sorted(totals, key=lambda unit: (-totals[unit], unit))[:count]


def _task_groups(figures: Figures, config: Config) -> list[dict[str, Any]]:
    """Section II.2: one point per task group of plan section III, two examples inline."""
    groups = []
    for index, group in enumerate(sorted(figures.task_groups, key=lambda g: g.number)):
        heading = f"{fmt.point_letter(index)}) {group.title}"
        if not group.activities:
            text = "Chưa có đơn vị nào báo cáo hoạt động thuộc nhóm nhiệm vụ này."
            groups.append({"heading": heading, "text": text, "points": []})
            continue
        top = sorted(group.activities, key=lambda a: (-a.participants, a.unit, a.name))[:2]
        examples = "; ".join(
            f"{a.name} ({config.unit_name(a.unit)}, {fmt.integer(a.participants)} lượt)"
            for a in top
        )
        lead = "tiêu biểu là" if len(top) == 1 else "tiêu biểu:"
        text = (
            f"{len(group.units)} đơn vị đã tổ chức {fmt.integer(len(group.activities))} hoạt "
            f"động, thu hút {fmt.integer(group.participants)} lượt người tham gia; {lead} "
            f"{examples}."
        )
        groups.append({"heading": heading, "text": text, "points": []})
    return groups


def _funding(figures: Figures) -> list[str]:
    total = figures.state_funding + figures.social_funding
    if not total:
        return [f"Năm {figures.year}, các đơn vị chưa báo cáo kinh phí thực hiện Chương trình."]
    head = f"Tổng kinh phí thực hiện Chương trình năm {figures.year} là {fmt.money(total)}"
    if not figures.social_funding:
        return [f"{head}, toàn bộ từ ngân sách nhà nước; chưa huy động được nguồn xã hội hóa."]
    if not figures.state_funding:
        return [f"{head}, toàn bộ từ nguồn xã hội hóa."]
    state = fmt.percent(Fraction(figures.state_funding, total))
    social = fmt.percent(Fraction(figures.social_funding, total))
    return [
        f"{head}, trong đó: ngân sách nhà nước {fmt.money(figures.state_funding)} ({state}); "
        f"xã hội hóa {fmt.money(figures.social_funding)} ({social})."
    ]


def _general(figures: Figures, config: Config) -> dict[str, list[str]]:
    """Sections III to V, written from the figures with the units' points grouped by theme."""
    return {
        "strengths": assessment.strengths(figures, config)
        or ["Chưa có kết quả nổi bật được ghi nhận."],
        "shortcomings": assessment.shortcomings(figures, config) or ["Không có."],
        "causes": assessment.causes(figures, config) or ["Các đơn vị chưa nêu nguyên nhân."],
        "directions": assessment.directions(figures, config)
        or ["Tiếp tục thực hiện các nhiệm vụ của Kế hoạch."],
        "proposals": assessment.proposals(figures, config, _short_body(config)) or ["Không có."],
    }


def _share_of(results: Sequence[IndicatorResult], code: str) -> Fraction | None:
    """One indicator's share in a year's results; None when that year has none."""
    return next((r.value for r in results if r.code == code), None)


def _charts(figures: Figures, config: Config) -> list[dict[str, Any]]:
    """The report's charts, each a PNG and its numbered caption (none when switched off)."""
    if not config.profile.charts:
        return []
    from . import charts  # draws with matplotlib, loaded only now

    plan = {d.code: d for d in config.plan.indicators}
    bars = [
        charts.ShareBar(
            plan[r.code].short_name, r.value, tuple((m, t.low) for m, t in plan[r.code].targets)
        )
        for r in figures.indicators
        if not r.is_growth
    ]
    drawn: list[tuple[str, bytes, bool]] = []  # (caption, PNG, goes with the period tables)
    milestones = " và ".join(f"năm {m}" for m in config.plan.milestones)
    if bars:
        whose = "" if figures.complete else " (các đơn vị đã báo cáo)"
        drawn.append(
            (
                f"Kết quả các chỉ tiêu năm {figures.year}{whose} so với chỉ tiêu {milestones}",
                charts.share_chart(bars),
                False,
            )
        )
    if any(uses is not None for _, uses in figures.uses_by_year):
        points = [charts.YearValue(y, uses) for y, uses in figures.uses_by_year]
        drawn.append(
            (
                "Số lượt người sử dụng thư viện qua các năm (tổng của các đơn vị đã báo cáo "
                "trong năm)",
                charts.uses_chart(points),
                False,
            )
        )
    if len(figures.period) > 1:
        first = figures.period[0].year
        series = [
            charts.Series(
                plan[d.code].short_name,
                tuple((line.year, _share_of(line.indicators, d.code)) for line in figures.period),
            )
            for d in config.plan.indicators
            if not d.measure.value == "library_uses_growth"
        ]
        caption = f"Các chỉ tiêu qua các năm của giai đoạn {first} - {figures.year}"
        drawn.append((caption, charts.period_chart(series), True))
    return [
        {"caption": f"Biểu đồ {i}. {caption}", "png": png, "period": period}
        for i, (caption, png, period) in enumerate(drawn, start=1)
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


def build_context(figures: Figures, config: Config) -> dict[str, Any]:
    """The report template's context: every text formatted, every sentence written."""
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
        "indicators_intro": indicators_intro(figures, config.unit_names),
        "indicator_sentences": [
            indicator_sentence(
                r, figures, profile.scope, config.unit_names, one_of_a_kind=r.code in singular
            )
            for r in figures.indicators
        ],
        "task_groups": _task_groups(figures, config),
        "funding_sentences": _funding(figures),
        "closing_sentence": (
            f"Trên đây là báo cáo {summary[:1].lower() + summary[1:]} của "
            f"{profile.issuing_body_name}"
        ),
        "recipients": recipients,
        "signer_authority": [line.upper() for line in profile.signer_authority],
        "signer_title": profile.signer_title.upper(),
        "signer_name": profile.signer_name,
        "appendix_title": f"Số liệu kết quả thực hiện Chương trình năm {year}".upper(),
        "document_title": f"Báo cáo {summary[:1].lower() + summary[1:]}",
    }
    drawn = _charts(figures, config)  # the period's chart goes with the period's tables
    context["charts"] = [c for c in drawn if not c["period"]]
    context["period_charts"] = [c for c in drawn if c["period"]]
    context.update(review.period_rows(figures, config))
    context["lessons"] = review.lessons(figures, config)
    context["commendations"] = review.commendations(figures, config)
    context.update(_dates(year, config))
    context.update(_general(figures, config))
    context.update(appendix_rows(figures, config))
    return context
