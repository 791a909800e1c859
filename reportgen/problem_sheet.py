"""The list of problems as a workbook the clerk can send back to the units."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from . import vocab
from .errors import ReportgenError
from .files import numbered, write_new
from .fmt import printable
from .models import ERROR, Problem
from .xlsx import BOLD, HEADER_ALIGN, HEADER_FILL, WRAP_TOP, fit_to_page_width, xlsx_bytes

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


def _lines_needed(values: Sequence[object]) -> int:
    """How many lines the row's longest wrapped cell takes at its column's width."""
    return max(
        math.ceil(len(str(value)) / max(width - 2, 1)) or 1
        for value, width in zip(values, WIDTHS, strict=True)
    )


def problems_workbook(
    problems: Sequence[Problem], unit_names: Mapping[str, str], year: int, deadline: str
) -> bytes:
    """An .xlsx with one row per problem and the unit named on every row."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Vấn đề"
    last_col = get_column_letter(len(HEADERS))
    ws["A1"] = f"DANH SÁCH VẤN ĐỀ TRONG BẢNG TÍNH BÁO CÁO NĂM {year}"
    ws["A1"].font = Font(bold=True, size=13)
    ws.merge_cells(f"A1:{last_col}1")
    ws["A2"] = (
        f"Đề nghị các đơn vị sửa các ô được nêu và gửi lại bảng tính trước ngày {deadline}/{year}."
        if problems
        else "Không phát hiện vấn đề nào."
    )
    ws["A2"].font = Font(italic=True)
    ws.merge_cells(f"A2:{last_col}2")
    for col, (header, width) in enumerate(zip(HEADERS, WIDTHS, strict=True), start=1):
        cell = ws.cell(HEADER_ROW, col, header)
        cell.font, cell.fill, cell.alignment = BOLD, HEADER_FILL, HEADER_ALIGN
        ws.column_dimensions[get_column_letter(col)].width = width
    for number, problem in enumerate(in_unit_order(problems, unit_names), start=1):
        row = HEADER_ROW + number
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
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row, col, printable(value) if isinstance(value, str) else value)
            cell.alignment = WRAP_TOP
        # Spreadsheets do not grow a row for wrapped text they did not lay out themselves.
        ws.row_dimensions[row].height = LINE_HEIGHT * _lines_needed(values)
        if problem.severity == ERROR:
            ws.cell(row, SEVERITY_COLUMN).font = Font(bold=True, color="C00000")
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 1)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last_col}{HEADER_ROW + max(len(problems), 1)}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    fit_to_page_width(ws, "landscape")
    return xlsx_bytes(wb, year)


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
