"""What the workbooks written with xlsxwriter share: equal content as equal bytes, a list that
prints on A4, rows as tall as their wrapped text, and no text ever taken for a formula."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import datetime
from io import BytesIO
from typing import Any
from zipfile import ZipFile

from .files import stable_zip
from .fmt import FORMULA_STARTS, printable

LINE_HEIGHT = 15  # points per line of 11 pt text


def book_bytes(year: int, fill: Callable[[Any], None], *, row_by_row: bool = False) -> bytes:
    """The .xlsx `fill` writes into a new workbook, dated by the year, so equal content gives
    equal bytes; `row_by_row` keeps only the current row in memory (xlsxwriter's constant
    memory, for long lists)."""
    # xlsxwriter, not openpyxl: it imports in a fifth of the time, and `build` and `check`
    # write a workbook on every run. Texts go through write_string, never as a formula.
    import xlsxwriter

    buffer = BytesIO()
    options = {"in_memory": True, "constant_memory": row_by_row, "strings_to_formulas": False}
    book = xlsxwriter.Workbook(buffer, options)
    book.set_properties({"created": datetime(year, 1, 1), "author": "reportgen"})
    fill(book)
    book.close()
    with ZipFile(buffer) as source:
        members = [(name, source.read(name)) for name in source.namelist()]
    return stable_zip(members, (year, 1, 1, 0, 0, 0))


def text_formats(book: Any, props: dict[str, object]) -> tuple[Any, Any]:
    """A text format, and the same with Excel's quote prefix (text, even once edited)."""
    return book.add_format(props), book.add_format({**props, "quote_prefix": True})


def write_text(ws: Any, row: int, col: int, value: str, formats: tuple[Any, Any]) -> None:
    """A text as the cell's text: printable, quoted where a spreadsheet would see a formula."""
    text = printable(value)
    ws.write_string(row, col, text, formats[text.startswith(FORMULA_STARTS)])


def lines_needed(values: Sequence[object], widths: Sequence[int]) -> int:
    """How many lines the row's longest wrapped cell takes at its column's width."""
    return max(
        math.ceil(len(str(value)) / max(width - 2, 1)) or 1
        for value, width in zip(values, widths, strict=True)
    )


def fit_row(ws: Any, row: int, values: Sequence[object], widths: Sequence[int]) -> None:
    """Make a row tall enough for its wrapped text: spreadsheets do not grow a row for text
    they did not lay out themselves."""
    ws.set_row(row, LINE_HEIGHT * lines_needed(values, widths))


def as_list(ws: Any, header: int, last: int, columns: int) -> None:
    """A list under its header row (0-based): the header frozen, filtered over the rows up to
    `last` and repeated on every page printed on A4, landscape, one page wide."""
    ws.freeze_panes(header + 1, 0)
    ws.autofilter(header, 0, max(last, header + 1), columns - 1)
    ws.repeat_rows(header)
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
