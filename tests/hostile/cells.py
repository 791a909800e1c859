"""Cases of workbooks that open but whose sheets, headers and cells are strange."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import datetime
from typing import Any

from openpyxl import Workbook

from reportgen import vocab
from tests.hostile.case import Case, read_case
from tests.hostile.parts import (
    Slot,
    form,
    header_row,
    library,
    library_row_xml,
    rezip,
    sheet_xml,
    unit_bytes,
    workbook_bytes,
)

LIB = vocab.SHEET_LIBRARIES
COLUMNS = list(vocab.LIBRARY_COLUMNS)


def _uses(value: object) -> Callable[[Slot], bytes]:
    """One library whose uses cell holds `value`, next to one of 50 uses."""
    return lambda slot: workbook_bytes(form(slot, library(50, "Điểm đọc"), library(value)))


def _xml_uses(cell: str, extra_rows: str = "") -> Callable[[Slot], bytes]:
    """The `Thư viện` sheet hand-written: header, one row of 50 uses, then row 3's F cell."""

    def make(slot: Slot) -> bytes:
        rows = header_row() + library_row_xml(2, '<c r="F2"><v>50</v></c>', "Điểm đọc")
        rows += library_row_xml(3, cell) + extra_rows
        return rezip(unit_bytes(slot), sheet_xml(rows))

    return make


def _library_sheet(rows: list[list[Any]], change=None) -> Callable[[Slot], bytes]:  # noqa: ANN001
    return lambda slot: workbook_bytes(form(slot, **{LIB: rows}), change)


def _row(uses: object, name: str = "Thư viện xã") -> list[Any]:
    return [1, name, vocab.LIB_COMMUNE, "Có", "Có", uses, None, None]


def _merged_header(book: Workbook) -> None:
    sheet = book[LIB]
    sheet.insert_rows(1)
    sheet["A1"] = "DANH SÁCH THƯ VIỆN"
    sheet.merge_cells("A1:H1")
    sheet.merge_cells("C2:C2")


def _hidden_only(book: Workbook) -> None:
    book[LIB].sheet_state = "hidden"


def _emoji(slot: Slot) -> bytes:
    return workbook_bytes(form(slot, library(88, "Thư viện 📚 xã \u202eđảo\u202c\u200b")))


def _bidi_note(slot: Slot) -> bytes:
    return workbook_bytes(form(slot, library(89, note="\u2066ghi chú\u2069\u00ad\ufeff")))


def _info(**values: object) -> Callable[[Slot], bytes]:
    def make(slot: Slot) -> bytes:
        sheets = form(slot, library(91))
        info = dict(sheets[vocab.SHEET_INFO])
        for label, value in values.items():
            info[{"code": "Mã đơn vị", "year": "Năm báo cáo", "made": "Ngày lập"}[label]] = value
        sheets[vocab.SHEET_INFO] = list(info.items())
        return workbook_bytes(sheets)

    return make


def _sheet_named(title: str, *, move_first: bool = False) -> Callable[[Slot], bytes]:
    def make(slot: Slot) -> bytes:
        sheets = form(slot, library(93))
        sheets[title] = [COLUMNS, _row(999_999)]
        return workbook_bytes(sheets)

    return make


def _header_at(row: int) -> Callable[[Slot], bytes]:
    return _library_sheet([*[["Ghi chú đầu trang"]] * (row - 1), COLUMNS, _row(95)])


def _long_text(length: int) -> Callable[[Slot], bytes]:
    return lambda slot: workbook_bytes(form(slot, library(96, note="chữ " * (length // 4))))


def _xml_long_number(slot: Slot) -> bytes:
    text = "9" * 40_000
    return _xml_uses(f'<c r="F3" t="inlineStr"><is><t>{text}</t></is></c>')(slot)


_HEADER = header_row()
_ROW2 = library_row_xml(2, '<c r="F2"><v>50</v></c>', "Điểm đọc")
_ROW2_AGAIN = library_row_xml(2, '<c r="F2"><v>7</v></c>')
_ROW3 = library_row_xml(3, '<c r="F3"><v>7</v></c>')
_UNREFERENCED = (
    '<row r="2"><c><v>1</v></c>'
    + "".join(
        f'<c t="inlineStr"><is><t>{text}</t></is></c>'
        for text in ("TV", vocab.LIB_COMMUNE, "Có", "Có")
    )
    + "<c><v>61</v></c></row>"
)


def _rows_xml(*rows: str) -> Callable[[Slot], bytes]:
    return lambda slot: rezip(unit_bytes(slot), sheet_xml("".join(rows)))


R = "cell-not-number"
CASES: tuple[Case, ...] = (
    read_case("uses-text-dot-thousands", "cham.xlsx", _uses("1.234"), 1284),
    read_case("uses-text-space-thousands", "cach.xlsx", _uses("12 000"), 12050),
    read_case("uses-text-nbsp-thousands", "nbsp.xlsx", _uses("12\u00a0000"), 12050),
    read_case("uses-text-decimal-comma", "phay.xlsx", _uses("1,5"), 50, "cell-not-integer", R),
    read_case("uses-negative-number", "am.xlsx", _uses(-5), 50, "cell-negative"),
    read_case("uses-negative-text", "am2.xlsx", _uses("-1.000"), 50, "cell-negative"),
    read_case("uses-accounting-negative", "am3.xlsx", _uses("(5)"), 50, R),
    read_case("uses-percentage-text", "pt.xlsx", _uses("50%"), 50, R),
    read_case("uses-fraction", "le.xlsx", _uses(0.5), 50, "cell-not-integer"),
    read_case("uses-boolean", "bool.xlsx", _uses(True), 50, R),
    read_case("uses-date", "ngay.xlsx", _uses(datetime(2025, 3, 1)), 50, R),
    read_case("uses-with-unit-word", "luot.xlsx", _uses("300 lượt"), 350),
    read_case("uses-huge", "lon.xlsx", _uses(1e308), 50, "cell-too-large"),
    read_case("uses-error-ref", "ref.xlsx", _xml_uses('<c r="F3" t="e"><v>#REF!</v></c>'), 50, R),
    read_case(
        "uses-error-div0", "div.xlsx", _xml_uses('<c r="F3" t="e"><v>#DIV/0!</v></c>'), 50, R
    ),
    read_case(
        "uses-formula-no-value",
        "ct.xlsx",
        _xml_uses('<c r="F3"><f>SUM(F2:F2)</f></c>'),
        50,
        "formula-without-value",
    ),
    read_case(
        "uses-formula-cached", "ct2.xlsx", _xml_uses('<c r="F3"><f>F2*2</f><v>100</v></c>'), 150
    ),
    read_case(
        "uses-shared-formula-no-value",
        "ct3.xlsx",
        _xml_uses('<c r="F3"><f t="shared" ref="F3" si="0">F2</f></c>'),
        50,
        "formula-without-value",
    ),
    read_case(
        "uses-nan",
        "nan.xlsx",
        _xml_uses('<c r="F3"><v>NaN</v></c>'),
        50,
        R,
        "cell-not-integer",
        "cell-too-large",
        "file-unreadable",
    ),
    read_case(
        "uses-inf",
        "inf.xlsx",
        _xml_uses('<c r="F3"><v>INF</v></c>'),
        50,
        R,
        "cell-too-large",
        "file-unreadable",
    ),
    read_case(
        "uses-control-char",
        "ctrl.xlsx",
        _xml_uses('<c r="F3" t="inlineStr"><is><t>1_x0000_2</t></is></c>'),
        50,
        R,
    ),
    read_case("uses-40k-digits", "dai.xlsx", _xml_long_number, 50, "cell-too-large", R),
    read_case("rows-out-of-order", "dao.xlsx", _rows_xml(_ROW3, _HEADER, _ROW2), 57),
    read_case(
        "duplicate-row-numbers",
        "trung dong.xlsx",
        _rows_xml(_HEADER, _ROW2, _ROW2_AGAIN),
        57,
        "file-unreadable",
    ),
    read_case("cells-without-references", "khong r.xlsx", _rows_xml(_HEADER, _UNREFERENCED), 61),
    read_case("name-32k-characters", "ten dai.xlsx", _long_text(32_000), 96),
    read_case("emoji-and-bidi-in-name", "emoji.xlsx", _emoji, 88),
    read_case("format-characters-in-note", "bidi.xlsx", _bidi_note, 89),
    read_case(
        "sixteen-thousand-columns",
        "16k.xlsx",
        _xml_uses(
            '<c r="F3"><v>9</v></c>',
            '<row r="4">'
            + "".join(f'<c r="{c}4"><v>1</v></c>' for c in ("XFA", "XFB", "XFC", "XFD"))
            + "</row>",
        ),
        59,
    ),
    read_case("header-on-row-40", "dong40.xlsx", _header_at(40), 95),
    read_case("header-on-row-60", "dong60.xlsx", _header_at(60), 95, "header-not-found"),
    read_case("header-on-row-12", "dong12.xlsx", _header_at(12), 95),
    read_case(
        "header-merged-title",
        "gop.xlsx",
        lambda s: workbook_bytes(form(s, library(97)), _merged_header),
        97,
    ),
    read_case(
        "header-nfd",
        "nfd.xlsx",
        _library_sheet([[unicodedata.normalize("NFD", c) for c in COLUMNS], _row(98)]),
        98,
    ),
    read_case(
        "header-english",
        "english.xlsx",
        _library_sheet(
            [["No", "Library", "Kind", "Lifelong", "Digital", "Uses", "Books", "Note"], _row(5)]
        ),
        0,
        "header-not-found",
    ),
    read_case(
        "header-duplicated-column",
        "hai cot.xlsx",
        _library_sheet([[*COLUMNS[:6], COLUMNS[5]], [*_row(99)[:6], 1]]),
        99,
        "column-ambiguous",
    ),
    read_case("header-only", "chi tieu de.xlsx", _library_sheet([COLUMNS]), 0),
    read_case("library-sheet-empty", "sheet rong.xlsx", _library_sheet([]), 0),
    read_case(
        "library-sheet-hidden-only",
        "an.xlsx",
        lambda s: workbook_bytes(form(s, library(92)), _hidden_only),
        92,
    ),
    read_case(
        "second-library-sheet-caps", "hoa.xlsx", _sheet_named("THƯ VIỆN"), 93, "sheet-unused"
    ),
    read_case("sheet-name-formula", "congthuc.xlsx", _sheet_named("=Thư viện"), 93, "sheet-unused"),
    read_case("sheet-name-quotes-slash", "nhay.xlsx", _sheet_named("Thư viện 'cũ'"), 93),
    read_case(
        "dates-as-text-and-serials",
        "ngay thang.xlsx",
        lambda s: workbook_bytes(
            form(
                s,
                library(94),
                **{
                    vocab.SHEET_ACTIVITIES: [
                        list(vocab.ACTIVITY_COLUMNS),
                        [1, "Đọc sách", 1, "", "21/04/2025", 5, ""],
                        [2, "Đọc sách 2", 2, "", 45768, 6, ""],
                        [3, "Đọc 3", 3, "", 60, 7, ""],
                        [4, "Đọc 4", 4, "", "30/02/2025", 8, ""],
                    ]
                },
            )
        ),
        94,
        "cell-not-date",
        "date-outside-year",
    ),
    read_case("year-in-file-differs", "nam khac.xlsx", _info(year=2024), 91, "year-mismatch"),
    read_case("made-on-garbage", "ngay lap.xlsx", _info(made="hôm qua"), 91, "cell-not-date"),
    read_case(
        "yes-no-as-booleans",
        "true.xlsx",
        _library_sheet([COLUMNS, [1, "TV", vocab.LIB_COMMUNE, True, False, 90]]),
        90,
    ),
)
