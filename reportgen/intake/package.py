"""Looking inside an .xlsx package before any reader parses it: refuse what could hurt (a DTD,
a sheet whose cells reach so far that reading it would take gigabytes, parts no Excel writes)
and tell which sheets hold formulas or error cells — one streaming pass, a chunk at a time."""

from __future__ import annotations

import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, replace

from .. import fmt
from .workbook import Grid, Unreadable, cell_ref

# A sheet is read whole into a grid from A1 to its farthest cell: a few million cells is a
# long sheet (200.000 rows of 25 columns); one cell at XFD1048576 would be 17 billion.
MAX_CELLS = 5_000_000
_MAX_ROW = 1_048_576  # Excel's last row
_CHUNK = 1 << 20

_FORMULA = re.compile(rb"<f[\s>/]")  # a plain start: a quick search
_PREFIXED_FORMULA = re.compile(rb"<\w+:f[\s>/]")
# OOXML puts a cell's formula first in it, its value after: <c r="F3" t="e"><f>1/0</f><v>#…
_FORMULA_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*)>\s*<(?:\w+:)?f[\s>/]")
_ERROR_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*\bt=\"e\"[^>]*)>")
_VALUE = re.compile(rb"<(?:\w+:)?v>([^<]*)<")
_REF = re.compile(rb"\br=\"([A-Z]{1,3})(\d{1,7})\"")
# A DTD can define entities that expand a few bytes into gigabytes, or fetch a file of the
# computer; Excel never writes one. UTF-16 spellings too: an XML part may be in UTF-16.
_DTD = re.compile(
    b"|".join(
        re.escape(word.encode(encoding))
        for word in ("<!DOCTYPE", "<!ENTITY", "<!doctype", "<!entity")
        for encoding in ("ascii", "utf-16-le", "utf-16-be")
    )
)
_ROW = re.compile(rb"<(?:\w+:)?row\b[^>]*?\br=\"(\d{1,10})\"")
# How every writer we know spells a row (its number first): found at once by its literal start.
_PLAIN_ROW = re.compile(rb"<row r=\"(\d{1,10})\"")
_PREFIXED_TAG = re.compile(rb":(?:c |row)")  # a row or cell tag with a namespace prefix
_ROW_TAG = re.compile(rb"<(?:\w+:)?row\b")
_CELL_TAG = re.compile(rb"<(?:\w+:)?c\b")
_WIDE_CELL = re.compile(rb"<(?:\w+:)?c\b[^>]*?\br=\"([A-Z]{2,3})(\d{1,10})\"")
_WIDE_REF = re.compile(rb' r="[A-Z]{2}')
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
# The parts besides the sheets that calamine, openpyxl or the font reader parse; the others
# (document properties, theme, drawings) no reader of ours opens, so a DTD there does no harm.
_PARSED = frozenset(
    (
        "[Content_Types].xml",
        "_rels/.rels",
        "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
        "xl/styles.xml",
        "xl/sharedStrings.xml",
    )
)
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


Cell = tuple[int, int]  # (row, column), 1-based


@dataclass(frozen=True)
class Sheet:
    """What one worksheet holds that a fast reader does not say: its formula cells and its
    error cells (#DIV/0!, with the error's text); `located` is False when some such cell has
    no reference to place it by."""

    name: str  # "" when the workbook's relationships do not name the part
    formulas: frozenset[Cell] = frozenset()
    errors: tuple[tuple[Cell, str], ...] = ()
    located: bool = True


def column_number(letters: bytes) -> int:
    """A column's number from its letters: 1 for A, 27 for AA."""
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


# A member's local header: its signature, 22 bytes of fields the central directory repeats,
# then the lengths of its name and of its extra field, after which its data starts.
_LOCAL_HEADER = struct.Struct("<4s22xHH")


class Parts:
    """A workbook's parts read from its bytes. A small part is inflated at once with zlib from
    where its local header says its data is (where calamine reads it too), its place, name,
    size and CRC checked as zipfile checks them, at a fraction of the cost of zipfile's reader
    a part; a part over a megabyte is streamed. Only one part is held at a time. Raises
    zipfile.BadZipFile on a part that is not what the zip's directory says it is."""

    def __init__(self, archive: zipfile.ZipFile, data: bytes) -> None:
        self.archive, self.data = archive, data
        self.names = archive.namelist()

    def read(self, name: str) -> bytes:
        """A small part's bytes."""
        return self._inflate(self.archive.getinfo(name))

    def chunks(self, name: str) -> Iterator[bytes]:
        """A part's bytes about a megabyte at a time, each piece cut before its last cell (or
        tag) and the rest carried to the next, so no cell or tag is ever split or seen twice."""
        if self.archive.getinfo(name).file_size <= _CHUNK:  # most parts: one piece
            yield self.read(name)
            return
        with self.archive.open(name) as part:
            carried = b""
            while chunk := part.read(_CHUNK):
                chunk = carried + chunk
                cut = chunk.rfind(b"<c ")
                cut = cut if cut > 0 else chunk.rfind(b"<")
                if cut <= 0:
                    cut = len(chunk)
                yield chunk[:cut]
                carried = chunk[cut:]
            if carried:
                yield carried

    def _inflate(self, info: zipfile.ZipInfo) -> bytes:
        at = info.header_offset
        if at < 0 or at + _LOCAL_HEADER.size > len(self.data):  # a directory pointing outside
            raise zipfile.BadZipFile(f"no local header for {info.filename}")
        signature, name_length, extra_length = _LOCAL_HEADER.unpack_from(self.data, at)
        name = self.data[at + _LOCAL_HEADER.size : at + _LOCAL_HEADER.size + name_length]
        encoding = "utf-8" if info.flag_bits & 0x800 else "cp437"  # as zipfile reads names
        if signature != b"PK\x03\x04" or name.decode(encoding, "replace") != info.orig_filename:
            raise zipfile.BadZipFile(f"the local header does not name {info.filename}")
        start = at + _LOCAL_HEADER.size + name_length + extra_length
        if start + info.compress_size > len(self.data):
            raise zipfile.BadZipFile(f"{info.filename} runs past the end of the file")
        stored = self.data[start : start + info.compress_size]
        try:
            # Never more than the size the directory declares, plus one byte to tell a lie.
            body = (
                zlib.decompressobj(-zlib.MAX_WBITS).decompress(stored, info.file_size + 1)
                if info.compress_type == zipfile.ZIP_DEFLATED
                else stored
            )
        except zlib.error:
            raise zipfile.BadZipFile(f"{info.filename} is not a deflate stream") from None
        if len(body) != info.file_size or zlib.crc32(body) != info.CRC:
            raise zipfile.BadZipFile(f"bad size or CRC-32 for {info.filename}")
        return body


def _check_members(archive: zipfile.ZipFile) -> None:
    names = [info.filename for info in archive.infolist()]
    if len(set(names)) != len(names):
        twice = sorted({n for n in names if names.count(n) > 1})
        raise Unreadable(
            f"tệp có hai phần cùng tên ({', '.join(twice)}) nên không biết phần nào là thật — "
            "tệp bị hỏng hoặc đã bị sửa ngoài Excel; đề nghị đơn vị mở bằng Excel, lưu lại rồi "
            "gửi lại"
        )
    for info in archive.infolist():
        if info.flag_bits & 0x1:
            raise Unreadable(
                "tệp có đặt mật khẩu (phần bên trong bị mã hóa) — cần gỡ mật khẩu rồi gửi lại",
                "file-encrypted",
            )
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise Unreadable(
                "tệp được nén theo kiểu Excel không dùng (có thể đã bị sửa bằng chương trình "
                "khác) — đề nghị đơn vị mở bằng Excel, lưu lại rồi gửi lại"
            )


def sheet_names(archive: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet part -> the sheet's name, from the workbook's relationships ({} if unclear)."""
    from xml.etree import ElementTree  # loaded only when a sheet must be named

    try:
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError):
        return {}
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter(_RELS)}
    names = {}
    for sheet in book.iter():
        if sheet.tag.endswith("}sheet") and (target := targets.get(sheet.get(_R_ID))):
            path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            names[posixpath.normpath(path)] = sheet.get("name", "")
    return names


class _Labels:
    """How a message names a sheet's part, and the sheet's name ("" when unknown): the
    workbook's relationships are parsed only when a sheet must be named."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        self.names: dict[str, str] | None = None

    def __call__(self, part: str) -> tuple[str, str]:
        if self.names is None:
            self.names = sheet_names(self.archive)
        name = self.names.get(part)
        return (f'sheet "{name}"', name) if name is not None else (f"phần {part}", "")


def inspect(parts: Parts) -> list[Sheet]:
    """What each worksheet holds, after refusing any part with a DTD and any sheet too
    far-flung; raises Unreadable naming the sheet (or part)."""
    _check_members(parts.archive)
    for name in parts.names:  # the small parts a reader parses: workbook, strings…
        if name in _PARSED and any(_has_dtd(chunk) for chunk in parts.chunks(name)):
            raise Unreadable(_dtd_message(f"phần {name}"))
    labels = _Labels(parts.archive)
    sheets = [
        _scan_sheet(parts, name, labels)
        for name in parts.names
        if name.startswith("xl/worksheets/") and name.endswith(".xml")
    ]
    return [
        replace(sheet, name=labels(sheet.name)[1]) if sheet.formulas or sheet.errors else sheet
        for sheet in sheets
    ]


def _dtd_message(where: str) -> str:
    return (
        f"{where} có khai báo DTD/ENTITY — Excel không bao giờ ghi như vậy; loại khai báo này có "
        "thể làm máy treo hoặc đọc trộm tệp khác nên tệp không được đọc — đề nghị đơn vị mở bằng "
        "Excel, lưu lại thành tệp mới rồi gửi lại"
    )


def _farthest_column(chunk: bytes, beyond: int) -> int:
    """The farthest column a cell reference of the piece names (1 for A) if it is beyond
    column `beyond`, else `beyond`: each pattern starts with a plain ' r="', which is quick."""
    if _WIDE_REF.search(chunk):
        return max([beyond, *(column_number(c) for c, _ in _WIDE_CELL.findall(chunk))])
    if beyond >= 26:
        return beyond
    farther = re.compile(rb' r="([' + bytes([65 + beyond]) + rb"-Z])\d")
    return max([beyond, *(column_number(c) for c in set(farther.findall(chunk)))])


def _has_dtd(chunk: bytes) -> bool:
    # Every spelling holds a "!", which most parts have none of: one quick look for the byte.
    return b"!" in chunk and bool(_DTD.search(chunk))


def _place(attributes: bytes) -> Cell | None:
    ref = _REF.search(attributes)
    return (int(ref[2]), column_number(ref[1])) if ref else None


class _Reach:
    """How far a sheet's cells reach, its row numbers seen, tags counted once each."""

    def __init__(self, part: str, labels: _Labels) -> None:
        self.part, self.labels = part, labels
        self.rows = self.row_tags = self.cells = self.column = 0
        self.seen = bytearray()  # one byte a row number (1 MB), made when rows are out of order
        self.last = 0  # the highest row number so far

    def take(self, chunk: bytes) -> None:
        """Count a piece's rows and cells, and how far right its cells reach."""
        plain_rows = chunk.count(b"<row")
        self.row_tags += plain_rows
        self.cells += chunk.count(b"<c")  # with <col and <cfRule: a bound, not a count
        prefixed = _PREFIXED_TAG.search(chunk) is not None
        if prefixed:  # a namespace prefix: rare, counted the slow way
            self.row_tags += len(_ROW_TAG.findall(chunk))
            self.cells += len(_CELL_TAG.findall(chunk))
        found = _PLAIN_ROW.findall(chunk)
        if prefixed or len(found) != plain_rows:  # another spelling, or a <rowBreaks>: slowly
            found = _ROW.findall(chunk)
        numbers = [int(n) for n in found]
        if numbers and (numbers[0] <= self.last or numbers != sorted(set(numbers))):
            for number in numbers:  # out of order: look for a number seen before
                self._row(number)
        elif numbers:
            if numbers[-1] > _MAX_ROW:
                self._row(numbers[-1])
            self.last = numbers[-1]
        self.rows = max([self.rows, self.row_tags, self.last, *numbers[-1:]])
        self.column = _farthest_column(chunk, self.column)

    def check(self) -> None:
        """Refuse a sheet whose grid from A1 to its farthest cell would be too large."""
        if self.rows * max(self.column, 1) > MAX_CELLS or self.cells > MAX_CELLS:
            where = cell_ref(max(self.rows, 1), max(self.column, 1))
            label, sheet = self.labels(self.part)
            raise Unreadable(
                f"{label} có dữ liệu tới ô {where}, trải trên hơn {fmt.integer(MAX_CELLS)} "
                "ô — quá lớn đối với một báo cáo (thường do gõ nhầm vào một ô rất xa); đề nghị "
                f"đơn vị xóa các dòng, cột thừa ở cuối {label} rồi lưu lại và gửi lại",
                sheet=sheet,
            )

    def _row(self, number: int) -> None:
        if not self.seen:
            self.seen = bytearray(_MAX_ROW + 1)
        if not 1 <= number <= _MAX_ROW or self.seen[number]:
            why = (
                "hai dòng cùng mang số"
                if number <= _MAX_ROW
                else "số dòng vượt giới hạn của Excel:"
            )
            label, sheet = self.labels(self.part)
            raise Unreadable(
                f"{label} có {why} {fmt.integer(number)} nên không biết dòng nào là thật — "
                "tệp bị hỏng hoặc đã bị sửa ngoài Excel; đề nghị đơn vị mở bằng Excel, lưu lại "
                "rồi gửi lại",
                sheet=sheet,
            )
        self.seen[number] = 1
        self.rows = max(self.rows, number)
        self.last = max(self.last, number)


def _scan_sheet(parts: Parts, name: str, labels: _Labels) -> Sheet:
    """What a sheet part holds; its `name` is the part's until the caller names the sheet."""
    formulas: set[Cell] = set()
    errors: dict[Cell, str] = {}
    located = True
    pending: set[Cell] = set()
    reach = _Reach(name, labels)
    for chunk in parts.chunks(name):
        if _has_dtd(chunk):
            label, sheet = labels(name)
            raise Unreadable(_dtd_message(label), sheet=sheet)
        if _FORMULA.search(chunk) or (b":f" in chunk and _PREFIXED_FORMULA.search(chunk)):
            found = [_place(m[1]) for m in _FORMULA_CELL.finditer(chunk)]
            formulas.update(cell for cell in found if cell)
            located = located and None not in found
        for match in _ERROR_CELL.finditer(chunk) if b't="e"' in chunk else ():
            cell, value = _place(match[1]), _VALUE.search(chunk, match.end(), match.end() + 4096)
            if cell is None:
                located = False
            elif value:
                errors[cell] = value[1].decode("utf-8", "replace").strip()
            else:  # its value is in the next chunk, which starts a little before
                pending.add(cell)
        reach.take(chunk)
    reach.check()  # at the end: the message names the farthest cell, not a cell on the way
    located = located and not pending - errors.keys()
    return Sheet(name, frozenset(formulas), tuple(sorted(errors.items())), located)


def noted(grids: list[Grid], sheets: list[Sheet]) -> list[Grid] | None:
    """The grids a fast reader gave with each error cell's text put back (calamine reads
    #DIV/0! as empty) and the formulas with no value marked; None when a sheet with formulas or
    errors cannot be matched to its grid or placed cell by cell (then read the slow way)."""
    by_name = {s.name: s for s in sheets if s.formulas or s.errors}
    if any(not s.located or not s.name for s in by_name.values()) or "" in by_name:
        return None
    if set(by_name) - {g.name for g in grids}:
        return None
    return [_with_notes(g, by_name[g.name]) if g.name in by_name else g for g in grids]


def _with_notes(grid: Grid, sheet: Sheet) -> Grid:
    rows = [list(row) for row in grid.rows] if sheet.errors else None
    if rows is not None:
        for (row, column), text in sheet.errors:
            while len(rows) < row:
                rows.append([])
            line = rows[row - 1]
            line.extend([None] * (column - len(line)))
            if line[column - 1] is None:
                line[column - 1] = fmt.XML_ILLEGAL.sub("\ufffd", text) or "#ERR"
        grid = replace(grid, rows=tuple(tuple(r) for r in rows))
    uncached = frozenset(cell for cell in sheet.formulas if grid.value(*cell) is None)
    return replace(grid, uncached=uncached)


_RESAVE = (
    "đề nghị đơn vị mở bằng Excel, chọn File › Save As, kiểu “Excel Workbook (*.xlsx)” rồi gửi lại"
)
_ZIP_KINDS = (  # a part only that kind of package has, and what to call it
    ("xl/workbook.bin", "bảng tính Excel dạng nhị phân (.xlsb), công cụ chưa đọc được"),
    ("content.xml", "bảng tính OpenDocument (.ods, của LibreOffice), công cụ chưa đọc được"),
    ("word/document.xml", "văn bản Word (.docx), không phải bảng tính"),
    ("ppt/presentation.xml", "bản trình chiếu PowerPoint (.pptx), không phải bảng tính"),
)
_TEXT_KINDS = (  # how a text file starts, and what to call it
    (b"%pdf", "tệp PDF, không phải bảng tính"),
    (b"<", "trang web (HTML/XML) đổi tên, không phải bảng tính Excel"),
    (b"{", "tệp JSON, không phải bảng tính"),
)


def not_a_workbook(data: bytes, names: list[str] | None = None) -> str:
    """What a file that is not an Excel workbook seems to be, and how to send a workbook; the
    names are those of its parts when it is a zip."""
    if names is not None:
        kind = next(
            (k for part, k in _ZIP_KINDS if part in names), "tệp nén .zip, không phải bảng tính"
        )
        return f"{kind} — {_RESAVE}"
    head = data[:1024].lstrip(b"\xef\xbb\xbf \r\n\t").lower()
    kind = next((k for start, k in _TEXT_KINDS if head.startswith(start)), "")
    if not kind and head and all(b >= 0x20 or b in b"\r\n\t" for b in head):
        kind = "tệp văn bản (có thể là CSV), không phải bảng tính Excel"
    return f"{kind or 'không phải bảng tính Excel (.xlsx hoặc .xls)'} — {_RESAVE}"
