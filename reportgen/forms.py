"""Ready-to-fill workbooks for the units, with drop-down lists and last year's rows."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from . import fmt, vocab
from .config import Config, Unit
from .models import Institution, Library, UnitReturn
from .xlsx import BOLD, HEADER_ALIGN, HEADER_FILL, WRAP_TOP, fit_to_page_width, xlsx_bytes

GUIDE_SHEET = "Hướng dẫn"
LISTS_SHEET = "Danh mục"
LAST_ROW = 300  # validations reach this row of each table sheet
GUIDE_WIDTH = 75

WHOLE_FORMAT = "#,##0"
DATE_FORMAT = "dd/mm/yyyy"
YES_NO = (vocab.YES, vocab.NO)
TASKS = tuple(vocab.TASK_GROUPS)


@dataclass(frozen=True)
class Column:
    """How one contract column is presented in the form."""

    width: int
    help: str  # Vietnamese, may use {year}
    choices: tuple[Any, ...] = ()
    whole: bool = False
    date: bool = False


STT = Column(6, "Số thứ tự (không bắt buộc, không dùng để tính).")
NOTE = Column(30, "Ghi chú (không bắt buộc).")

LIBRARY_FORM = {
    "stt": STT,
    "name": Column(40, "Tên thư viện, tủ sách hoặc điểm đọc (bắt buộc)."),
    "kind": Column(34, "Chọn loại thư viện trong danh sách thả xuống.", vocab.LIBRARY_KINDS),
    "serves_lifelong": Column(
        16, "Có nếu thư viện có dịch vụ phục vụ học tập suốt đời, nếu không thì Không.", YES_NO
    ),
    "digital": Column(
        16,
        "Có nếu thư viện ứng dụng công nghệ thông tin, chuyển đổi số; nếu không thì Không.",
        YES_NO,
    ),
    "uses": Column(
        16,
        "Số lượt người sử dụng thư viện trong năm {year} (số nguyên từ 0 trở lên, bắt buộc).",
        whole=True,
    ),
    "books": Column(14, "Số bản sách hiện có (số nguyên, có thể để trống).", whole=True),
    "note": NOTE,
}
INSTITUTION_FORM = {
    "stt": STT,
    "name": Column(40, "Tên trung tâm văn hóa, thể thao xã hoặc nhà văn hóa thôn (bắt buộc)."),
    "kind": Column(34, "Chọn loại thiết chế trong danh sách thả xuống.", vocab.INSTITUTION_KINDS),
    "has_clubs": Column(20, "Có nếu có lớp năng khiếu, câu lạc bộ, nhóm sở thích.", YES_NO),
    "regular_activities": Column(
        22, "Có nếu thường xuyên tổ chức hoạt động văn hóa văn nghệ, thể dục thể thao.", YES_NO
    ),
    "clubs": Column(12, "Số câu lạc bộ, nhóm (số nguyên từ 0 trở lên).", whole=True),
    "note": NOTE,
}
ACTIVITY_FORM = {
    "stt": STT,
    "name": Column(40, "Tên hoạt động đã tổ chức trong năm {year} (bắt buộc)."),
    "task": Column(10, "Nhóm nhiệm vụ 1 đến 5 của Kế hoạch (xem bảng bên dưới).", TASKS),
    "occasion": Column(30, "Dịp tổ chức (không bắt buộc), ví dụ Ngày Sách và Văn hóa đọc 21/4."),
    "held_on": Column(14, "Ngày tổ chức, dạng ngày/tháng/năm, trong năm {year}.", date=True),
    "participants": Column(
        16, "Số lượt người tham gia (số nguyên từ 0 trở lên, bắt buộc).", whole=True
    ),
    "note": NOTE,
}
FUNDING_FORM = {
    "stt": STT,
    "content": Column(45, "Nội dung chi (ví dụ mua sách, tổ chức hội thi)."),
    "source": Column(22, "Chọn nguồn kinh phí trong danh sách thả xuống.", vocab.FUNDING_SOURCES),
    "amount": Column(18, "Số tiền, tính bằng đồng (số nguyên, không ghi chữ đồng).", whole=True),
}

# (sheet, contract columns, how each is presented), in the contract's order.
TABLES = (
    (vocab.SHEET_LIBRARIES, vocab.LIBRARY_COLUMNS, LIBRARY_FORM),
    (vocab.SHEET_INSTITUTIONS, vocab.INSTITUTION_COLUMNS, INSTITUTION_FORM),
    (vocab.SHEET_ACTIVITIES, vocab.ACTIVITY_COLUMNS, ACTIVITY_FORM),
    (vocab.SHEET_FUNDING, vocab.FUNDING_COLUMNS, FUNDING_FORM),
)

_ILLEGAL_IN_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


def form_file_name(unit: Unit) -> str:
    """`<code> - <name>.xlsx`, in NFC, without characters Windows forbids in file names."""
    stem = _ILLEGAL_IN_NAMES.sub(" ", unicodedata.normalize("NFC", f"{unit.code} - {unit.name}"))
    return re.sub(r"\s+", " ", stem).strip(" .") + ".xlsx"


def _serial(day: date) -> int:
    """Excel's serial number of a date, for validation bounds."""
    return (day - date(1899, 12, 30)).days


def _whole_rule() -> DataValidation:
    return DataValidation(
        type="whole",
        operator="greaterThanOrEqual",
        formula1="0",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Cần một số nguyên",
        error="Chỉ nhập số nguyên từ 0 trở lên, không kèm chữ (ví dụ 12500).",
    )


def _date_rule(first: date, last: date) -> DataValidation:
    return DataValidation(
        type="date",
        operator="between",
        formula1=str(_serial(first)),
        formula2=str(_serial(last)),
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Cần một ngày",
        error=(
            f"Nhập ngày dạng ngày/tháng/năm, từ {first:%d/%m/%Y} đến {last:%d/%m/%Y}, "
            f"ví dụ {first.replace(month=4, day=21):%d/%m/%Y}."
        ),
    )


def _list_rule(choices: Sequence[Any], lists: dict[tuple[Any, ...], str]) -> DataValidation:
    shown = "; ".join(str(c) for c in choices)
    return DataValidation(
        type="list",
        formula1=lists[tuple(choices)],
        allow_blank=True,
        showDropDown=False,  # False means the arrow is shown (OOXML's inverted flag)
        showErrorMessage=True,
        errorTitle="Giá trị không có trong danh sách",
        error=f"Hãy chọn một giá trị trong danh sách thả xuống: {shown}.",
    )


def _lists_sheet(wb: Workbook) -> dict[tuple[Any, ...], str]:
    """A hidden sheet holding every fixed list; returns each list's range for validations."""
    ws = wb.create_sheet(LISTS_SHEET)
    ws.sheet_state = "hidden"
    ranges: dict[tuple[Any, ...], str] = {}
    all_lists = [spec.choices for _, _, form in TABLES for spec in form.values() if spec.choices]
    for choices in all_lists:
        if choices in ranges:
            continue
        col = get_column_letter(len(ranges) + 1)
        for row, value in enumerate(choices, start=1):
            ws[f"{col}{row}"] = value
        ranges[choices] = f"{quote_sheetname(LISTS_SHEET)}!${col}$1:${col}${len(choices)}"
    return ranges


def _header(ws: Worksheet, headers: Sequence[str], forms: Mapping[str, Column]) -> None:
    for col, (header, spec) in enumerate(zip(headers, forms.values(), strict=True), start=1):
        cell = ws.cell(1, col, header)
        cell.font, cell.fill, cell.alignment = BOLD, HEADER_FILL, HEADER_ALIGN
        ws.column_dimensions[get_column_letter(col)].width = spec.width
    ws.row_dimensions[1].height = 45
    ws.freeze_panes = "A2"


def _table_sheet(
    wb: Workbook,
    title: str,
    columns: Mapping[str, str],
    form: Mapping[str, Column],
    year: int,
    lists: dict[tuple[Any, ...], str],
    rows: Sequence[Mapping[str, Any]],
) -> None:
    """One table sheet: header, pre-filled rows, validations down to LAST_ROW, formats."""
    ws = wb.create_sheet(title)
    _header(ws, list(columns), {field: form[field] for field in columns.values()})
    for col, field in enumerate(columns.values(), start=1):
        spec, letter = form[field], get_column_letter(col)
        shape = WHOLE_FORMAT if spec.whole else DATE_FORMAT if spec.date else None
        if shape:
            # A column style formats what the unit types, without creating empty cells.
            ws.column_dimensions[letter].number_format = shape
        for number, values in enumerate(rows, start=1):
            cell = ws.cell(number + 1, col, number if field == "stt" else values.get(field))
            if shape:
                cell.number_format = shape
        area = f"{letter}2:{letter}{LAST_ROW}"
        if spec.choices:
            rule = _list_rule(spec.choices, lists)
        elif spec.whole:
            rule = _whole_rule()
        elif spec.date:
            rule = _date_rule(date(year, 1, 1), date(year, 12, 31))
        else:
            continue
        ws.add_data_validation(rule)
        rule.add(area)
    fit_to_page_width(ws, "landscape")
    ws.print_title_rows = "1:1"


def library_row(library: Library) -> dict[str, Any]:
    """Last year's library as this year's row: the uses are left blank for the unit to enter."""
    return {
        "name": library.name,
        "kind": library.kind,
        "serves_lifelong": fmt.yes_no(library.serves_lifelong),
        "digital": fmt.yes_no(library.digital),
        "books": library.books,
    }


def institution_row(institution: Institution) -> dict[str, Any]:
    """Last year's institution as this year's row."""
    return {
        "name": institution.name,
        "kind": institution.kind,
        "has_clubs": fmt.yes_no(institution.has_clubs),
        "regular_activities": fmt.yes_no(institution.regular_activities),
        "clubs": institution.clubs,
    }


def _label_sheet(
    wb: Workbook, title: str, rows: Sequence[tuple[str, Any]], width: int
) -> Worksheet:
    """A sheet with a label in column A and a value in column B."""
    ws = wb.create_sheet(title)
    for row, (label, value) in enumerate(rows, start=1):
        ws.cell(row, 1, label).font = BOLD
        ws.cell(row, 1).alignment = WRAP_TOP
        ws.cell(row, 2, value).alignment = WRAP_TOP
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = width
    fit_to_page_width(ws, "portrait")
    return ws


def _info_sheet(wb: Workbook, unit: Unit, year: int) -> None:
    filled = {"code": unit.code, "name": unit.name, "year": year}
    rows = [(label, filled.get(field)) for label, field in vocab.INFO_LABELS.items()]
    ws = _label_sheet(wb, vocab.SHEET_INFO, rows, 50)
    fields = list(vocab.INFO_LABELS.values())
    phone = ws.cell(fields.index("phone") + 1, 2)
    phone.number_format = "@"  # keeps the leading 0 of a phone number
    made_on = ws.cell(fields.index("made_on") + 1, 2)
    made_on.number_format = DATE_FORMAT
    rule = _date_rule(date(year, 1, 1), date(year + 1, 12, 31))
    ws.add_data_validation(rule)
    rule.add(made_on.coordinate)
    year_rule = DataValidation(
        type="whole",
        operator="equal",
        formula1=str(year),
        showErrorMessage=True,
        errorTitle="Năm báo cáo",
        error=f"Biểu mẫu này dùng cho năm báo cáo {year}.",
    )
    ws.add_data_validation(year_rule)
    year_rule.add(ws.cell(fields.index("year") + 1, 2).coordinate)


def _assessment_sheet(wb: Workbook) -> None:
    ws = _label_sheet(wb, vocab.SHEET_ASSESSMENT, [(k, None) for k in vocab.ASSESSMENT_LABELS], 100)
    for row in range(1, len(vocab.ASSESSMENT_LABELS) + 1):
        ws.row_dimensions[row].height = 90


def _explain(spec: Column, year: int) -> str:
    """A column's meaning for the instructions, with its allowed values where fixed."""
    text = spec.help.format(year=year)
    if spec.choices and spec.choices != TASKS:
        text += " Giá trị: " + "; ".join(spec.choices) + "."
    return text


def guide_lines(unit: Unit, year: int, config: Config, carried: bool) -> list[tuple[str, bool]]:
    """The instructions, line by line, each with whether it is a heading."""
    receiver = config.profile.advising_office or config.profile.issuing_body_name
    lines: list[tuple[str, bool]] = [
        (f"HƯỚNG DẪN ĐIỀN BIỂU MẪU BÁO CÁO NĂM {year}", True),
        (f"Đơn vị: {unit.name} (mã {unit.code})", False),
        (f"Chương trình: {config.plan.programme}.", False),
        (f"Hạn gửi: trước ngày {config.plan.deadline}/{year}, gửi về {receiver}.", True),
        ("", False),
        ("Cách điền", True),
        (
            f"1. Sheet {vocab.SHEET_INFO}: mã, tên đơn vị và năm đã điền sẵn, không sửa. "
            "Ghi người lập, số điện thoại và ngày lập.",
            False,
        ),
        (
            "2. Các sheet bảng: mỗi dòng một thư viện, thiết chế, hoạt động hoặc khoản kinh phí. "
            "Không đổi tên sheet, không sửa dòng tiêu đề, không thêm dòng tổng cộng.",
            False,
        ),
        (
            "3. Ô có mũi tên thả xuống: chọn trong danh sách. Ô số: chỉ ghi số nguyên "
            "(ví dụ 12500), không ghi chữ. Ô ngày: ghi dạng ngày/tháng/năm (ví dụ 21/04/"
            f"{year}).",
            False,
        ),
        (
            f"4. Sheet {vocab.SHEET_ASSESSMENT}: ghi nhận xét của đơn vị vào cột B, "
            "cạnh từng mục ở cột A.",
            False,
        ),
        ("5. Sheet không có nội dung thì để trống. Lưu tệp dạng .xlsx rồi gửi lại.", False),
    ]
    if carried:
        lines.append(
            (
                f"6. Các dòng {vocab.SHEET_LIBRARIES} và {vocab.SHEET_INSTITUTIONS} đã điền sẵn "
                f"theo báo cáo năm {year - 1}: kiểm tra, sửa cho đúng, xóa dòng không còn, thêm "
                "dòng mới. Cột Lượt người sử dụng để trống: bắt buộc ghi số lượt của năm "
                f"{year}. {vocab.SHEET_ACTIVITIES} và {vocab.SHEET_FUNDING} ghi mới mỗi năm.",
                False,
            )
        )
    for title, columns, form in TABLES:
        lines += [("", False), (f"Sheet {title}", True)]
        lines += [
            (f"• {header}: {_explain(form[field], year)}", False)
            for header, field in columns.items()
        ]
    lines += [("", False), ("Nhóm nhiệm vụ (cột Nhiệm vụ, mục III của Kế hoạch)", True)]
    lines += [(f"{number}. {title}", False) for number, title in vocab.TASK_GROUPS.items()]
    return lines


def _guide_sheet(wb: Workbook, lines: Sequence[tuple[str, bool]]) -> None:
    ws = wb.active
    assert ws is not None
    ws.title = GUIDE_SHEET
    ws.column_dimensions["A"].width = GUIDE_WIDTH
    for row, (text, heading) in enumerate(lines, start=1):
        cell = ws.cell(row, 1, text or None)
        cell.alignment = WRAP_TOP
        if heading:
            cell.font = Font(bold=True, size=13 if row == 1 else 11)
        # Row heights are not fitted on opening everywhere (LibreOffice), so set them.
        ws.row_dimensions[row].height = 16 * max(1, -(-len(text) * 11 // (GUIDE_WIDTH * 10)))
    fit_to_page_width(ws, "portrait")


def form_workbook(
    unit: Unit, year: int, config: Config, previous: UnitReturn | None = None
) -> bytes:
    """The ready-to-fill workbook of one unit for one year, with last year's stock rows."""
    wb = Workbook()
    carried_rows: dict[str, list[dict[str, Any]]] = {
        vocab.SHEET_LIBRARIES: [library_row(x) for x in previous.libraries] if previous else [],
        vocab.SHEET_INSTITUTIONS: [institution_row(x) for x in previous.institutions]
        if previous
        else [],
    }
    _guide_sheet(wb, guide_lines(unit, year, config, any(carried_rows.values())))
    _info_sheet(wb, unit, year)
    lists = _lists_sheet(wb)
    for title, columns, form in TABLES:
        _table_sheet(wb, title, columns, form, year, lists, carried_rows.get(title, []))
    _assessment_sheet(wb)
    wb.move_sheet(LISTS_SHEET, offset=len(wb.sheetnames))  # keep the hidden lists last
    wb.active = 0
    return xlsx_bytes(wb, year)
