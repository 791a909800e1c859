"""The fonts of a workbook's cells, read only for a workbook whose text looks legacy: the
.VnTime fonts type TCVN3, the VNI-Times fonts VNI-Windows."""

from __future__ import annotations

import io
import re
from collections.abc import Collection, Mapping
from typing import Literal

from .workbook import OLE_MAGIC, ZIP_MAGIC

FontKind = Literal["tcvn3", "tcvn3-caps", "vni", "unicode"]
Cell = tuple[int, int]  # (row, column), 1-based

# TCVN3 font families whose capitals font is the family's name and "H" (.VnTimeH, .VnArialH)
_TCVN3_FAMILIES = frozenset(
    "time times arial arialnarrow avant black bodoni bookantiqua centuryschoolbook clarendon "
    "commercialscript cooper couriernew free gothic helvetins helvet linus monotypecorsiva "
    "souvienir shelleyallegro univers universe aptima".split()
)


def font_kind(name: str | None) -> FontKind | None:
    """What a font name says of the text typed in it; None when there is no font name.

    ".VnTime", "VnTime", ".VN Times" are TCVN3; ".VnTimeH", ".VnArial NarrowH" its capitals
    fonts; "VNI-Times", "VNI Helve" VNI-Windows; any other font (Times New Roman) Unicode."""
    if not name or not name.strip():
        return None
    raw = name.strip()
    key = re.sub(r"[\s._-]+", "", raw).lower()
    if key.startswith("vni") and not raw.startswith("."):
        return "vni"
    if not key.startswith("vn"):
        return "unicode"
    family = key[2:]
    capitals = (
        raw.endswith("H")
        and not raw[-2:-1].isupper()
        or (family.endswith("h") and family[:-1] in _TCVN3_FAMILIES)
    )
    return "tcvn3-caps" if capitals else "tcvn3"


def cell_fonts(data: bytes, wanted: Mapping[str, Collection[Cell]]) -> dict[str, dict[Cell, str]]:
    """The font name of each wanted cell, by sheet; empty where the file will not tell (fonts
    are evidence, never a reason to refuse a file)."""
    try:
        if data.startswith(ZIP_MAGIC):
            return _xlsx_fonts(data, wanted)
        if data.startswith(OLE_MAGIC):
            return _xls_fonts(data, wanted)
    except Exception:  # a damaged style part: read the text without its fonts
        return {}
    return {}


def _xlsx_fonts(data: bytes, wanted: Mapping[str, Collection[Cell]]) -> dict[str, dict[Cell, str]]:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    found: dict[str, dict[Cell, str]] = {}
    try:
        for title, cells in wanted.items():
            if title not in book.sheetnames or not cells:
                continue
            sheet = book[title]
            if hasattr(sheet, "reset_dimensions"):
                sheet.reset_dimensions()  # some writers store a wrong size
            last = max(row for row, _ in cells)
            fonts = found.setdefault(title, {})
            for r, row in enumerate(sheet.iter_rows(max_row=last), start=1):
                for c, cell in enumerate(row, start=1):
                    if (r, c) in cells and getattr(cell, "font", None) is not None:
                        fonts[(r, c)] = cell.font.name or ""
    finally:
        book.close()
    return found


def _xls_fonts(data: bytes, wanted: Mapping[str, Collection[Cell]]) -> dict[str, dict[Cell, str]]:
    import xlrd

    book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True)
    found: dict[str, dict[Cell, str]] = {}
    for title, cells in wanted.items():
        if title not in book.sheet_names():
            continue
        sheet = book.sheet_by_name(title)
        fonts = found.setdefault(title, {})
        for r, c in cells:
            if r <= sheet.nrows and c <= sheet.ncols:
                xf = book.xf_list[sheet.cell_xf_index(r - 1, c - 1)]
                fonts[(r, c)] = book.font_list[xf.font_index].name
    return found
