"""The problems workbook the clerk sends back to the units."""

from __future__ import annotations

import typing
from io import BytesIO

import openpyxl
import pytest

from reportgen import vocab
from reportgen.models import ERROR, WARNING, Problem, ProblemCode
from reportgen.problem_sheet import HEADER_ROW, HEADERS, problems_workbook

NAMES = {"XA-DAKLA": "UBND xã Đắk La", "PGDDT": "Phòng Giáo dục và Đào tạo"}
DEADLINE = "10/11"

PROBLEMS = [
    Problem(
        "Phòng GD.xlsx",
        "Thư viện",
        "F7",
        WARNING,
        "Số lượt tăng gấp 5 lần năm trước.",
        "PGDDT",
        code="year-on-year-jump",
    ),
    Problem(
        "Đắk La.xlsx",
        "Thư viện",
        "D2",
        ERROR,
        '"chưa rõ" — cần ghi Có hoặc Không',
        "XA-DAKLA",
        code="cell-not-yes-no",
    ),
    Problem("lạ.xlsx", "", "", ERROR, "Không nhận ra đơn vị của tệp.", "", code="unknown-unit"),
    Problem(
        "Đắk La.xlsx",
        "Kinh phí",
        "D4",
        ERROR,
        '"nhiều" không phải là số',
        "XA-DAKLA",
        code="cell-not-number",
    ),
]


@pytest.fixture
def sheet():
    wb = openpyxl.load_workbook(BytesIO(problems_workbook(PROBLEMS, NAMES, 2025, DEADLINE)))
    return wb.active


def data_rows(ws):
    return [r for r in ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True)]


def test_header_is_bold_frozen_and_filtered(sheet):
    header = [c.value for c in sheet[HEADER_ROW]]
    assert header == [
        "STT",
        "Đơn vị",
        "Tệp",
        "Sheet",
        "Ô",
        "Mức độ",
        "Loại vấn đề",
        "Mã",
        "Nội dung",
    ]
    assert all(c.font.bold for c in sheet[HEADER_ROW])
    assert sheet.freeze_panes == f"A{HEADER_ROW + 1}"
    assert sheet.auto_filter.ref == f"A{HEADER_ROW}:I{HEADER_ROW + 4}"
    assert sheet.column_dimensions["I"].width >= 60
    assert "2025" in sheet["A1"].value
    assert "trước ngày 10/11/2025" in sheet["A2"].value
    setup = sheet.page_setup
    assert (setup.orientation, setup.paperSize) == ("landscape", 9)  # A4
    # One page wide (1 is the attribute's default, so a writer may leave it out), any length.
    assert (setup.fitToWidth or 1, setup.fitToHeight) == (1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage


def test_the_deadline_is_the_one_given():
    ws = openpyxl.load_workbook(BytesIO(problems_workbook(PROBLEMS, NAMES, 2025, "15/10"))).active
    assert "trước ngày 15/10/2025" in ws["A2"].value


def test_one_row_per_problem_with_the_unit_on_every_row(sheet):
    rows = data_rows(sheet)
    assert [r[0] for r in rows] == [1, 2, 3, 4]
    # Grouped by unit in registry order, unknown last, otherwise in the given order.
    assert [r[1] for r in rows] == [
        "UBND xã Đắk La",
        "UBND xã Đắk La",
        "Phòng Giáo dục và Đào tạo",
        "Không xác định",
    ]
    assert rows[0][2:] == (
        "Đắk La.xlsx",
        "Thư viện",
        "D2",
        "Lỗi",
        "Không phải Có/Không",
        "cell-not-yes-no",
        '"chưa rõ" — cần ghi Có hoặc Không',
    )
    assert rows[2][5] == "Cảnh báo"
    assert all(sheet.cell(HEADER_ROW + 1, c).alignment.wrap_text for c in range(1, 10))


def test_every_row_shows_the_kind_of_problem_and_its_code(sheet):
    kind, code = HEADERS.index("Loại vấn đề"), HEADERS.index("Mã")
    assert [(r[kind], r[code]) for r in data_rows(sheet)] == [
        ("Không phải Có/Không", "cell-not-yes-no"),
        ("Không phải là số", "cell-not-number"),
        ("Chênh lệch lớn so với năm trước", "year-on-year-jump"),
        ("Không nhận ra đơn vị", "unknown-unit"),
    ]


def test_every_problem_code_has_a_title_and_every_title_a_code():
    codes = typing.get_args(ProblemCode)
    assert len(codes) == len(set(codes))
    assert set(codes) == set(vocab.PROBLEM_TITLES)
    assert all(title.strip() for title in vocab.PROBLEM_TITLES.values())
    assert len(set(vocab.PROBLEM_TITLES.values())) == len(vocab.PROBLEM_TITLES)


def test_same_problems_give_the_same_bytes():
    first = problems_workbook(PROBLEMS, NAMES, 2025, DEADLINE)
    assert problems_workbook(PROBLEMS, NAMES, 2025, DEADLINE) == first
    wb = openpyxl.load_workbook(BytesIO(first))
    assert wb.properties.created.year == 2025
    assert wb.properties.modified == wb.properties.created


def test_no_problems_says_so():
    ws = openpyxl.load_workbook(BytesIO(problems_workbook([], NAMES, 2025, DEADLINE))).active
    assert ws["A2"].value == "Không phát hiện vấn đề nào."
    assert data_rows(ws) == []


def test_a_text_a_spreadsheet_would_run_stays_text_even_once_edited():
    hostile = Problem("=HYPERLINK(1).xlsx", "@Sheet", "A1", ERROR, "-1+1", "", code="unknown-unit")
    ws = openpyxl.load_workbook(BytesIO(problems_workbook([hostile], NAMES, 2025, DEADLINE))).active
    (row,) = list(ws.iter_rows(min_row=HEADER_ROW + 1))
    cells = {c.value: c for c in row}
    for text in ("=HYPERLINK(1).xlsx", "@Sheet", "-1+1"):
        assert cells[text].data_type == "s" and cells[text].quotePrefix
    assert not cells["A1"].quotePrefix
