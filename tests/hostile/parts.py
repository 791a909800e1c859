"""The bytes of hostile files: a unit's workbook, then its zip parts rewritten by hand."""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from reportgen import vocab
from tests.test_intake_reader import book_of, clean_form

SHEET_LIBRARIES_PART = "xl/worksheets/sheet2.xml"  # clean_form's second sheet: `Thư viện`


@dataclass(frozen=True)
class Slot:
    """A unit of the registry a case's workbook reports for."""

    code: str
    name: str


def library(uses: object, name: str = "Thư viện xã", **cells: object) -> tuple[Any, ...]:
    """A `Thư viện` row: (name, kind, serves, digital, uses, books, note) of clean_form."""
    row = {"kind": vocab.LIB_COMMUNE, "serves": True, "digital": True, "books": None, "note": ""}
    row.update(cells)
    return (name, row["kind"], row["serves"], row["digital"], uses, row["books"], row["note"])


def form(slot: Slot | None, *libraries: tuple[Any, ...], **sheets: Any) -> dict[str, list[Any]]:
    """clean_form's sheets for a slot's unit (no code or name when `slot` is None)."""
    code, name = (slot.code, slot.name) if slot else ("", "")
    sheets_ = clean_form(code, name, made_on=date(2025, 11, 4), libraries=list(libraries or ()))
    sheets_.update(sheets)
    return sheets_


def workbook_bytes(sheets: dict[str, Sequence[Sequence[Any]]], change=None) -> bytes:  # noqa: ANN001
    """An .xlsx of the sheets, rows from A1; `change(book)` may alter it before saving."""
    book = book_of(sheets)
    if change is not None:
        change(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def unit_bytes(slot: Slot | None, uses: object = 100, **cells: object) -> bytes:
    """A whole clean return of one library with `uses`."""
    return workbook_bytes(form(slot, library(uses, **cells)))


Change = Callable[[str, bytes], bytes | None]  # (part name, bytes) -> new bytes, None drops it


def rezip(
    data: bytes,
    change: Change = lambda name, part: part,
    extra: Sequence[tuple[str, bytes]] = (),
    method: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    """The zip's parts rewritten through `change`, extra parts added after them."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w", method) as out:
        for info in source.infolist():
            part = change(info.filename, source.read(info))
            if part is not None:
                out.writestr(info.filename, part)
        with warnings.catch_warnings():  # a duplicate part name is the point of some cases
            warnings.simplefilter("ignore")
            for name, part in extra:
                out.writestr(name, part)
    return buffer.getvalue()


def in_part(part_name: str, old: bytes, new: bytes, count: int = 1) -> Change:
    """A change replacing `old` by `new` in one part."""
    return lambda name, part: part.replace(old, new, count) if name == part_name else part


def sheet_xml(rows: str, *, before: bytes = b"") -> Change:
    """A change putting hand-written `<row>`s as the `Thư viện` sheet's data."""

    def change(name: str, part: bytes) -> bytes:
        if name != SHEET_LIBRARIES_PART:
            return part
        data = re.sub(rb"<sheetData>.*</sheetData>|<sheetData/>", b"<sheetData/>", part, flags=re.S)
        return before + data.replace(
            b"<sheetData/>", b"<sheetData>" + rows.encode() + b"</sheetData>"
        )

    return change


def header_row() -> str:
    """The contract's `Thư viện` header as inline-string cells of row 1."""
    cells = "".join(
        f'<c r="{chr(65 + i)}1" t="inlineStr"><is><t>{label}</t></is></c>'
        for i, label in enumerate(vocab.LIBRARY_COLUMNS)
    )
    return f'<row r="1">{cells}</row>'


def library_row_xml(row: int, uses_cell: str, name: str = "Thư viện xã") -> str:
    """One `Thư viện` data row in XML with the uses cell (column F) as given."""
    text = "".join(
        f'<c r="{col}{row}" t="inlineStr"><is><t>{value}</t></is></c>'
        for col, value in (("B", name), ("C", vocab.LIB_COMMUNE), ("D", "Có"), ("E", "Có"))
    )
    return f'<row r="{row}"><c r="A{row}"><v>{row - 1}</v></c>{text}{uses_cell}</row>'


def write(path: Path, data: bytes) -> str:
    """Write the bytes, folders made; the name relative to the year folder is the caller's."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path.name


def plain_zip(members: Sequence[tuple[str, bytes]]) -> bytes:
    """A zip of the members."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for name, part in members:
            out.writestr(name, part)
    return buffer.getvalue()


def as_xls(data: bytes) -> bytes:
    """The .xlsx saved again as a legacy .xls by LibreOffice (the caller skips without it)."""
    import tempfile

    from tests.messy.years import soffice_convert

    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch) / "in" / "in.xlsx"
        source.parent.mkdir()
        source.write_bytes(data)
        converted = soffice_convert(source, "xls")
        assert converted is not None, "LibreOffice made no .xls"
        return converted.read_bytes()
