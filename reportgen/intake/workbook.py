"""Opening one workbook (.xlsx or legacy .xls) into plain grids of cell values, read-only."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass
from datetime import date, datetime

from .. import fmt
from ..models import ProblemCode

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class Grid:
    """One sheet: its name as in the file, cell values by row, and formula cells with no value."""

    name: str
    rows: tuple[tuple[object, ...], ...]
    uncached: frozenset[tuple[int, int]] = frozenset()  # (row, column), 1-based
    visible: bool = True  # False: hidden, or "very hidden" where only a macro shows it

    def value(self, row: int, column: int) -> object:
        """The value at a 1-based row and column, None outside the sheet."""
        if 1 <= row <= len(self.rows) and 1 <= column <= len(self.rows[row - 1]):
            return self.rows[row - 1][column - 1]
        return None


class Unreadable(Exception):
    """A file that is not a workbook we can read; the message is Vietnamese for the clerk."""

    def __init__(
        self, message: str, code: ProblemCode = "file-unreadable", sheet: str = ""
    ) -> None:
        super().__init__(message)
        self.code: ProblemCode = code
        self.sheet = sheet  # the sheet at fault, when there is one


def cell_ref(row: int, column: int) -> str:
    """The A1 reference of a 1-based row and column: (7, 4) -> "D7"."""
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row}"


def _trim(rows: list[tuple[object, ...]]) -> tuple[tuple[object, ...], ...]:
    while rows and all(v is None or v == "" for v in rows[-1]):
        rows.pop()
    return tuple(rows)


def _is_encrypted(data: bytes) -> bool:
    try:
        import msoffcrypto

        return bool(msoffcrypto.OfficeFile(io.BytesIO(data)).is_encrypted())
    except Exception:  # not an Office container msoffcrypto knows: let the readers decide
        return False


# What a workbook may inflate to: a unit's return is a few megabytes; a zip bomb (a small
# file that inflates to gigabytes) is refused before anything is read.
MAX_INFLATED = 400 * 1024 * 1024  # bytes, all parts together
MAX_RATIO = 200  # inflated / compressed, for a part over 10 MB


def _check_size(archive: zipfile.ZipFile) -> None:
    infos = archive.infolist()
    total = sum(i.file_size for i in infos)
    swollen = [
        i
        for i in infos
        if i.file_size > 10 * 1024 * 1024 and i.file_size > MAX_RATIO * max(i.compress_size, 1)
    ]
    if total > MAX_INFLATED or swollen:
        raise Unreadable(
            f"tệp giải nén ra tới {fmt.integer(total // (1024 * 1024))} MB, quá lớn đối với một "
            "báo cáo (có thể là tệp hỏng hoặc độc hại) nên không đọc — đề nghị đơn vị lưu lại "
            "bảng tính bằng Excel rồi gửi lại"
        )


_STRICT = b"purl.oclc.org/ooxml/spreadsheetml/main"  # Strict Open XML's namespace
DAMAGED = "tệp Excel bị hỏng, không mở được — đề nghị đơn vị mở tệp bằng Excel, lưu lại rồi gửi lại"


def _reader_failed(exc: BaseException) -> bool:
    """Whether an exception is a reader's failure on a damaged file (calamine's Rust panics
    are BaseExceptions), not the clerk stopping the run."""
    return not isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit))


def _read_xlsx(data: bytes) -> list[Grid]:
    from .package import Parts, inspect, not_a_workbook, noted  # raise this module's Unreadable

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "xl/workbook.xml" not in archive.namelist():
                raise Unreadable(not_a_workbook(data, archive.namelist()))
            _check_size(archive)
            parts = Parts(archive, data)
            sheets = inspect(parts)  # before any part is parsed
            if _STRICT in parts.read("xl/workbook.xml"):
                raise Unreadable(
                    "bảng tính lưu theo dạng “Strict Open XML” mà công cụ chưa đọc được — đề nghị "
                    "đơn vị mở bằng Excel, chọn File › Save As, kiểu “Excel Workbook (*.xlsx)” "
                    "rồi gửi lại"
                )
    except (
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        OSError,
        NotImplementedError,
        RuntimeError,
        struct.error,  # a part's local header cut off by the end of the file
        zlib.error,  # a part that will not inflate
    ):
        raise Unreadable(DAMAGED) from None
    # python-calamine reads values many times faster than openpyxl; it reads an error cell
    # (#DIV/0!) as empty and says nothing of formulas, so the package's scan puts those back.
    grids = _calamine_grids(data)
    if (found := noted(grids, sheets)) is not None:
        return found
    # A formula or error cell the scan could not place (a cell with no reference): openpyxl.
    if any(s.errors for s in sheets):
        grids = _openpyxl_grids(data)
    return _mark_uncached(data, grids) if any(s.formulas for s in sheets) else grids


def _shown(text: str) -> str:
    """A cell's text with each control character shown as �: calamine decodes Excel's _x0001_
    escapes and an .xls holds them as they are, so "12_x0007_3" is never silently the number
    123, and no writer of ours meets a character XML forbids."""
    if text.isprintable():  # no control character at all: most cells, checked at C speed
        return text
    return fmt.XML_ILLEGAL.sub("\ufffd", text)


def _value(value: object) -> object:
    """A calamine value as openpyxl gives it: empty as None, a whole number as int, a date as
    a datetime at midnight."""
    if value == "":
        return None
    if isinstance(value, str):
        return _shown(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if type(value) is date:
        return datetime(value.year, value.month, value.day)
    return value


def _calamine_grids(data: bytes) -> list[Grid]:
    from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except BaseException as exc:  # calamine raises its own kinds on damaged parts
        if not _reader_failed(exc):
            raise
        raise Unreadable(DAMAGED) from None
    grids = []
    for sheet in book.sheets_metadata:
        if sheet.typ != SheetTypeEnum.WorkSheet:
            continue
        try:
            rows = book.get_sheet_by_name(sheet.name).to_python(skip_empty_area=False)
        except BaseException as exc:  # a damaged sheet: say which one
            if not _reader_failed(exc):
                raise
            raise Unreadable(
                f'tệp Excel bị hỏng ở sheet "{sheet.name}", không đọc được — đề nghị đơn vị mở '
                "tệp bằng Excel, lưu lại rồi gửi lại",
                sheet=sheet.name,
            ) from None
        visible = sheet.visible == SheetVisibleEnum.Visible
        grids.append(
            Grid(sheet.name, _trim([tuple(map(_value, r)) for r in rows]), visible=visible)
        )
    return grids


def _openpyxl_grids(data: bytes) -> list[Grid]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise Unreadable(DAMAGED) from None
    grids = []
    try:
        for sheet in book.worksheets:
            if hasattr(sheet, "reset_dimensions"):
                sheet.reset_dimensions()  # some writers store a wrong size; read every row
            rows = [tuple(r) for r in sheet.iter_rows(values_only=True)]
            visible = sheet.sheet_state == "visible"
            grids.append(Grid(sheet.title, _trim(rows), visible=visible))
    finally:
        book.close()
    return grids


def _mark_uncached(data: bytes, grids: list[Grid]) -> list[Grid]:
    """Find formula cells whose cached value is missing (a file never recalculated)."""
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    marked = []
    try:
        for grid, sheet in zip(grids, book.worksheets, strict=True):
            if hasattr(sheet, "reset_dimensions"):
                sheet.reset_dimensions()
            missing = set()
            for r, row in enumerate(sheet.iter_rows(values_only=True), start=1):
                for c, formula in enumerate(row, start=1):
                    if isinstance(formula, str) and formula.startswith("="):
                        if grid.value(r, c) is None:
                            missing.add((r, c))
            marked.append(Grid(grid.name, grid.rows, frozenset(missing), grid.visible))
    finally:
        book.close()
    return marked


def _read_xls(data: bytes) -> list[Grid]:
    import xlrd

    try:
        # ragged_rows: a row holds its cells up to its last, not padded to the widest row (one
        # cell at IV65536 would otherwise make 16 million empty cells, a gigabyte).
        book = xlrd.open_workbook(file_contents=data, on_demand=False, ragged_rows=True)
    except xlrd.biffh.XLRDError as exc:
        if "encrypt" in str(exc).lower():
            raise Unreadable(
                "tệp có đặt mật khẩu — cần gỡ mật khẩu rồi gửi lại", "file-encrypted"
            ) from None
        raise Unreadable("tệp Excel cũ (.xls) bị hỏng, không mở được") from None
    except Exception:  # xlrd raises many kinds on damaged files
        raise Unreadable("tệp Excel cũ (.xls) bị hỏng, không mở được") from None
    grids = []
    for sheet in book.sheets():
        rows = []
        for r in range(sheet.nrows):
            values: list[object] = []
            for cell in sheet.row(r):
                if cell.ctype == xlrd.XL_CELL_DATE:
                    values.append(xlrd.xldate.xldate_as_datetime(cell.value, book.datemode))
                elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                    values.append(bool(cell.value))
                elif cell.ctype == xlrd.XL_CELL_ERROR:
                    values.append(xlrd.error_text_from_code.get(cell.value, "#ERR"))
                elif cell.ctype == xlrd.XL_CELL_EMPTY or cell.ctype == xlrd.XL_CELL_BLANK:
                    values.append(None)
                elif cell.ctype == xlrd.XL_CELL_TEXT:
                    values.append(_shown(cell.value))
                else:
                    values.append(cell.value)
            rows.append(tuple(values))
        grids.append(Grid(sheet.name, _trim(rows), visible=sheet.visibility == 0))
    return grids


def read_grids(data: bytes) -> list[Grid]:
    """Every sheet of a workbook given as bytes; raises Unreadable with the reason."""
    if not data.strip(b"\0 \r\n\t"):
        raise Unreadable("tệp rỗng, không có dữ liệu", "file-empty")
    if data.startswith(ZIP_MAGIC):
        return _read_xlsx(data)
    if data.startswith(OLE_MAGIC):
        if _is_encrypted(data):
            raise Unreadable("tệp có đặt mật khẩu — cần gỡ mật khẩu rồi gửi lại", "file-encrypted")
        return _read_xls(data)
    from .package import not_a_workbook

    raise Unreadable(not_a_workbook(data))
