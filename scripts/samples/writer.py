"""Writing the unit workbooks (.xlsx) byte for byte the same on every run."""

from __future__ import annotations

import datetime as dt
import io
import sys
import unicodedata
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from .data import build_dataset
from .registry import ASSESSMENT_LABELS, REGISTRY
from .rows import UnitReport

DATE_FORMAT = "dd/mm/yyyy"
CREATOR = "Phòng Văn hóa - Thông tin huyện Đắk Hà (mẫu số liệu)"


SHEET_INFO = "Thông tin"
SHEET_LIBRARIES = "Thư viện"
SHEET_INSTITUTIONS = "Thiết chế văn hóa"
SHEET_ACTIVITIES = "Hoạt động"
SHEET_FUNDING = "Kinh phí"
SHEET_ASSESSMENT = "Đánh giá"


LIBRARY_HEADERS = (
    "STT",
    "Tên thư viện",
    "Loại thư viện",
    "Phục vụ học tập suốt đời",
    "Ứng dụng CNTT, chuyển đổi số",
    "Lượt người sử dụng",
    "Số bản sách",
    "Ghi chú",
)
INSTITUTION_HEADERS = (
    "STT",
    "Tên thiết chế",
    "Loại thiết chế",
    "Có lớp năng khiếu, CLB, nhóm sở thích",
    "Thường xuyên tổ chức hoạt động VHVN, TDTT",
    "Số CLB, nhóm",
    "Ghi chú",
)
ACTIVITY_HEADERS = (
    "STT",
    "Tên hoạt động",
    "Nhiệm vụ",
    "Dịp",
    "Thời gian",
    "Số lượt người tham gia",
    "Ghi chú",
)
FUNDING_HEADERS = ("STT", "Nội dung", "Nguồn kinh phí", "Số tiền (đồng)")


def nfc(text: str) -> str:
    """Return text in Unicode NFC."""
    return unicodedata.normalize("NFC", text)


def yes_no(flag: bool) -> str:
    """Return the contract's Có/Không."""
    return "Có" if flag else "Không"


def file_name(report: UnitReport) -> str:
    """Return the NFC file name of a unit workbook."""
    return nfc(f"{report.code} - {report.name}.xlsx")


def write_table(
    ws,
    headers: tuple[str, ...],
    rows: list[tuple],
    widths: tuple[int, ...],
    date_cols: tuple[int, ...] = (),
) -> None:
    """Write a header row and data rows with bold headers and date formats."""
    ws.append([nfc(h) for h in headers])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for row in rows:
        ws.append([nfc(v) if isinstance(v, str) else v for v in row])
        for col in date_cols:
            ws.cell(row=ws.max_row, column=col).number_format = DATE_FORMAT
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = "A2"


def write_labels(ws, pairs: list[tuple[str, object]], width_b: int) -> None:
    """Write label/value pairs in columns A/B."""
    for label, value in pairs:
        ws.append([nfc(label), nfc(value) if isinstance(value, str) else value])
        ws.cell(row=ws.max_row, column=1).font = Font(bold=True)
        cell = ws.cell(row=ws.max_row, column=2)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if isinstance(value, dt.date):
            cell.number_format = DATE_FORMAT
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = width_b


def fill_workbook(wb: Workbook, report: UnitReport) -> None:
    """Fill the six contract sheets of a unit workbook."""
    info = wb.active
    info.title = SHEET_INFO
    write_labels(
        info,
        [
            ("Mã đơn vị", report.code),
            ("Tên đơn vị", report.name),
            ("Năm báo cáo", report.year),
            ("Người lập", report.author),
            ("Số điện thoại", report.phone),
            ("Ngày lập", report.made_on),
        ],
        60,
    )
    write_table(
        wb.create_sheet(SHEET_LIBRARIES),
        LIBRARY_HEADERS,
        [
            (i, r.name, r.kind, yes_no(r.serves), yes_no(r.digital), r.uses, r.books, r.note)
            for i, r in enumerate(report.libraries, start=1)
        ],
        (6, 48, 28, 14, 14, 12, 12, 50),
    )
    write_table(
        wb.create_sheet(SHEET_INSTITUTIONS),
        INSTITUTION_HEADERS,
        [
            (i, r.name, r.kind, yes_no(r.clubs), yes_no(r.regular), r.count, r.note)
            for i, r in enumerate(report.institutions, start=1)
        ],
        (6, 44, 30, 16, 16, 10, 40),
    )
    write_table(
        wb.create_sheet(SHEET_ACTIVITIES),
        ACTIVITY_HEADERS,
        [
            (i, r.name, r.task, r.occasion or None, r.held_on, r.participants, r.note or None)
            for i, r in enumerate(report.activities, start=1)
        ],
        (6, 64, 10, 36, 12, 14, 32),
        date_cols=(5,),
    )
    write_table(
        wb.create_sheet(SHEET_FUNDING),
        FUNDING_HEADERS,
        [(i, r.content, r.source, r.amount) for i, r in enumerate(report.funding, start=1)],
        (6, 70, 20, 16),
    )
    for row in wb[SHEET_FUNDING].iter_rows(min_row=2, min_col=4, max_col=4):
        row[0].number_format = "#,##0"
    write_labels(
        wb.create_sheet(SHEET_ASSESSMENT),
        [(label, report.assessment.get(label, "")) for label in ASSESSMENT_LABELS],
        100,
    )


def set_properties(wb: Workbook, report: UnitReport) -> None:
    """Set fixed document properties derived from the report year."""
    props = wb.properties
    props.creator = CREATOR
    props.lastModifiedBy = nfc(report.author)
    props.title = nfc(f"Báo cáo học tập suốt đời năm {report.year} - {report.name}")
    props.created = dt.datetime(report.year, 11, 1, 7, 30)
    props.modified = dt.datetime.combine(report.made_on, dt.time(16, 0))


def workbook_bytes(report: UnitReport) -> bytes:
    """Return the .xlsx bytes of a report, with fixed zip timestamps."""
    wb = Workbook()
    fill_workbook(wb, report)
    set_properties(wb, report)
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).save()
    return fix_zip_times(raw.getvalue(), (report.year, 11, 1, 0, 0, 0))


def fix_zip_times(data: bytes, stamp: tuple[int, ...]) -> bytes:
    """Return a copy of a zip archive whose members all carry the same timestamp."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=stamp)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o600 << 16
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()


def remove_stale(folder: Path, keep: set[str]) -> None:
    """Delete sample files of registry units that this run does not write (e.g. the missing)."""
    prefixes = tuple(f"{code} - " for code, _ in REGISTRY)
    for path in sorted(folder.glob("*.xlsx")):
        name = nfc(path.name)
        if name.startswith(prefixes) and name not in keep:
            path.unlink()
            print(f"removed stale {path}")
        elif name not in keep:
            print(f"warning: left unrelated file {path}", file=sys.stderr)


def write_year(out: Path, year: int) -> list[Path]:
    """Write all workbooks of a year and return their paths."""
    folder = out / str(year)
    folder.mkdir(parents=True, exist_ok=True)
    reports = build_dataset()[year]
    remove_stale(folder, {file_name(r) for r in reports})
    paths = []
    for report in reports:
        path = folder / file_name(report)
        data = workbook_bytes(report)
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
        paths.append(path)
    return paths
