"""The list of problems as a workbook the clerk can send back to the units."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import datetime
from io import BytesIO
from pathlib import Path
from zipfile import ZipFile

from . import vocab
from .errors import ReportgenError
from .files import numbered, stable_zip, write_new
from .fmt import FORMULA_STARTS, printable
from .models import ERROR, Problem

UNKNOWN_UNIT = "Không xác định"
HEADERS = ("STT", "Đơn vị", "Tệp", "Sheet", "Ô", "Mức độ", "Loại vấn đề", "Mã", "Nội dung")
WIDTHS = (6, 32, 30, 18, 8, 11, 26, 22, 80)
SEVERITY_COLUMN = HEADERS.index("Mức độ") + 1
LINE_HEIGHT = 15  # points per line of 11 pt text
HEADER_ROW = 3


def unit_label(code: str, unit_names: Mapping[str, str]) -> str:
    """The printed name of a unit code; `Không xác định` when the unit is unknown."""
    if not code:
        return UNKNOWN_UNIT
    return unit_names.get(code, code)


def in_unit_order(problems: Sequence[Problem], unit_names: Mapping[str, str]) -> list[Problem]:
    """Problems grouped by unit in registry order, unknown units last, otherwise as given."""
    rank = {code: i for i, code in enumerate(unit_names)}
    return sorted(problems, key=lambda p: rank.get(p.unit, len(rank) + (not p.unit)))


def lines_needed(values: Sequence[object], widths: Sequence[int]) -> int:
    """How many lines the row's longest wrapped cell takes at its column's width."""
    return max(
        math.ceil(len(str(value)) / max(width - 2, 1)) or 1
        for value, width in zip(values, widths, strict=True)
    )


def problems_workbook(
    problems: Sequence[Problem], unit_names: Mapping[str, str], year: int, deadline: str
) -> bytes:
    """An .xlsx with one row per problem and the unit named on every row."""
    # xlsxwriter, not openpyxl: it imports in a fifth of the time, and `build` and `check`
    # write this list on every run. Every text goes through write_string, never as a formula.
    import xlsxwriter

    buffer = BytesIO()
    wb = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False})
    stamp = datetime(year, 1, 1)
    wb.set_properties({"created": stamp, "author": "reportgen", "comments": ""})
    ws = wb.add_worksheet("Vấn đề")
    title = wb.add_format({"bold": True, "font_size": 13})
    note = wb.add_format({"italic": True})
    header = wb.add_format(
        {
            "bold": True,
            "bg_color": "#DDEBF7",
            "pattern": 1,
            "align": "center",
            "valign": "vcenter",
            "text_wrap": True,
        }
    )
    wrap = {"text_wrap": True, "valign": "top"}
    error = {**wrap, "bold": True, "font_color": "#C00000"}
    styles = {
        (kind, quoted): wb.add_format({**props, "quote_prefix": quoted})
        for kind, props in (("wrap", wrap), ("error", error))
        for quoted in (False, True)
    }
    last = len(HEADERS) - 1
    ws.merge_range(0, 0, 0, last, f"DANH SÁCH VẤN ĐỀ TRONG BẢNG TÍNH BÁO CÁO NĂM {year}", title)
    ws.merge_range(
        1,
        0,
        1,
        last,
        f"Đề nghị các đơn vị sửa các ô được nêu và gửi lại bảng tính trước ngày {deadline}/{year}."
        if problems
        else "Không phát hiện vấn đề nào.",
        note,
    )
    top = HEADER_ROW - 1  # xlsxwriter counts rows and columns from 0
    for col, (name, width) in enumerate(zip(HEADERS, WIDTHS, strict=True)):
        ws.write_string(top, col, name, header)
        ws.set_column(col, col, width)
    for number, problem in enumerate(in_unit_order(problems, unit_names), start=1):
        row = top + number
        values = (
            number,
            unit_label(problem.unit, unit_names),
            problem.file,
            problem.sheet,
            problem.cell,
            vocab.SEVERITY_WORDS[problem.severity],
            vocab.PROBLEM_TITLES[problem.code],
            problem.code,
            problem.message,
        )
        for col, value in enumerate(values):
            kind = "error" if col == SEVERITY_COLUMN - 1 and problem.severity == ERROR else "wrap"
            if isinstance(value, str):
                text = printable(value)
                ws.write_string(row, col, text, styles[kind, text.startswith(FORMULA_STARTS)])
            else:
                ws.write_number(row, col, value, styles[kind, False])
        # Spreadsheets do not grow a row for wrapped text they did not lay out themselves.
        ws.set_row(row, LINE_HEIGHT * lines_needed(values, WIDTHS))
    ws.freeze_panes(top + 1, 0)
    ws.autofilter(top, 0, top + max(len(problems), 1), last)
    ws.repeat_rows(top)
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    wb.close()
    with ZipFile(buffer) as source:
        members = [(name, source.read(name)) for name in source.namelist()]
    return stable_zip(members, (year, 1, 1, 0, 0, 0))


def save_problem_list(folder: Path, year: int, content: bytes) -> tuple[Path, bool]:
    """Write `KiemTra_<Y>_<NN>.xlsx` under the next number; reuse the newest if it is identical."""
    existing = numbered(folder, rf"KiemTra_{year}_(\d+)\.xlsx")
    if existing:
        newest = existing[max(existing)]
        try:
            if newest.read_bytes() == content:
                return newest, False
        except OSError as exc:
            raise ReportgenError(
                f"Không đọc được tệp {newest.as_posix()} ({exc.strerror or exc})."
            ) from None
    number = max(existing, default=0) + 1
    while True:
        path = folder / f"KiemTra_{year}_{number:02d}.xlsx"
        if write_new(path, content):
            return path, True
        number += 1  # written meanwhile by another run: take the next number
