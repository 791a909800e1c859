"""What every workbook reportgen writes shares: styles, page setup, reproducible bytes."""

from __future__ import annotations

from datetime import datetime
from io import BytesIO
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from .files import stable_zip
from .fmt import FORMULA_STARTS

BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
HEADER_ALIGN = Alignment(horizontal="center", vertical="center", wrap_text=True)
WRAP_TOP = Alignment(wrap_text=True, vertical="top")


def fit_to_page_width(ws: Worksheet, orientation: str) -> None:
    """Print on A4, as wide as the page, as many pages long as it takes."""
    ws.page_setup.orientation = orientation
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _as_text(workbook: Workbook) -> None:
    """Every text the tool wrote stays text: one starting with =, +, - or @ (a unit's cell, a
    file name) is never a live formula in a workbook sent back to units."""
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
                if cell.data_type == "s" and str(cell.value).startswith(FORMULA_STARTS):
                    cell.quotePrefix = True  # Excel's mark: text, and still text once edited


def xlsx_bytes(workbook: Workbook, year: int) -> bytes:
    """Save a workbook with dates fixed by the year, so equal content gives equal bytes."""
    _as_text(workbook)
    stamp = datetime(year, 1, 1)
    workbook.properties.created = stamp
    workbook.properties.modified = stamp
    workbook.properties.creator = "reportgen"
    workbook.properties.lastModifiedBy = "reportgen"
    raw = BytesIO()
    # ExcelWriter directly: openpyxl's save_workbook would stamp the current time.
    ExcelWriter(workbook, ZipFile(raw, "w", ZIP_DEFLATED)).save()
    with ZipFile(raw) as source:
        members = [(name, source.read(name)) for name in source.namelist()]
    return stable_zip(members, (year, 1, 1, 0, 0, 0))
