"""The rows of a unit report, and the helpers every unit's generator shares."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from .registry import ASSESSMENT_LABELS, AUTHORS, REGISTRY, SEED


@dataclass
class LibraryRow:
    """One row of sheet Thư viện."""

    name: str
    kind: str
    serves: bool
    digital: bool
    uses: int
    books: int | None
    note: str = ""


@dataclass
class InstitutionRow:
    """One row of sheet Thiết chế văn hóa."""

    name: str
    kind: str
    clubs: bool
    regular: bool
    count: int
    note: str = ""


@dataclass
class ActivityRow:
    """One row of sheet Hoạt động."""

    name: str
    task: int
    occasion: str
    held_on: dt.date
    participants: int
    note: str = ""


@dataclass
class FundingRow:
    """One row of sheet Kinh phí."""

    content: str
    source: str
    amount: int


@dataclass
class UnitReport:
    """Everything one unit reports for one year."""

    code: str
    name: str
    year: int
    author: str
    phone: str
    made_on: dt.date
    libraries: list[LibraryRow] = field(default_factory=list)
    institutions: list[InstitutionRow] = field(default_factory=list)
    activities: list[ActivityRow] = field(default_factory=list)
    funding: list[FundingRow] = field(default_factory=list)
    assessment: dict[str, str] = field(default_factory=dict)


def vn_int(number: int) -> str:
    """Format a whole number the Vietnamese way (12.500)."""
    return f"{number:,}".replace(",", ".")


def random_date(
    rng: random.Random, year: int, start: tuple[int, int] = (2, 1), end: tuple[int, int] = (10, 25)
) -> dt.date:
    """Return a random date of year between start and end (month, day)."""
    first = dt.date(year, *start)
    span = (dt.date(year, *end) - first).days
    return first + dt.timedelta(days=rng.randint(0, span))


def unit_name(code: str) -> str:
    """Return the registry name of a unit code."""
    return dict(REGISTRY)[code]


def new_report(code: str, year: int) -> UnitReport:
    """Return an empty report of a unit with its Thông tin filled in."""
    index = [c for c, _ in REGISTRY].index(code)
    rng = random.Random(f"{SEED}-{code}")
    phone = f"09{rng.randint(0, 9)}{rng.randint(1000000, 9999999)}"
    phone = f"{phone[:4]} {phone[4:7]} {phone[7:]}"
    made_on = dt.date(year, 11, 1 + (index * 5 + year) % 9)
    return UnitReport(code, unit_name(code), year, AUTHORS[index], phone, made_on)


def assessment(*texts: str) -> dict[str, str]:
    """Return a unit's Đánh giá: the five texts under their labels, in contract order."""
    return dict(zip(ASSESSMENT_LABELS, texts, strict=True))


def dated(rng: random.Random, year: int, *items: tuple) -> list[ActivityRow]:
    """Return activity rows from (name, task, occasion, (month, day) or None, people, note)."""
    rows = []
    for name, task, occasion, day, people, note in items:
        held_on = dt.date(year, *day) if day else random_date(rng, year)
        rows.append(
            ActivityRow(
                name.format(year=year),
                task,
                occasion,
                held_on,
                round(people * (0.9 if year == 2024 else 1.0)),
                note,
            )
        )
    return sorted(rows, key=lambda a: a.held_on)
