"""The appendix tables' rows (Biểu 2-6 of the report), every number written the Vietnamese way."""

from __future__ import annotations

from typing import Any

from . import fmt, vocab
from .config import Config
from .models import ERROR, UNIT_COUNTS, Figures

RANKED_AT_EACH_END = 5  # a long ranking shows this many localities at its top and bottom


def too_many(figures: Figures, config: Config) -> bool:
    """True past `detail_units_max` units (0: never): the report gives each unit's line, and
    the tables workbook beside it every row (and a roll-up's whole ranking)."""
    most = config.profile.detail_units_max
    return most > 0 and len(figures.per_unit) > most


def lists_details(figures: Figures, config: Config) -> bool:
    """True when the report's appendix lists every school, activity, payment and opinion."""
    return not figures.rolled_up and not too_many(figures, config)


def appendix_rows(figures: Figures, config: Config) -> dict[str, Any]:
    """The appendix tables' rows, every number already written the Vietnamese way."""
    n = fmt.integer
    listed = lists_details(figures, config)
    units = [
        {"stt": str(i + 1), "name": u.name or config.unit_name(u.unit)}
        | {f: n(getattr(u, f)) for f in UNIT_COUNTS}
        for i, u in enumerate(figures.per_unit)
    ]
    unit_total = {f: n(sum(getattr(u, f) for u in figures.per_unit)) for f in UNIT_COUNTS}
    schools = [lib for lib in figures.libraries if lib.kind == vocab.LIB_SCHOOL]
    # Past the limit the rows are not made at all: a province's would fill a thousand pages.
    school_rows = [
        {
            "stt": str(i + 1),
            "name": lib.name,
            "serving": fmt.yes_no(lib.serves_lifelong),
            "digital": fmt.yes_no(lib.digital),
            "uses": n(lib.uses),
            "books": "" if lib.books is None else n(lib.books),
            "note": lib.note,
        }
        for i, lib in enumerate(schools if listed else ())
    ]
    books = [lib.books for lib in schools if lib.books is not None]
    school_total = {
        "serving": n(sum(lib.serves_lifelong for lib in schools)),
        "digital": n(sum(lib.digital for lib in schools)),
        "uses": n(sum(lib.uses for lib in schools)),
        "books": n(sum(books)) if books else "",  # blank, not a made-up 0, when none was given
    }
    activities = [
        {
            "stt": str(i + 1),
            "unit": config.unit_name(a.unit),
            "name": a.name,
            "task": str(a.task),
            "occasion": a.occasion,
            "held_on": fmt.short_date(a.held_on) if a.held_on else "",
            "participants": n(a.participants),
        }
        for i, a in enumerate(figures.activities if listed else ())
    ]
    funding = [
        {
            "stt": str(i + 1),
            "unit": config.unit_name(f.unit),
            "content": f.content,
            "source": f.source_of_funds,
            "amount": n(f.amount),
        }
        for i, f in enumerate(figures.funding if listed else ())
    ]
    problems = [
        {
            "stt": str(i + 1),
            "unit": config.unit_name(p.unit) if p.unit else "Không xác định",
            "location": p.location(),
            "message": p.message,
        }
        for i, p in enumerate(p for p in figures.problems if p.severity == ERROR)
    ]
    labels = {field: label for label, field in vocab.ASSESSMENT_LABELS.items()}
    opinions = [
        {
            "stt": str(i + 1),
            "unit": config.unit_name(unit),
            "field": labels.get(field, field),
            "text": text,
        }
        for i, (unit, field, text) in enumerate(figures.assessments if listed else ())
    ]
    return {
        # A roll-up has no rows of its own (schools, activities, payments, opinions): its
        # appendix is the localities' lines, their ranking and the files left out.
        "rows_listed": listed,
        "detail_note": _detail_note(figures, config) if too_many(figures, config) else "",
        "unit_head": "Địa phương" if figures.rolled_up else "Đơn vị",
        "unit_word": "địa phương" if figures.rolled_up else "đơn vị",
        "n": table_numbers(figures, config),
        "ranking": [],
        "opinions": opinions,
        "unit_rows": units,
        "unit_total": unit_total,
        "school_libraries": school_rows,
        "school_total": school_total,
        "activity_rows": activities,
        "activity_total": n(sum(a.participants for a in figures.activities)),
        "funding_rows": funding,
        "funding_state": n(figures.state_funding),
        "funding_social": n(figures.social_funding),
        "funding_total": n(figures.state_funding + figures.social_funding),
        "problems": problems,
    }


def table_numbers(figures: Figures, config: Config) -> dict[str, str]:
    """The numbers of the appendix tables that follow Biểu 2, as the report prints them."""
    if figures.rolled_up:
        return {"ranking": "3", "problems": "4"}
    if lists_details(figures, config):
        return {"problems": "6", "opinions": "7"}
    return {"problems": "3"}


def _detail_note(figures: Figures, config: Config) -> str:
    """Where the rows the appendix leaves out are: the tables workbook beside the report."""
    n = fmt.integer
    if figures.rolled_up:
        return config.say(
            "ranking_in_workbook",
            units=n(len(figures.per_unit)),
            most=n(config.profile.detail_units_max),
            ends=n(RANKED_AT_EACH_END),
        )
    counts = (
        (sum(lib.kind == vocab.LIB_SCHOOL for lib in figures.libraries), "thư viện cơ sở giáo dục"),
        (len(figures.activities), "hoạt động"),
        (len(figures.funding), "khoản kinh phí"),
        (len(figures.assessments), "ý kiến (nguyên văn)"),
    )
    rows = [f"{n(count)} {what}" for count, what in counts if count]
    listed = ", ".join(rows[:-1]) + " và " + rows[-1] if len(rows) > 1 else "".join(rows)
    return config.say(
        "details_in_workbook",
        units=n(len(figures.per_unit)),
        most=n(config.profile.detail_units_max),
        rows=listed or "các dòng số liệu",
    )
