"""The fonts of a workbook's cells, read only when its text looks legacy (.VnTime, VNI)."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Collection, Iterator, Mapping
from functools import lru_cache
from typing import Literal

from .package import Cell, column_number, sheet_names
from .workbook import OLE_MAGIC, ZIP_MAGIC

FontKind = Literal["tcvn3", "tcvn3-caps", "vni", "unicode"]

# TCVN3 font families whose capitals font is the family's name and "H" (.VnTimeH, .VnArialH)
_TCVN3_FAMILIES = frozenset(
    "time times arial arialnarrow avant black bodoni bookantiqua centuryschoolbook clarendon "
    "commercialscript cooper couriernew free gothic helvetins helvet linus monotypecorsiva "
    "souvienir shelleyallegro univers universe aptima".split()
)


@lru_cache(maxsize=256)  # a workbook has a handful of fonts
def font_kind(name: str | None) -> FontKind | None:
    """What a font name says of the text typed in it; None when there is no font name."""
    # ".VnTime", "VnTime", ".VN Times" are TCVN3; ".VnTimeH", ".VnArial NarrowH" its capitals
    # fonts; "VNI-Times", "VNI Helve" VNI-Windows; any other font (Times New Roman) Unicode.
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
    """The font name of each wanted cell, by sheet; empty where the file will not tell."""
    # Fonts are evidence, never a reason to refuse a file
    try:
        if data.startswith(ZIP_MAGIC):
            return _xlsx_fonts(data, wanted)
        if data.startswith(OLE_MAGIC):
            return _xls_fonts(data, wanted)
    except Exception:  # a damaged style part: read the text without its fonts
        return {}
    return {}


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_COLUMN = re.compile(r"[A-Z]+")
_ROW, _CELL, _VALUE = _MAIN + "row", _MAIN + "c", _MAIN + "v"


def _xlsx_fonts(data: bytes, wanted: Mapping[str, Collection[Cell]]) -> dict[str, dict[Cell, str]]:
    """Each cell's style font, or its rich text's first run's (.VnTime in an Arial cell)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {name: part for part, name in sheet_names(archive).items()}
        styles = _style_fonts(archive)
        shared: list[str] | None = None
        found: dict[str, dict[Cell, str]] = {}
        for title, cells in wanted.items():
            if title not in parts or not cells:
                continue
            fonts = found.setdefault(title, {})
            for (r, c), style, run, index in _cells(archive, parts[title], set(cells)):
                if index is not None and not run:
                    shared = _shared_runs(archive) if shared is None else shared
                    run = shared[index] if index < len(shared) else ""
                fonts[(r, c)] = run or (styles[style] if style < len(styles) else "")
    return found


def _style_fonts(archive: zipfile.ZipFile) -> list[str]:
    """The font name of each cell style (cellXfs), by its index."""
    if "xl/styles.xml" not in archive.namelist():
        return []
    styles = ET.fromstring(archive.read("xl/styles.xml"))
    fonts_part, xfs = styles.find(_MAIN + "fonts"), styles.find(_MAIN + "cellXfs")
    names = []
    for font in fonts_part if fonts_part is not None else ():
        name = font.find(_MAIN + "name")
        names.append(name.get("val", "") if name is not None else "")
    return [
        names[int(xf.get("fontId", 0))] if int(xf.get("fontId", 0)) < len(names) else ""
        for xf in (xfs if xfs is not None else ())
    ]


def _first_run_font(element: ET.Element) -> str:
    for run in element.iter(_MAIN + "r"):
        font = run.find(f"{_MAIN}rPr/{_MAIN}rFont")
        if font is not None:
            return font.get("val", "")
    return ""


def _cells(
    archive: zipfile.ZipFile, part: str, wanted: set[Cell]
) -> Iterator[tuple[Cell, int, str, int | None]]:
    """Each wanted cell of a sheet: where, its style, its rich text's font, its shared string."""
    # A row or cell without its reference counts on from the one before
    last = max(r for r, _ in wanted)
    row, column = 0, 0
    with archive.open(part) as stream:
        for event, element in ET.iterparse(stream, events=("start", "end")):
            tag = element.tag
            if tag == _CELL and event == "end":
                ref = element.get("r")
                column = _column(ref) if ref else column + 1
                if (row, column) in wanted:
                    kind = element.get("t")
                    value = element.findtext(_VALUE) if kind == "s" else None
                    index = int(value) if value and value.isdigit() else None
                    run = _first_run_font(element) if kind == "inlineStr" else ""
                    yield (row, column), int(element.get("s", 0)), run, index
                element.clear()
            elif tag == _ROW:
                if event == "end":
                    element.clear()
                    continue
                row, column = int(element.get("r", row + 1)), 0
                if row > last:
                    return


def _column(ref: str) -> int:
    letters = _COLUMN.match(ref)
    return column_number(letters[0].encode()) if letters else 0


def _shared_runs(archive: zipfile.ZipFile) -> list[str]:
    """The font of each shared string's first run ("" for plain text), by its index."""
    if "xl/sharedStrings.xml" not in archive.namelist():
        return []
    runs = []
    with archive.open("xl/sharedStrings.xml") as stream:
        for _, element in ET.iterparse(stream):
            if element.tag == _MAIN + "si":
                runs.append(_first_run_font(element))
                element.clear()
    return runs


def _xls_fonts(data: bytes, wanted: Mapping[str, Collection[Cell]]) -> dict[str, dict[Cell, str]]:
    import xlrd

    # ragged_rows: rows not padded to the widest (one far cell would make millions of cells)
    book = xlrd.open_workbook(
        file_contents=data, formatting_info=True, on_demand=True, ragged_rows=True
    )
    found: dict[str, dict[Cell, str]] = {}
    for title, cells in wanted.items():
        if title not in book.sheet_names():
            continue
        sheet = book.sheet_by_name(title)
        fonts = found.setdefault(title, {})
        for r, c in cells:
            if r <= sheet.nrows and c <= sheet.row_len(r - 1):
                runs = sheet.rich_text_runlist_map.get((r - 1, c - 1))
                if runs:  # rich text: the font of its first run
                    fonts[(r, c)] = book.font_list[runs[0][1]].name
                    continue
                xf = book.xf_list[sheet.cell_xf_index(r - 1, c - 1)]
                fonts[(r, c)] = book.font_list[xf.font_index].name
    return found
