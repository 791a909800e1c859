"""Write unit workbooks exactly as data-contract §2 describes them, for end-to-end tests."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from reportgen import vocab

Row = Sequence[Any]


def write_unit_workbook(
    path: Path,
    code: str,
    name: str,
    year: int,
    *,
    libraries: Sequence[Row] = (),
    institutions: Sequence[Row] = (),
    activities: Sequence[Row] = (),
    funding: Sequence[Row] = (),
    assessment: dict[str, str] | None = None,
    made_on: date | None = None,
) -> Path:
    """One workbook in the contract's own form; rows without STT, which is added."""
    wb = Workbook()
    info = wb.active
    info.title = vocab.SHEET_INFO
    values = [code, name, year, "Nguyễn Văn A", "0260 3820 123", made_on or date(year, 11, 3)]
    for label, value in zip(vocab.INFO_LABELS, values, strict=True):
        info.append([label, value])
    for sheet, columns, rows in (
        (vocab.SHEET_LIBRARIES, vocab.LIBRARY_COLUMNS, libraries),
        (vocab.SHEET_INSTITUTIONS, vocab.INSTITUTION_COLUMNS, institutions),
        (vocab.SHEET_ACTIVITIES, vocab.ACTIVITY_COLUMNS, activities),
        (vocab.SHEET_FUNDING, vocab.FUNDING_COLUMNS, funding),
    ):
        ws = wb.create_sheet(sheet)
        ws.append(list(columns))
        for number, row in enumerate(rows, start=1):
            ws.append([number, *row])
    ws = wb.create_sheet(vocab.SHEET_ASSESSMENT)
    for label, key in vocab.ASSESSMENT_LABELS.items():
        ws.append([label, (assessment or {}).get(key, "")])
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def library(name: str, kind: str, serves: bool, digital: bool, uses: int, books: int | None = None):
    """A `Thư viện` row."""
    return [name, kind, "Có" if serves else "Không", "Có" if digital else "Không", uses, books, ""]


def institution(name: str, kind: str, clubs: bool, regular: bool, count: int = 1):
    """A `Thiết chế văn hóa` row."""
    return [name, kind, "Có" if clubs else "Không", "Có" if regular else "Không", count, ""]


def activity(name: str, task: int, held_on: date, participants: int, occasion: str = ""):
    """A `Hoạt động` row."""
    return [name, task, occasion, held_on, participants, ""]


def funding_row(content: str, source: str, amount: int):
    """A `Kinh phí` row."""
    return [content, source, amount]
