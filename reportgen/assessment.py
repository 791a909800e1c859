"""Sections III-V in the issuing body's own voice: what the figures show, units' points by theme."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from . import fmt, vocab
from .appendix import lists_details, table_numbers
from .config import Config, Theme
from .intake.vntext import fold
from .models import ERROR, Figures, IndicatorResult, UnitFigures
from .phrases import Phrases
from .sentences import names, next_year_task, target_text

EXAMPLES = 2  # units named as examples of a theme; the rest are counted
# Texts that say nothing ("Không có", "Tiếp tục.", "Không có đề xuất."), once folded.
_EMPTY = re.compile(
    r"^(?:khong|khong co|chua co|khong co gi|tiep tuc|nhu tren|chua|x|0|"
    r"(?:khong|chua)(?: co)? (?:y kien|de xuat|kien nghi|de xuat kien nghi)(?: gi)?(?: them)?)$"
)


@dataclass(frozen=True)
class Opinion:
    """One unit's text for one field of its Đánh giá sheet."""

    unit: str
    field: str
    text: str


def says_nothing(text: str) -> bool:
    """Whether a unit's text carries no content ("Không có đề xuất.", "Tiếp tục.")."""
    return bool(_EMPTY.match(fold(text))) or len(fold(text)) < 4


def opinions(figures: Figures, field: str) -> list[Opinion]:
    """The units' texts for one field that say something, in registry order."""
    return [
        Opinion(unit, name, text)
        for unit, name, text in figures.assessments
        if name == field and not says_nothing(text)
    ]


def _matches(theme: Theme, text: str) -> bool:
    key = f" {fold(text)} "
    return any(f" {fold(word)} " in key for word in theme.words)


def _examples(units: Sequence[str], unit_names: Mapping[str, str]) -> str:
    shown = names(units[:EXAMPLES], unit_names)
    rest = len(units) - EXAMPLES
    return f"{shown} và {rest} đơn vị khác" if rest > 0 else shown


def _sentence(text: str) -> str:
    """A unit's text as one sentence: lines joined, list marks and final stops dropped."""
    lines = [line.strip().lstrip("-+•*").strip() for line in text.splitlines()]
    return "; ".join(line.rstrip(";.") for line in lines if line)


def by_theme(
    said: Sequence[Opinion],
    field: str,
    config: Config,
    unit_names: Mapping[str, str],
    limit: int = 0,
    in_appendix: bool = True,
) -> list[str]:
    """One line per point the units raised (units as examples), most-raised first.

    A point is a theme (in the themes' order) or a text that fits none (the same words merged).
    With a `limit`, the points past it are counted in a line pointing to where every unit's
    words stand verbatim: Biểu 7, or the tables workbook when the appendix does not list them.
    """
    points: list[tuple[list[str], str]] = []  # (units that raised it, its sentence)
    placed: set[int] = set()
    for theme in config.themes:
        if not theme.has_text(field):
            continue  # a theme says nothing of this section: its texts stand on their own
        hits = [i for i, o in enumerate(said) if _matches(theme, o.text)]
        if not hits:
            continue
        placed.update(hits)
        units = list(dict.fromkeys(said[i].unit for i in hits))
        points.append((units, theme.text_for(field)))
    alike: dict[str, list[Opinion]] = {}  # texts that fit no theme, the same words merged
    for i, opinion in enumerate(said):
        if i not in placed:
            alike.setdefault(fold(opinion.text), []).append(opinion)
    for same in alike.values():
        points.append((list(dict.fromkeys(o.unit for o in same)), _sentence(same[0].text)))
    points.sort(key=lambda point: -len(point[0]))  # stable: ties keep the order above
    shown = points[:limit] if limit else points
    lines = [
        config.say("theme_line", text=text, units=_examples(units, unit_names))
        for units, text in shown
    ]
    if len(shown) < len(points):
        where = "points_in_appendix" if in_appendix else "points_in_workbook"
        lines.append(config.say(where, count=len(points) - len(shown)))
    return lines


def _limit(config: Config) -> int:
    """How many of the units' points a section states; the rest are in Biểu 7."""
    return config.profile.points_per_section


def _percent_points(result: IndicatorResult) -> Fraction:
    """How far past (or short of) its target an indicator is: a review's growth by its average."""
    if result.on_average and result.average_growth is not None:
        return fmt.average_growth(result.average_growth) - result.target
    assert result.value is not None
    return result.value - result.target


def _met_summary(figures: Figures, say: Phrases) -> list[str]:
    met = [r for r in figures.indicators if r.met]
    if not met:
        return []
    best = max(met, key=_percent_points)
    return [
        say(
            "met_summary",
            met=len(met),
            indicators=len(figures.indicators),
            milestone=figures.milestone,
            best=best.name,
            value=fmt.value_text(best),
            target=target_text(best.target, best.target_max, best.is_growth),
        )
    ]


def most_participants(figures: Figures, count: int) -> list[UnitFigures]:
    """The units whose activities drew the most participants, most first."""
    drew = [u for u in figures.per_unit if u.participants]
    return sorted(drew, key=lambda u: (-u.participants, u.unit))[:count]


def most_read_communes(figures: Figures, config: Config, count: int) -> list[UnitFigures]:
    """The communes whose libraries and reading points served the most readers, most first."""
    communes = {u.code for u in config.units if u.kind == "xa"}
    read = [u for u in figures.per_unit if u.unit in communes and u.library_uses]
    return sorted(read, key=lambda u: (-u.library_uses, u.unit))[:count]


def _leaders(figures: Figures, config: Config) -> list[str]:
    """Which units held the most activities and whose libraries served the most readers."""
    lines = []
    busy = most_participants(figures, 2)
    if busy:
        top = "; ".join(
            config.say(
                "leader_participants",
                unit=config.unit_name(u.unit),
                activities=fmt.integer(u.activities),
                participants=fmt.integer(u.participants),
            )
            for u in busy
        )
        lines.append(config.say("leaders_participants", units=top))
    readers = most_read_communes(figures, config, 2)
    if readers:
        top = "; ".join(
            config.say(
                "leader_readers", unit=config.unit_name(u.unit), uses=fmt.integer(u.library_uses)
            )
            for u in readers
        )
        lines.append(config.say("leaders_readers", units=top))
    return lines


def strengths(figures: Figures, config: Config) -> list[str]:
    """III.1: targets met, leading units, and the units' highlights by theme."""
    said = opinions(figures, "highlights")
    lines = _met_summary(figures, config.say) + _leaders(figures, config)
    return lines + by_theme(
        said,
        "highlights",
        config,
        config.unit_names,
        _limit(config),
        lists_details(figures, config),
    )


def _gap_text(result: IndicatorResult, say: Phrases) -> str:
    gap = ""
    if result.gap_units:
        gap = ", " + say(
            "verdict_gap", gap=fmt.integer(result.gap_units), word=fmt.gap_word(result)
        )
    return say(
        "unmet_indicator",
        indicator=result.name,
        value=fmt.value_text(result),
        target=target_text(result.target, result.target_max, result.is_growth),
        gap=gap,
    )


def _unmet_summary(figures: Figures, say: Phrases) -> list[str]:
    unmet = sorted(
        (r for r in figures.indicators if r.met is False), key=lambda r: _percent_points(r)
    )
    if not unmet:
        return []
    counts = {
        "unmet": len(unmet),
        "indicators": len(figures.indicators),
        "milestone": figures.milestone,
        "worst": _gap_text(unmet[0], say),
    }
    if len(unmet) == 1:
        return [say("unmet_summary", **counts)]
    rest = "; ".join(_gap_text(r, say) for r in unmet[1:])
    return [say("unmet_summary_more", rest=rest, **counts)]


def _lagging(figures: Figures, config: Config) -> list[str]:
    """Communes without a public library, and those whose institutions are least active."""
    lines = []
    communes = [u.code for u in config.units if u.kind == "xa" and u.code in figures.received]
    with_library = {lib.unit for lib in figures.libraries if lib.kind == vocab.LIB_COMMUNE}
    without = [code for code in communes if code not in with_library]
    if without and len(without) < len(communes):
        lines.append(
            config.say(
                "no_public_library", count=len(without), units=names(without, config.unit_names)
            )
        )
    shares = sorted(
        (Fraction(u.institutions_active, u.institutions), u.unit)
        for u in figures.per_unit
        if u.unit in communes and u.institutions
    )
    low = [(share, unit) for share, unit in shares if share < Fraction(1, 2)][:2]
    if low:
        by_unit = {u.unit: u for u in figures.per_unit}
        listed = "; ".join(
            config.say(
                "least_active_unit",
                unit=config.unit_name(unit),
                active=by_unit[unit].institutions_active,
                all=by_unit[unit].institutions,
            )
            for _, unit in low
        )
        lines.append(config.say("least_active", units=listed))
    return lines


def shortcomings(figures: Figures, config: Config) -> list[str]:
    """III.2: unmet targets by size of gap, lagging units, missing data, units' points by theme."""
    lines = _unmet_summary(figures, config.say) + _lagging(figures, config)
    if figures.missing:
        missing = names(figures.missing, config.unit_names)
        lines.append(config.say("missing_units", count=len(figures.missing), units=missing))
    errors = sum(p.severity == ERROR for p in figures.problems)
    if errors:
        key = "data_errors_rollup" if figures.rolled_up else "data_errors"
        table = table_numbers(figures, config)["problems"]
        lines.append(config.say(key, errors=fmt.integer(errors), table=table))
    said = opinions(figures, "shortcomings")
    return lines + by_theme(
        said,
        "shortcomings",
        config,
        config.unit_names,
        _limit(config),
        lists_details(figures, config),
    )


def causes(figures: Figures, config: Config) -> list[str]:
    """III.3: the causes units gave, by theme."""
    return by_theme(
        opinions(figures, "causes"),
        "causes",
        config,
        config.unit_names,
        _limit(config),
        lists_details(figures, config),
    )


def _next_phase(figures: Figures, config: Config) -> list[str]:
    """At the plan's end: what the next phase should carry on, and the new plan to prepare."""
    plan = config.plan
    unmet = [r for r in figures.indicators if r.met is False]
    say = config.say
    lines = [say("next_phase_carry", indicator=_gap_text(r, say)) for r in unmet]
    lines.append(say("next_phase_plan", first_year=plan.year, year=figures.year))
    return lines


def directions(figures: Figures, config: Config) -> list[str]:
    """IV: what next year's milestone asks of each indicator (or the next phase), then units'."""
    if figures.year >= config.plan.final_year:
        tasks = _next_phase(figures, config)
    else:
        tasks = [
            task
            for r in figures.indicators
            if (task := next_year_task(r, figures.year, config.say))
        ]
    said = opinions(figures, "next_year")
    return tasks + by_theme(
        said, "next_year", config, config.unit_names, _limit(config), lists_details(figures, config)
    )


def proposals(figures: Figures, config: Config, body: str) -> list[str]:
    """V: the units' proposals by theme, put to the recipient by the issuing `body`."""
    said = opinions(figures, "proposals")
    lines = by_theme(
        said, "proposals", config, config.unit_names, _limit(config), lists_details(figures, config)
    )
    if not lines:
        return []
    lead = config.say("proposals_lead", body=body, recipient=config.profile.recipient)
    return [lead, *lines]
