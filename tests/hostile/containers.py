"""Cases of files that are not what their name says, or whose zip or XML is hostile."""

from __future__ import annotations

import io
import struct
import zipfile

from tests.hostile.case import Case, file_case, read_case
from tests.hostile.parts import (
    SHEET_LIBRARIES_PART,
    Slot,
    form,
    header_row,
    in_part,
    library,
    library_row_xml,
    plain_zip,
    rezip,
    sheet_xml,
    unit_bytes,
    workbook_bytes,
)

UNREADABLE = "file-unreadable"
LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lolololololololololo">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)
    )
    + "]>"
)
XXE = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def _generic(slot: Slot) -> bytes:
    return unit_bytes(None)


def _truncated(slot: Slot) -> bytes:
    data = unit_bytes(None)
    return data[: len(data) // 2]


def _encrypted(slot: Slot) -> bytes:
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    OOXMLFile(io.BytesIO(unit_bytes(None))).encrypt("matkhau", out)
    return out.getvalue()


def _ole_not_excel(slot: Slot) -> bytes:
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + b"Microsoft Word document" * 40


def _office(kind: str) -> bytes:
    main = {"docx": "word/document.xml", "pptx": "ppt/presentation.xml"}[kind]
    return plain_zip([("[Content_Types].xml", b"<Types/>"), (main, b"<document/>")])


def _xlsb(slot: Slot) -> bytes:
    return plain_zip([("[Content_Types].xml", b"<Types/>"), ("xl/workbook.bin", b"\x83\x01\x00")])


def _ods(slot: Slot) -> bytes:
    return plain_zip(
        [
            ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"),
            ("content.xml", b"<office:document-content/>"),
        ]
    )


def _strict(slot: Slot) -> bytes:
    main = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    strict = b"http://purl.oclc.org/ooxml/spreadsheetml/main"
    return rezip(unit_bytes(slot), lambda name, part: part.replace(main, strict))


def _bomb(slot: Slot) -> bytes:
    huge = b"<!--" + b"0" * (60 * 1024 * 1024) + b"-->"
    return rezip(
        unit_bytes(slot), in_part(SHEET_LIBRARIES_PART, b"<sheetData>", huge + b"<sheetData>")
    )


def _dtd(part: str, prologue: str) -> bytes:
    def change(name: str, data: bytes) -> bytes:
        if name != part:
            return data
        body = data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data
        return prologue.encode() + body

    rows = header_row() + library_row_xml(2, '<c r="F2"><v>5</v></c>')
    return rezip(rezip(unit_bytes(None), sheet_xml(rows)), change)


def _drop(part: str, slot: Slot | None = None) -> bytes:
    return rezip(unit_bytes(slot), lambda name, data: None if name == part else data)


def _shared_string_cell(slot: Slot, strings: bytes | None) -> bytes:
    """Row 2's name cell a shared string (index 0); `strings` the sharedStrings part, if any."""
    rows = header_row() + library_row_xml(2, '<c r="F2"><v>300</v></c>').replace(
        '<c r="B2" t="inlineStr"><is><t>Thư viện xã</t></is></c>', '<c r="B2" t="s"><v>0</v></c>'
    )
    extra = [("xl/sharedStrings.xml", strings)] if strings is not None else []
    return rezip(unit_bytes(slot, 1), sheet_xml(rows), extra=extra)


def _shared_strings_missing(slot: Slot) -> bytes:
    return _shared_string_cell(slot, None)


def _shared_strings_dtd(slot: Slot) -> bytes:
    sst = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&xxe;</t></si></sst>'
    return _shared_string_cell(slot, (XXE + sst).encode())


def _shared_string_out_of_range(slot: Slot) -> bytes:
    rows = header_row() + library_row_xml(2, '<c r="F2"><v>7</v></c>').replace(
        '<c r="B2" t="inlineStr"><is><t>Thư viện xã</t></is></c>',
        '<c r="B2" t="s"><v>99999</v></c>',
    )
    return rezip(unit_bytes(slot, 1), sheet_xml(rows))


def _styles(data: bytes | None) -> object:
    def make(slot: Slot) -> bytes:
        return rezip(unit_bytes(slot, 212), lambda name, d: data if name == "xl/styles.xml" else d)

    return make


def _patched_headers(data: bytes, field: tuple[int, int], value: int) -> bytes:
    """Every entry's field at (local header offset, central header offset) set to `value`."""
    out = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", field[0]), (b"PK\x01\x02", field[1])):
        start = 0
        while (start := out.find(signature, start)) != -1:
            out[start + offset : start + offset + 2] = value.to_bytes(2, "little")
            start += 4
    return bytes(out)


def _patched_part(data: bytes, part: str, field: tuple[int, int], value: int) -> bytes:
    """One part's 4-byte field at (local header offset, central header offset) set to `value`."""
    out = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        local = archive.getinfo(part).header_offset
    name, at, central = part.encode(), 0, -1
    while (at := out.find(b"PK\x01\x02", at)) != -1:  # the central header naming the part
        if out[at + 46 : at + 46 + len(name)] == name:
            central = at
        at += 4
    for start, offset in ((local, field[0]), (central, field[1])):
        out[start + offset : start + offset + 4] = value.to_bytes(4, "little")
    return bytes(out)


def _sheet_crc_wrong(slot: Slot) -> bytes:
    return _patched_part(unit_bytes(None), SHEET_LIBRARIES_PART, (14, 16), 0x12345678)


def _sheet_size_understated(slot: Slot) -> bytes:
    """The sheet's declared size 100 bytes, so a reader trusting it would inflate past it."""
    return _patched_part(unit_bytes(None), SHEET_LIBRARIES_PART, (22, 24), 100)


def _sheet_local_header(data: bytes) -> tuple[int, int]:
    """Where the Thư viện sheet's local header starts, and where its compressed data starts."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        at = archive.getinfo(SHEET_LIBRARIES_PART).header_offset
    name_length, extra_length = struct.unpack_from("<HH", data, at + 26)
    return at, at + 30 + name_length + extra_length


def _sheet_not_deflate(slot: Slot) -> bytes:
    """The sheet's compressed bytes overwritten: no deflate stream any more."""
    data = bytearray(unit_bytes(None))
    _, start = _sheet_local_header(bytes(data))
    data[start : start + 8] = b"\xff" * 8
    return bytes(data)


def _local_name_differs(slot: Slot) -> bytes:
    """The sheet's local header names another part than the zip's directory does."""
    data = bytearray(unit_bytes(None))
    at, _ = _sheet_local_header(bytes(data))
    name = SHEET_LIBRARIES_PART.encode()
    assert data[at + 30 : at + 30 + len(name)] == name
    data[at + 30 : at + 30 + len(name)] = name.replace(b"sheet", b"shxet")
    return bytes(data)


def _many_megabyte_parts(slot: Slot) -> bytes:
    """150 parts of a megabyte of spaces no sheet lists: 150 MB to scan, never at once."""
    blank = b" " * 1_000_000
    extra = [(f"xl/worksheets/trong{i}.xml", blank) for i in range(150)]
    return rezip(unit_bytes(slot, 79), extra=extra)


def _zip_flagged_encrypted(slot: Slot) -> bytes:
    return _patched_headers(unit_bytes(None), (6, 8), 0x1)  # "encrypted with a zip password"


def _zip_unknown_method(slot: Slot) -> bytes:
    return _patched_headers(unit_bytes(None), (8, 10), 99)  # AES, which needs a password


def _duplicate_part(slot: Slot) -> bytes:
    rows = header_row() + library_row_xml(2, '<c r="F2"><v>999999</v></c>')
    with zipfile.ZipFile(io.BytesIO(unit_bytes(slot, 5))) as src:
        decoy = sheet_xml(rows)(SHEET_LIBRARIES_PART, src.read(SHEET_LIBRARIES_PART))
    return rezip(unit_bytes(slot, 5), extra=[(SHEET_LIBRARIES_PART, decoy)])


def _lzma(slot: Slot) -> bytes:
    return rezip(unit_bytes(slot, 77), method=zipfile.ZIP_LZMA)


def _no_workbook_sheets(slot: Slot) -> bytes:
    def change(name: str, data: bytes) -> bytes:
        if name != "xl/workbook.xml":
            return data
        start, end = data.index(b"<sheets>"), data.index(b"</sheets>") + len(b"</sheets>")
        return data[:start] + b"<sheets/>" + data[end:]

    return rezip(unit_bytes(None), change)


def _missing_sheet_part(slot: Slot) -> bytes:
    return rezip(unit_bytes(None), lambda name, d: None if name == SHEET_LIBRARIES_PART else d)


def _far_cell(slot: Slot) -> bytes:
    rows = header_row() + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    return rezip(unit_bytes(None), sheet_xml(rows))


def _xlsm(slot: Slot) -> bytes:
    macro = b"application/vnd.ms-excel.sheet.macroEnabled.main+xml"
    plain = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
    return rezip(
        unit_bytes(slot, 310),
        in_part("[Content_Types].xml", plain, macro),
        extra=[("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0" + b"\0" * 60)],
    )


def _many_sheets(slot: Slot) -> bytes:
    sheets = form(slot, library(64))
    sheets.update({f"Trang {i}": [("x", i)] for i in range(120)})
    return workbook_bytes(sheets)


CASES: tuple[Case, ...] = (
    file_case("zero-bytes", "rong.xlsx", lambda s: b"", "file-empty"),
    file_case("nul-bytes", "toan-nul.xlsx", lambda s: b"\0" * 4096, "file-empty"),
    file_case(
        "csv-as-xlsx", "csv.xlsx", lambda s: "Mã đơn vị,Tên\nX,Y\n".encode(), UNREADABLE, says="CSV"
    ),
    file_case(
        "html-as-xlsx",
        "web.xlsx",
        lambda s: b"<html><table><tr><td>1</td></tr></table>",
        UNREADABLE,
        says="trang web",
    ),
    file_case(
        "pdf-as-xlsx",
        "in.xlsx",
        lambda s: b"%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>endobj",
        UNREADABLE,
        says="tệp PDF",
    ),
    file_case("png-as-xls", "anh.xls", lambda s: b"\x89PNG\r\n\x1a\n" + b"\0" * 64, UNREADABLE),
    file_case("text-file", "ghi chu.txt", lambda s: "Báo cáo gửi sau".encode(), UNREADABLE),
    file_case("truncated-zip", "cut.xlsx", _truncated, UNREADABLE),
    file_case("zip-header-only", "pk.xlsx", lambda s: b"PK\x03\x04" + b"\0" * 26, UNREADABLE),
    file_case(
        "docx-as-xlsx", "vanban.xlsx", lambda s: _office("docx"), UNREADABLE, says="văn bản Word"
    ),
    file_case(
        "pptx-as-xlsx", "trinhchieu.xlsx", lambda s: _office("pptx"), UNREADABLE, says="PowerPoint"
    ),
    file_case(
        "plain-zip",
        "nen.zip",
        lambda s: plain_zip([("a.txt", b"x")]),
        UNREADABLE,
        says="tệp nén .zip",
    ),
    file_case("ole-not-excel", "word97.xls", _ole_not_excel, UNREADABLE),
    file_case(
        "ole-magic-only", "ole.xls", lambda s: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", UNREADABLE
    ),
    file_case("password-protected", "mat khau.xlsx", _encrypted, "file-encrypted", says="mật khẩu"),
    file_case("xlsb", "nhi phan.xlsb", _xlsb, UNREADABLE, says="(.xlsb)"),
    file_case("ods", "libre.ods", _ods, UNREADABLE, says="(.ods"),
    file_case("strict-open-xml", "strict.xlsx", _strict, UNREADABLE, says="Strict Open XML"),
    file_case("zip-bomb", "bom.xlsx", _bomb, UNREADABLE, says="quá lớn"),
    file_case(
        "billion-laughs-sheet",
        "cuoi.xlsx",
        lambda s: _dtd(SHEET_LIBRARIES_PART, LAUGHS),
        UNREADABLE,
        says="DTD/ENTITY",
    ),
    file_case(
        "external-entity-sheet",
        "xxe.xlsx",
        lambda s: _dtd(SHEET_LIBRARIES_PART, XXE),
        UNREADABLE,
        says="DTD/ENTITY",
    ),
    file_case(
        "dtd-in-shared-strings", "xxe2.xlsx", _shared_strings_dtd, UNREADABLE, says="DTD/ENTITY"
    ),
    file_case(
        "dtd-in-workbook",
        "xxe3.xlsx",
        lambda s: _dtd("xl/workbook.xml", LAUGHS),
        UNREADABLE,
        says="DTD/ENTITY",
    ),
    file_case("no-workbook-part", "thieu.xlsx", lambda s: _drop("xl/workbook.xml"), UNREADABLE),
    read_case(
        "no-content-types",
        "thieu2.xlsx",
        lambda s: _drop("[Content_Types].xml", s),
        100,
        UNREADABLE,
    ),
    file_case("sheet-part-missing", "thieu3.xlsx", _missing_sheet_part, UNREADABLE),
    file_case(
        "workbook-without-sheets", "khong sheet.xlsx", _no_workbook_sheets, UNREADABLE, "file-empty"
    ),
    file_case(
        "zip-entry-encrypted",
        "zipmk.xlsx",
        _zip_flagged_encrypted,
        UNREADABLE,
        "file-encrypted",
        says="mật khẩu",
    ),
    file_case("zip-unknown-method", "aes.xlsx", _zip_unknown_method, UNREADABLE),
    file_case(
        "far-cell-XFD1048576", "xa.xlsx", _far_cell, UNREADABLE, sheet="Thư viện", says="XFD1048576"
    ),
    file_case(
        "duplicate-zip-part",
        "trung phan.xlsx",
        _duplicate_part,
        UNREADABLE,
        says="hai phần cùng tên",
    ),
    read_case("xlsx-named-xls", "doi duoi.xls", lambda s: unit_bytes(s, 401), 401),
    read_case("xlsx-no-extension", "khong duoi", lambda s: unit_bytes(s, 402), 402),
    read_case("xlsm-macro-enabled", "macro.xlsm", _xlsm, 310),
    read_case("lzma-compressed", "lzma.xlsx", _lzma, 77, UNREADABLE),
    read_case(
        "stored-uncompressed",
        "khong nen.xlsx",
        lambda s: rezip(unit_bytes(s, 78), method=zipfile.ZIP_STORED),
        78,
    ),
    file_case("sheet-crc-wrong", "crc.xlsx", _sheet_crc_wrong, UNREADABLE),
    file_case("sheet-size-understated", "co sai.xlsx", _sheet_size_understated, UNREADABLE),
    read_case("many-megabyte-parts", "nhieu phan.xlsx", _many_megabyte_parts, 79),
    file_case("sheet-not-deflate", "nen hong.xlsx", _sheet_not_deflate, UNREADABLE),
    file_case("local-name-differs", "ten lech.xlsx", _local_name_differs, UNREADABLE),
    read_case(
        "shared-strings-missing",
        "thieu chuoi.xlsx",
        _shared_strings_missing,
        300,
        "cell-empty",
        UNREADABLE,
    ),
    read_case(
        "shared-string-out-of-range",
        "chuoi sai.xlsx",
        _shared_string_out_of_range,
        0,
        "cell-empty",
        UNREADABLE,
    ),
    read_case("styles-missing", "khong style.xlsx", _styles(None), 212),  # type: ignore[arg-type]
    read_case(
        "styles-broken", "style hong.xlsx", _styles(b"<styleSheet><numFmts"), 212, UNREADABLE
    ),  # type: ignore[arg-type]
    read_case("one-hundred-twenty-sheets", "nhieu sheet.xlsx", _many_sheets, 64),
)
