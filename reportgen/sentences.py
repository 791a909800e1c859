"""Sentences about the indicators: where each stands, what its figures cover, what comes next."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from fractions import Fraction

from . import fmt, vocab
from .models import Figures, IndicatorResult
from .phrases import Phrases

DEFAULT_PHRASES = Phrases()

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


def _left_out_rows(figures: Figures, table: str, what: str, say: Phrases) -> str:
    count = figures.left_out_count(table)
    return say("left_out_rows", count=fmt.integer(count), what=what) if count else ""


def coverage_note(
    figures: Figures, unit_names: Mapping[str, str], say: Phrases = DEFAULT_PHRASES
) -> str:
    """What the figures cover, when that is less than every unit and every row; else ""."""
    parts = []
    if figures.missing:
        parts.append(
            say(
                "coverage_units",
                received=len(figures.received),
                expected=len(figures.expected),
                missing=names(figures.missing, unit_names),
            )
        )
    rows = [
        text
        for text in (
            _left_out_rows(figures, vocab.SHEET_LIBRARIES, "thư viện", say),
            _left_out_rows(figures, vocab.SHEET_INSTITUTIONS, "thiết chế văn hóa", say),
        )
        if text
    ]
    if rows:
        parts.append(say("coverage_rows", rows=" và ".join(rows)))
    return "; ".join(parts)


def indicators_intro(
    figures: Figures, unit_names: Mapping[str, str], say: Phrases = DEFAULT_PHRASES
) -> str:
    """The line above the indicator table, with what its figures cover."""
    note = coverage_note(figures, unit_names, say)
    if note:
        return say("indicators_intro_partial", milestone=figures.milestone, note=note)
    return say("indicators_intro", milestone=figures.milestone)


def _unjudged(figures: Figures, say: Phrases) -> str:
    """Why a value is given without Đạt/Chưa đạt: too few units reported."""
    return say("unjudged", received=len(figures.received), expected=len(figures.expected))


def _uses_compared(
    result: IndicatorResult, figures: Figures, unit_names: Mapping[str, str], say: Phrases
) -> str:
    """`tăng 11,1% so với năm 2024 (...)`, saying which units the comparison leaves out."""
    comparison = result.comparison
    assert comparison is not None and result.value is not None
    before = comparison.earlier_year
    change = fmt.change(result.value)
    earlier = fmt.integer(comparison.earlier)
    if comparison.baseline:
        return say("uses_against_baseline", change=change, earlier_year=before, earlier=earlier)
    if not (comparison.only_current or comparison.only_earlier):
        return say("uses_against_all", change=change, earlier_year=before, earlier=earlier)
    left_out = []
    if comparison.only_earlier:
        units = names(comparison.only_earlier, unit_names)
        left_out.append(say("uses_only_earlier", units=units, year=figures.year))
    if comparison.only_current:
        units = names(comparison.only_current, unit_names)
        left_out.append(say("uses_only_current", units=units, earlier_year=before))
    return say(
        "uses_like_for_like",
        units=len(comparison.units),
        change=change,
        earlier_year=before,
        earlier=earlier,
        current=fmt.integer(comparison.current),
        left_out="; ".join(left_out),
    )


def growth_sentence(
    result: IndicatorResult,
    figures: Figures,
    unit_names: Mapping[str, str],
    say: Phrases = DEFAULT_PHRASES,
) -> str:
    """Library uses this year, and their growth compared like for like."""
    year, uses = figures.year, fmt.integer(figures.library_uses)
    goal = say("uses_goal", target=target_text(result.target, result.target_max, True))
    if figures.complete:
        head = say("uses_head", year=year, uses=uses)
    else:
        head = say("uses_head_partial", year=year, received=len(figures.received), uses=uses)
    if result.value is None or result.comparison is None:
        return say("uses_no_earlier_year", head=head, earlier_year=year - 1, goal=goal)
    text = f"{head}, {_uses_compared(result, figures, unit_names, say)}"
    verdict = say("verdict_met" if result.met else "verdict_unmet", goal=goal)
    if result.status == "low_coverage":
        verdict = say("unjudged_against", why=_unjudged(figures, say), goal=goal)
    if not result.on_average:
        text += f", {verdict}"
        if result.met is False and result.gap_units:
            gap = say("verdict_gap", gap=fmt.integer(result.gap_units), word=fmt.gap_word(result))
            text += f" ({gap})"
    if result.average_growth is not None and result.average_since is not None:
        average = fmt.average_growth(result.average_growth)
        text += "; " + say(
            "uses_average", since=result.average_since, year=year, change=fmt.change(average)
        )
        if result.on_average:
            text += f", {verdict}"
        else:
            text += " " + say("uses_average_milestone", milestone=figures.milestone)
    return text + "."


def indicator_sentence(
    result: IndicatorResult,
    figures: Figures,
    scope: str,
    unit_names: Mapping[str, str],
    *,
    one_of_a_kind: bool = False,
    say: Phrases = DEFAULT_PHRASES,
) -> str:
    """One sentence saying where an indicator stands against its target, over `scope`.

    `one_of_a_kind`: the indicator counts an institution there is only one of (the district
    library), so a lone one is spoken of by name even while other units are missing.
    """
    if result.is_growth:
        return growth_sentence(result, figures, unit_names, say)
    subject, predicate = split_name(result.name)
    target = target_text(result.target, result.target_max, False)
    goal = say("share_goal", milestone=figures.milestone, target=target)
    if result.value is None:
        return say("share_no_data", subject=subject, goal=goal)
    alone = one_of_a_kind or figures.complete  # a lone one is then all there is
    if result.denominator == 1 and predicate and alone:  # "Thư viện huyện đã ...", not "1/1"
        key = "share_one_done" if result.numerator else "share_one_not"
        text = say(key, subject=subject[:1].upper() + subject[1:], predicate=predicate) + ", "
    else:
        share = f"{result.numerator}/{result.denominator} {subject} ({fmt.percent(result.value)})"
        if figures.complete:
            text = say("share_all", scope=scope, share=share, predicate=predicate)
        else:
            text = say("share_reported", share=share, predicate=predicate)
        text = text.rstrip() + ", "
    if result.status == "low_coverage":
        return text + say("unjudged_against", why=_unjudged(figures, say), goal=goal) + "."
    if result.met:
        return text + say("verdict_met", goal=goal) + "."
    gap = ""
    if result.gap_units:
        gap = ", " + say(
            "verdict_gap", gap=fmt.integer(result.gap_units), word=fmt.gap_word(result)
        )
    return text + say("verdict_unmet", goal=goal) + gap + "."


def next_year_task(result: IndicatorResult, year: int, say: Phrases = DEFAULT_PHRASES) -> str:
    """A task for next year against the milestone that applies then; "" when none is needed."""
    milestone, low = result.next_milestone, result.next_target
    if milestone is None or low is None or not result.next_gap_units:
        return ""
    target = target_text(low, result.next_target_max, result.is_growth)
    gap = fmt.integer(result.next_gap_units)
    if result.is_growth:
        return say(
            "task_uses",
            target=target,
            next_year=year + 1,
            gap=gap,
            year=year,
            milestone=milestone,
        )
    return say(
        "task_share",
        indicator=result.name,
        gap=gap,
        word=fmt.gap_word(result),
        milestone=milestone,
        target=target,
    )
