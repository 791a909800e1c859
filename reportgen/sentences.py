"""Sentences about the indicators: where each stands, what its figures cover, what comes next."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from fractions import Fraction

from . import fmt, vocab
from .models import Figures, IndicatorResult

# Words that start the predicate of an indicator's name ("... cung cấp dịch vụ ...").
_PREDICATE_MARKERS = (" cung cấp ", " ứng dụng ", " có ")


def names(codes: Iterable[str], unit_names: Mapping[str, str]) -> str:
    """Unit names joined by commas, in the order given."""
    return ", ".join(unit_names.get(code, code) for code in codes)


def split_name(name: str) -> tuple[str, str]:
    """An indicator's name as (subject, predicate); predicate empty when it cannot be split."""
    cuts = [name.find(m) for m in _PREDICATE_MARKERS if name.find(m) > 0]
    if not cuts:
        return name[:1].lower() + name[1:], ""
    cut = min(cuts)
    subject = name[:cut]
    return subject[:1].lower() + subject[1:], name[cut + 1 :]


def target_text(low: Fraction, high: Fraction | None, growth: bool) -> str:
    """A target as the report writes it: `20%`, `8 - 10%/năm`."""
    text = fmt.target(low, high)
    return text + "/năm" if growth else text


def growth_words(value: Fraction) -> str:
    """`tăng 11,1%` or `giảm 3,0%`."""
    word = "tăng" if value >= 0 else "giảm"
    return f"{word} {fmt.percent(abs(value))}"


def _left_out_rows(figures: Figures, table: str, what: str) -> str:
    count = figures.left_out_count(table)
    return f"{fmt.integer(count)} dòng số liệu {what}" if count else ""


def coverage_note(figures: Figures, unit_names: Mapping[str, str]) -> str:
    """What the figures cover, when that is less than every unit and every row; else ""."""
    parts = []
    if figures.missing:
        parts.append(
            f"số liệu tổng hợp từ {len(figures.received)}/{len(figures.expected)} đơn vị; "
            f"chưa có số liệu của {names(figures.missing, unit_names)}"
        )
    rows = [
        text
        for text in (
            _left_out_rows(figures, vocab.SHEET_LIBRARIES, "thư viện"),
            _left_out_rows(figures, vocab.SHEET_INSTITUTIONS, "thiết chế văn hóa"),
        )
        if text
    ]
    if rows:
        parts.append(
            f"không tính {' và '.join(rows)} không hợp lệ, chi tiết tại Biểu 6 của Phụ lục"
        )
    return "; ".join(parts)


def indicators_intro(figures: Figures, unit_names: Mapping[str, str]) -> str:
    """The line above the indicator table, with what its figures cover."""
    note = coverage_note(figures, unit_names)
    head = f"Kết quả thực hiện các chỉ tiêu của Kế hoạch so với mốc năm {figures.milestone}"
    return f"{head} ({note}):" if note else f"{head}:"


def _unjudged(figures: Figures) -> str:
    """Why a value is given without Đạt/Chưa đạt: too few units reported."""
    return (
        f"chưa đủ số liệu để đánh giá vì mới có {len(figures.received)}/{len(figures.expected)} "
        "đơn vị gửi báo cáo"
    )


def _uses_compared(result: IndicatorResult, figures: Figures, unit_names: Mapping[str, str]) -> str:
    """`tăng 11,1% so với năm 2024 (...)`, saying which units the comparison leaves out."""
    comparison = result.comparison
    assert comparison is not None and result.value is not None
    before = comparison.earlier_year
    if comparison.baseline:
        return (
            f"{growth_words(result.value)} so với năm {before} "
            f"({fmt.integer(comparison.earlier)} lượt, số liệu năm gốc của Kế hoạch)"
        )
    if not (comparison.only_current or comparison.only_earlier):
        return (
            f"{growth_words(result.value)} so với năm {before} "
            f"({fmt.integer(comparison.earlier)} lượt)"
        )
    left_out = []
    if comparison.only_earlier:
        left_out.append(
            f"{names(comparison.only_earlier, unit_names)}, chưa có số liệu năm {figures.year}"
        )
    if comparison.only_current:
        left_out.append(
            f"{names(comparison.only_current, unit_names)}, không có số liệu năm {before}"
        )
    return (
        f"so sánh trên {len(comparison.units)} đơn vị có số liệu cả hai năm, "
        f"{growth_words(result.value)} so với năm {before} "
        f"(từ {fmt.integer(comparison.earlier)} lên {fmt.integer(comparison.current)} lượt; "
        f"không tính {'; '.join(left_out)})"
    )


def growth_sentence(
    result: IndicatorResult, figures: Figures, unit_names: Mapping[str, str]
) -> str:
    """Library uses this year, and their growth compared like for like."""
    year, uses = figures.year, fmt.integer(figures.library_uses)
    goal = f"chỉ tiêu tăng bình quân {target_text(result.target, result.target_max, True)}"
    whose = "" if figures.complete else f" của {len(figures.received)} đơn vị đã báo cáo"
    head = f"Tổng số lượt người sử dụng thư viện năm {year}{whose} đạt {uses} lượt"
    if result.value is None or result.comparison is None:
        return f"{head}; chưa đủ số liệu năm {year - 1} để đánh giá {goal}."
    text = f"{head}, {_uses_compared(result, figures, unit_names)}"
    verdict = f"{'đạt' if result.met else 'chưa đạt'} {goal}"
    if result.status == "low_coverage":
        verdict = f"{_unjudged(figures)} so với {goal}"
    if not result.on_average:
        text += f", {verdict}"
        if result.met is False and result.gap_units:
            text += f" (cần thêm {fmt.integer(result.gap_units)} {fmt.gap_word(result)})"
    if result.average_growth is not None and result.average_since is not None:
        average = Fraction(result.average_growth).limit_denominator(10**6)
        text += f"; bình quân giai đoạn {result.average_since} - {year} {growth_words(average)}/năm"
        text += f", {verdict}" if result.on_average else f" (mốc năm {figures.milestone})"
    return text + "."


def indicator_sentence(
    result: IndicatorResult,
    figures: Figures,
    scope: str,
    unit_names: Mapping[str, str],
    *,
    one_of_a_kind: bool = False,
) -> str:
    """One sentence saying where an indicator stands against its target, over `scope`.

    `one_of_a_kind`: the indicator counts an institution there is only one of (the district
    library), so a lone one is spoken of by name even while other units are missing.
    """
    if result.is_growth:
        return growth_sentence(result, figures, unit_names)
    subject, predicate = split_name(result.name)
    target = target_text(result.target, result.target_max, False)
    goal = f"chỉ tiêu năm {figures.milestone} ({target})"
    if result.value is None:
        return (
            f"Về {subject}: không có số liệu (chưa có {subject} nào được báo cáo), "
            f"chưa đánh giá được so với {goal}."
        )
    alone = one_of_a_kind or figures.complete  # a lone one is then all there is
    if result.denominator == 1 and predicate and alone:  # "Thư viện huyện đã ...", not "1/1"
        done = "đã" if result.numerator else "chưa"
        text = f"{subject[:1].upper()}{subject[1:]} {done} {predicate}, "
    else:
        share = f"{result.numerator}/{result.denominator} {subject} ({fmt.percent(result.value)})"
        where = scope if figures.complete else "Trong số các đơn vị đã báo cáo,"
        text = f"{where} có {share} {predicate}".rstrip() + ", "
    if result.status == "low_coverage":
        return text + f"{_unjudged(figures)} so với {goal}."
    if result.met:
        return text + f"đạt {goal}."
    gap = ""
    if result.gap_units:
        gap = f", cần thêm {fmt.integer(result.gap_units)} {fmt.gap_word(result)}"
    return text + f"chưa đạt {goal}{gap}."


def next_year_task(result: IndicatorResult, year: int) -> str:
    """A task for next year against the milestone that applies then; "" when none is needed."""
    milestone, low = result.next_milestone, result.next_target
    if milestone is None or low is None or not result.next_gap_units:
        return ""
    target = target_text(low, result.next_target_max, result.is_growth)
    if result.is_growth:
        return (
            f"- Phấn đấu tăng số lượt người sử dụng thư viện {target} (năm {year + 1} cần thêm "
            f"khoảng {fmt.integer(result.next_gap_units)} lượt so với năm {year}), theo chỉ tiêu "
            f"năm {milestone}."
        )
    return (
        f"- Tập trung thực hiện chỉ tiêu “{result.name}”, phấn đấu có thêm "
        f"{fmt.integer(result.next_gap_units)} {fmt.gap_word(result)} để đạt chỉ tiêu năm "
        f"{milestone} ({target})."
    )
