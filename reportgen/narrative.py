"""Turn a year's figures and the configuration into the report template's context (pure)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from fractions import Fraction
from typing import Any

from . import fmt
from .appendix import appendix_rows
from .config import Config
from .models import ERROR, Figures, IndicatorResult
from .sentences import (
    growth_words,
    indicator_sentence,
    indicators_intro,
    names,
    next_year_task,
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


def _sentence(text: str) -> str:
    """Clean a unit's free text into one sentence ending with a full stop."""
    lines = [line.strip().lstrip("-+•*").strip() for line in text.splitlines()]
    joined = "; ".join(line.rstrip(";.") for line in lines if line)
    return joined + "." if joined else ""


def _attributed(figures: Figures, config: Config, field: str) -> list[str]:
    """Each unit's text for one Đánh giá field, as `- Unit: text.`."""
    texts = []
    for unit, name, text in figures.assessments:
        if name == field and _sentence(text):
            texts.append(f"- {config.unit_name(unit)}: {_sentence(text)}")
    return texts


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
    """Section I: who reported, who held communication activities, who is missing."""
    year, expected = figures.year, len(figures.expected)
    paragraphs = [
        f"Năm {year}, có {len(figures.received)}/{expected} đơn vị gửi báo cáo kết quả thực hiện "
        f"Chương trình: {_names(figures.received, config) or 'chưa có đơn vị nào'}."
    ]
    communication = next((g for g in figures.task_groups if g.number == 1), None)
    if communication and communication.activities:
        paragraphs.append(
            "Công tác tuyên truyền được các đơn vị quan tâm; "
            f"{fmt.integer(len(communication.units))} đơn vị "
            f"({_names(communication.units, config)}) đã tổ chức "
            f"{fmt.integer(len(communication.activities))} hoạt động tuyên truyền, phổ biến "
            "nâng cao nhận thức về học tập suốt đời, thu hút "
            f"{fmt.integer(communication.participants)} lượt người tham gia."
        )
    else:
        paragraphs.append(
            "Chưa có đơn vị nào báo cáo hoạt động tuyên truyền, phổ biến nâng cao nhận thức về "
            "học tập suốt đời."
        )
    if figures.missing:
        paragraphs.append(
            f"Đến ngày lập báo cáo, còn {len(figures.missing)} đơn vị chưa gửi báo cáo: "
            f"{_names(figures.missing, config)}."
        )
    return paragraphs


def _task_groups(figures: Figures, config: Config) -> list[dict[str, Any]]:
    """Section II.2: one point per task group of plan section III."""
    groups = []
    for index, group in enumerate(sorted(figures.task_groups, key=lambda g: g.number)):
        heading = f"{fmt.point_letter(index)}) {group.title}"
        if not group.activities:
            text = "Chưa có đơn vị nào báo cáo hoạt động thuộc nhóm nhiệm vụ này."
            groups.append({"heading": heading, "text": text, "points": []})
            continue
        text = (
            f"{len(group.units)} đơn vị đã tổ chức {fmt.integer(len(group.activities))} hoạt "
            f"động, thu hút {fmt.integer(group.participants)} lượt người tham gia."
        )
        top = sorted(group.activities, key=lambda a: (-a.participants, a.unit, a.name))[:3]
        items = [
            f"- {a.name} ({config.unit_name(a.unit)}"
            + (f", {a.occasion}" if a.occasion else "")
            + f"): {fmt.integer(a.participants)} lượt người tham gia."
            for a in top
        ]
        if len(items) == 1:  # one example reads inline, not as a list of one
            text = text[:-1] + ", tiêu biểu là " + items[0][2:]
            items = []
        elif items:
            text = text[:-1] + ", tiêu biểu:"
        groups.append({"heading": heading, "text": text, "points": items})
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


def _still_needed(result: IndicatorResult, lead: str, end: str) -> str:
    """`cần thêm 2 thư viện.` (with `lead` and `end`), or `chưa đạt.` when no gap is known."""
    if not result.gap_units:
        return "chưa đạt."
    return f"{lead} {fmt.integer(result.gap_units)} {fmt.gap_word(result)}{end}"


def _unmet(figures: Figures) -> list[IndicatorResult]:
    return [r for r in figures.indicators if r.met is False]


def _general(figures: Figures, config: Config, milestone: int) -> dict[str, list[str]]:
    """Section III and IV: strengths, shortcomings, causes, next year's directions, proposals."""
    met = [r for r in figures.indicators if r.met]
    strengths = []
    if met:
        strengths.append(
            f"Có {len(met)}/{len(figures.indicators)} chỉ tiêu đạt so với mốc năm {milestone}: "
            + "; ".join(r.name[:1].lower() + r.name[1:] for r in met)
            + "."
        )
    strengths += _attributed(figures, config, "highlights")
    shortcomings = [
        f"Chưa đạt chỉ tiêu “{r.name}” ({_target_text(r)}): "
        + (
            f"cần thêm {fmt.integer(r.gap_units)} {fmt.gap_word(r)}."
            if r.gap_units
            else "chưa đạt."
        )
        for r in _unmet(figures)
    ]
    if figures.missing:
        shortcomings.append(
            f"Còn {len(figures.missing)} đơn vị chưa gửi báo cáo: "
            f"{_names(figures.missing, config)}."
        )
    errors = [p for p in figures.problems if p.severity == ERROR]
    if errors:
        shortcomings.append(
            f"Báo cáo của các đơn vị có {fmt.integer(len(errors))} lỗi số liệu (ô ghi sai, "
            "thiếu hoặc tệp không đọc được); phần số liệu có lỗi phải để ngoài số liệu tổng hợp "
            "(chi tiết tại Biểu 6 của Phụ lục)."
        )
    shortcomings += _attributed(figures, config, "shortcomings")
    next_year = [task for r in figures.indicators if (task := next_year_task(r, figures.year))]
    next_year += _attributed(figures, config, "next_year")
    return {
        "strengths": strengths or ["Chưa có đơn vị nào nêu kết quả nổi bật."],
        "shortcomings": shortcomings or ["Không có."],
        "causes": _attributed(figures, config, "causes") or ["Các đơn vị chưa nêu nguyên nhân."],
        "directions": next_year or ["Tiếp tục thực hiện các nhiệm vụ của Kế hoạch."],
        "proposals": _attributed(figures, config, "proposals") or ["Không có."],
    }


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
            indicator_sentence(r, figures, profile.scope, config.unit_names)
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
    context.update(_dates(year, config))
    context.update(_general(figures, config, milestone))
    context.update(appendix_rows(figures, config))
    return context
