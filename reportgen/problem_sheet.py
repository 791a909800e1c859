"""The list of problems as a workbook the clerk can send back to the units."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from . import vocab
from .errors import ReportgenError
from .files import numbered, write_new
from .models import ERROR, Problem
from .sheet_book import as_list, book_bytes, fit_row, text_formats, write_text

UNKNOWN_UNIT = "Không xác định"
HEADERS = ("STT", "Đơn vị", "Tệp", "Sheet", "Ô", "Mức độ", "Loại vấn đề", "Mã", "Nội dung")
WIDTHS = (6, 32, 30, 18, 8, 11, 26, 22, 80)
SEVERITY_COLUMN = HEADERS.index("Mức độ") + 1
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


def problems_workbook(
    problems: Sequence[Problem], unit_names: Mapping[str, str], year: int, deadline: str
) -> bytes:
    """An .xlsx with one row per problem and the unit named on every row."""

    def fill(wb: Any) -> None:
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
        styles = {
            "wrap": text_formats(wb, wrap),
            "error": text_formats(wb, {**wrap, "bold": True, "font_color": "#C00000"}),
        }
        last = len(HEADERS) - 1
        heading = f"DANH SÁCH VẤN ĐỀ TRONG BẢNG TÍNH BÁO CÁO NĂM {year}"
        ws.merge_range(0, 0, 0, last, heading, title)
        ws.merge_range(
            1,
            0,
            1,
            last,
            f"Đề nghị các đơn vị sửa các ô được nêu và gửi lại bảng tính trước ngày "
            f"{deadline}/{year}."
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
                error = col == SEVERITY_COLUMN - 1 and problem.severity == ERROR
                formats = styles["error" if error else "wrap"]
                if isinstance(value, str):
                    write_text(ws, row, col, value, formats)
                else:
                    ws.write_number(row, col, value, formats[False])
            fit_row(ws, row, values, WIDTHS)
        as_list(ws, top, top + len(problems), len(HEADERS))

    return book_bytes(year, fill)


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
