"""`reportgen forms`: ready-to-fill workbooks, and a filled form reads back with no problem."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import date
from io import BytesIO
from pathlib import Path

import openpyxl
import pytest

from reportgen import vocab
from reportgen.config import Unit
from reportgen.forms import GUIDE_SHEET, form_file_name, form_workbook
from reportgen.models import Institution, Library, Source, UnitInfo, UnitReturn
from reportgen.workspace import Workspace

YEAR = 2025
TABLES = {
    vocab.SHEET_LIBRARIES: vocab.LIBRARY_COLUMNS,
    vocab.SHEET_INSTITUTIONS: vocab.INSTITUTION_COLUMNS,
    vocab.SHEET_ACTIVITIES: vocab.ACTIVITY_COLUMNS,
    vocab.SHEET_FUNDING: vocab.FUNDING_COLUMNS,
}


def _source(row: int) -> Source:
    return Source("XA-DAKLA.xlsx", vocab.SHEET_LIBRARIES, row)


LAST_YEAR = UnitReturn(
    unit="XA-DAKLA",
    file="XA-DAKLA.xlsx",
    info=UnitInfo("XA-DAKLA", "UBND xã Đắk La", YEAR - 1, "", "", None),
    libraries=(
        Library(
            "XA-DAKLA",
            "Thư viện xã Đắk La",
            vocab.LIB_COMMUNE,
            True,
            False,
            4200,
            3100,
            "",
            _source(2),
        ),
        Library(
            "XA-DAKLA",
            "Điểm đọc thôn 3",
            vocab.LIB_READING_POINT,
            False,
            False,
            300,
            None,
            "",
            _source(3),
        ),
    ),
    institutions=(
        Institution(
            "XA-DAKLA",
            "Trung tâm VH-TT xã",
            vocab.INST_COMMUNE_CENTRE,
            True,
            True,
            4,
            "",
            _source(2),
        ),
    ),
)


def open_form(config, code="XA-DAKLA", previous=None):
    unit = config.unit(code)
    return openpyxl.load_workbook(BytesIO(form_workbook(unit, YEAR, config, previous)))


def rows(ws, first=2):
    return [
        r for r in ws.iter_rows(min_row=first, values_only=True) if any(v is not None for v in r)
    ]


def validations(ws):
    """Header of each validated column -> its DataValidation."""
    headers = {c.column_letter: c.value for c in ws[1]}
    found = {}
    for dv in ws.data_validations.dataValidation:
        for area in dv.sqref.ranges:
            found[headers.get(area.coord.split(":")[0].rstrip("0123456789"))] = dv
    return found


def list_values(wb, dv):
    sheet, area = dv.formula1.rsplit("!", 1)
    ws = wb[sheet.strip("'")]
    return tuple(c.value for row in ws[area.replace("$", "")] for c in row)


def test_sheets_and_headers_follow_the_contract(sample_config):
    wb = open_form(sample_config)
    for sheet in (vocab.SHEET_INFO, *TABLES, vocab.SHEET_ASSESSMENT, GUIDE_SHEET):
        assert sheet in wb.sheetnames
    assert wb.sheetnames[0] == GUIDE_SHEET
    for sheet, columns in TABLES.items():
        ws = wb[sheet]
        assert [c.value for c in ws[1]] == list(columns)
        assert all(c.font.bold for c in ws[1])
        assert ws.freeze_panes == "A2"
        assert all(ws.column_dimensions[c.column_letter].width >= 6 for c in ws[1])
        assert rows(ws) == []
    assessment = wb[vocab.SHEET_ASSESSMENT]
    assert [r[0] for r in rows(assessment, 1)] == list(vocab.ASSESSMENT_LABELS)


def test_identity_is_filled_in_and_the_rest_left_blank(sample_config):
    info = dict(rows(open_form(sample_config)[vocab.SHEET_INFO], 1))
    assert info == {
        "Mã đơn vị": "XA-DAKLA",
        "Tên đơn vị": "UBND xã Đắk La",
        "Năm báo cáo": YEAR,
        "Người lập": None,
        "Số điện thoại": None,
        "Ngày lập": None,
    }


def test_drop_downs_for_every_fixed_list(sample_config):
    wb = open_form(sample_config)
    expected = {
        vocab.SHEET_LIBRARIES: {
            "Loại thư viện": vocab.LIBRARY_KINDS,
            "Phục vụ học tập suốt đời": ("Có", "Không"),
            "Ứng dụng CNTT, chuyển đổi số": ("Có", "Không"),
        },
        vocab.SHEET_INSTITUTIONS: {
            "Loại thiết chế": vocab.INSTITUTION_KINDS,
            "Có lớp năng khiếu, CLB, nhóm sở thích": ("Có", "Không"),
            "Thường xuyên tổ chức hoạt động VHVN, TDTT": ("Có", "Không"),
        },
        vocab.SHEET_ACTIVITIES: {"Nhiệm vụ": (1, 2, 3, 4, 5)},
        vocab.SHEET_FUNDING: {"Nguồn kinh phí": vocab.FUNDING_SOURCES},
    }
    for sheet, lists in expected.items():
        found = validations(wb[sheet])
        for header, values in lists.items():
            dv = found[header]
            assert dv.type == "list", header
            assert list_values(wb, dv) == values, header
            assert dv.showErrorMessage and "danh sách" in dv.error


@pytest.mark.parametrize(
    ("sheet", "header"),
    [
        (vocab.SHEET_LIBRARIES, "Lượt người sử dụng"),
        (vocab.SHEET_LIBRARIES, "Số bản sách"),
        (vocab.SHEET_INSTITUTIONS, "Số CLB, nhóm"),
        (vocab.SHEET_ACTIVITIES, "Số lượt người tham gia"),
        (vocab.SHEET_FUNDING, "Số tiền (đồng)"),
    ],
    ids=["uses", "books", "clubs", "participants", "amount"],
)
def test_whole_numbers_at_least_zero(sample_config, sheet, header):
    ws = open_form(sample_config)[sheet]
    dv = validations(ws)[header]
    assert (dv.type, dv.operator, dv.formula1) == ("whole", "greaterThanOrEqual", "0")
    assert dv.showErrorMessage and "số nguyên" in dv.error
    column = next(c.column_letter for c in ws[1] if c.value == header)
    assert ws.column_dimensions[column].number_format == "#,##0"  # what the unit types


def test_dates_within_the_year(sample_config):
    wb = open_form(sample_config)
    dv = validations(wb[vocab.SHEET_ACTIVITIES])["Thời gian"]
    assert dv.type == "date" and dv.operator == "between"
    assert (int(dv.formula1), int(dv.formula2)) == (45658, 46022)  # 1/1/2025, 31/12/2025
    assert "01/01/2025" in dv.error
    info_rules = wb[vocab.SHEET_INFO].data_validations.dataValidation
    assert any(dv.type == "date" and "B6" in str(dv.sqref) for dv in info_rules)


def test_instructions_in_vietnamese(sample_config):
    text = "\n".join(str(r[0]) for r in rows(open_form(sample_config)[GUIDE_SHEET], 1))
    assert "trước ngày 10/11/2025" in text
    assert "UBND xã Đắk La" in text
    for title in vocab.TASK_GROUPS.values():
        assert title in text
    for columns in TABLES.values():
        for header in columns:
            assert f"• {header}: " in text


def test_instructions_give_the_plans_deadline(sample_config):
    config = replace(sample_config, plan=replace(sample_config.plan, deadline="15/10"))
    text = "\n".join(str(r[0]) for r in rows(open_form(config)[GUIDE_SHEET], 1))
    assert "trước ngày 15/10/2025" in text and "10/11" not in text


def test_last_years_libraries_and_institutions_prefilled_without_uses(sample_config):
    wb = open_form(sample_config, previous=LAST_YEAR)
    assert rows(wb[vocab.SHEET_LIBRARIES]) == [
        (1, "Thư viện xã Đắk La", vocab.LIB_COMMUNE, "Có", "Không", None, 3100, None),
        (2, "Điểm đọc thôn 3", vocab.LIB_READING_POINT, "Không", "Không", None, None, None),
    ]
    assert rows(wb[vocab.SHEET_INSTITUTIONS]) == [
        (1, "Trung tâm VH-TT xã", vocab.INST_COMMUNE_CENTRE, "Có", "Có", 4, None),
    ]
    assert wb[vocab.SHEET_LIBRARIES]["G2"].number_format == "#,##0"
    assert rows(wb[vocab.SHEET_ACTIVITIES]) == rows(wb[vocab.SHEET_FUNDING]) == []
    guide = "\n".join(str(r[0]) for r in rows(wb[GUIDE_SHEET], 1))
    assert "Lượt người sử dụng để trống" in guide


def test_file_names_are_safe_on_windows():
    unit = Unit("XA-X", unicodedata.normalize("NFD", 'UBND xã "Đắk/Hà": A?'), "xa")
    assert form_file_name(unit) == "XA-X - UBND xã Đắk Hà A.xlsx"


def test_same_form_same_bytes(sample_config):
    unit = sample_config.unit("PGDDT")
    assert form_workbook(unit, YEAR, sample_config) == form_workbook(unit, YEAR, sample_config)


def test_command_writes_one_form_per_unit_and_never_overwrites(workspace, sample_config, run):
    result = run("forms", "--year", str(YEAR))
    assert result.exit_code == 0, result.output
    folder = Workspace.at(workspace).forms_dir(YEAR)
    assert folder == workspace / "outputs" / str(YEAR) / "bieu-mau"
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(form_file_name(u) for u in sample_config.units)
    assert len(names) == 17
    assert "Đã ghi: XA-DAKLA - UBND xã Đắk La.xlsx" in result.output
    last_year = (workspace / "inputs" / str(YEAR - 1)).as_posix()
    assert f"Không có thư mục {last_year}: biểu mẫu không điền sẵn" in result.output
    assert "Đã tạo 17 biểu mẫu" in result.output

    mine = folder / "XA-DAKLA - UBND xã Đắk La.xlsx"
    mine.write_bytes(b"edited by the clerk")
    again = run("forms", "--year", str(YEAR))
    assert again.exit_code == 0, again.output
    assert mine.read_bytes() == b"edited by the clerk"
    assert "Giữ nguyên tệp đã có: XA-DAKLA - UBND xã Đắk La.xlsx" in again.output
    assert "Đã tạo 0 biểu mẫu" in again.output
    assert sorted(p.name for p in folder.iterdir()) == names


def test_command_help_is_vietnamese(run):
    result = run("forms", "--help")
    assert result.exit_code == 0
    assert "biểu mẫu" in result.output and "--year" in result.output


def test_prefill_reads_last_year_from_inputs(workspace, run):
    from tests.unit_workbook import institution, library, write_unit_workbook

    write_unit_workbook(
        workspace / "inputs" / str(YEAR - 1) / "dakla.xlsx",
        "XA-DAKLA",
        "UBND xã Đắk La",
        YEAR - 1,
        libraries=[library("Thư viện xã Đắk La", vocab.LIB_COMMUNE, True, True, 5000, 2000)],
        institutions=[institution("Nhà văn hóa thôn 1", vocab.INST_VILLAGE_HOUSE, True, False, 2)],
        made_on=date(YEAR - 1, 11, 1),
    )
    result = run("forms", "--year", str(YEAR))
    assert result.exit_code == 0, result.output
    assert "điền sẵn 1 thư viện, 1 thiết chế của năm 2024" in result.output
    path = Workspace.at(workspace).forms_dir(YEAR) / "XA-DAKLA - UBND xã Đắk La.xlsx"
    wb = openpyxl.load_workbook(path)
    assert rows(wb[vocab.SHEET_LIBRARIES]) == [
        (1, "Thư viện xã Đắk La", vocab.LIB_COMMUNE, "Có", "Có", None, 2000, None)
    ]
    assert rows(wb[vocab.SHEET_INSTITUTIONS]) == [
        (1, "Nhà văn hóa thôn 1", vocab.INST_VILLAGE_HOUSE, "Có", "Không", 2, None)
    ]


def fill_in(path: Path) -> None:
    """Fill a form as a unit would: correct last year's rows, add this year's, every sheet."""
    wb = openpyxl.load_workbook(path)
    info = wb[vocab.SHEET_INFO]
    info["B4"], info["B5"], info["B6"] = "Y Blih", "0905123456", date(YEAR, 11, 3)
    libraries = wb[vocab.SHEET_LIBRARIES]
    libraries["F2"], libraries["F3"] = 4600, 350  # this year's uses, left blank by the form
    libraries["E2"] = "Có"  # the library went digital this year
    libraries.append([3, "Tủ sách thôn 5", vocab.LIB_READING_POINT, "Có", "Không", 120, 400, "mới"])
    institutions = wb[vocab.SHEET_INSTITUTIONS]
    institutions.append([2, "Nhà văn hóa thôn 1", vocab.INST_VILLAGE_HOUSE, "Không", "Có", 0, None])
    activities = wb[vocab.SHEET_ACTIVITIES]
    activities.append([1, "Ngày hội đọc sách", 1, "Ngày Sách 21/4", date(YEAR, 4, 21), 350, None])
    activities.append([2, "Tập huấn thủ thư", 3, None, date(YEAR, 8, 5), 25, "2 ngày"])
    funding = wb[vocab.SHEET_FUNDING]
    funding.append([1, "Mua sách", vocab.FUND_STATE, 12_500_000])
    funding.append([2, "Tặng tủ sách", vocab.FUND_SOCIAL, 3_000_000])
    assessment = wb[vocab.SHEET_ASSESSMENT]
    for row, label in enumerate(vocab.ASSESSMENT_LABELS, start=1):
        assessment.cell(row, 2, f"Nội dung {label.lower()}")
    wb.save(path)


def test_a_filled_form_reads_back_with_no_problem(workspace, sample_config):
    from reportgen.intake import read_year

    unit = sample_config.unit("XA-DAKLA")
    folder = workspace / "inputs" / str(YEAR)
    folder.mkdir(parents=True)
    path = folder / form_file_name(unit)
    path.write_bytes(form_workbook(unit, YEAR, sample_config, LAST_YEAR))
    fill_in(path)

    intake = read_year(folder, YEAR, sample_config, strict=True)
    assert intake.problems == ()
    (ret,) = intake.returns
    assert (ret.unit, ret.info.year, ret.info.author, ret.info.phone, ret.info.made_on) == (
        "XA-DAKLA",
        YEAR,
        "Y Blih",
        "0905123456",
        date(YEAR, 11, 3),
    )
    assert [
        (x.name, x.kind, x.serves_lifelong, x.digital, x.uses, x.books, x.note)
        for x in ret.libraries
    ] == [
        ("Thư viện xã Đắk La", vocab.LIB_COMMUNE, True, True, 4600, 3100, ""),
        ("Điểm đọc thôn 3", vocab.LIB_READING_POINT, False, False, 350, None, ""),
        ("Tủ sách thôn 5", vocab.LIB_READING_POINT, True, False, 120, 400, "mới"),
    ]
    assert [
        (x.name, x.kind, x.has_clubs, x.regular_activities, x.clubs) for x in ret.institutions
    ] == [
        ("Trung tâm VH-TT xã", vocab.INST_COMMUNE_CENTRE, True, True, 4),
        ("Nhà văn hóa thôn 1", vocab.INST_VILLAGE_HOUSE, False, True, 0),
    ]
    assert [
        (x.name, x.task, x.occasion, x.held_on, x.participants, x.note) for x in ret.activities
    ] == [
        ("Ngày hội đọc sách", 1, "Ngày Sách 21/4", date(YEAR, 4, 21), 350, ""),
        ("Tập huấn thủ thư", 3, "", date(YEAR, 8, 5), 25, "2 ngày"),
    ]
    assert [(x.content, x.source_of_funds, x.amount) for x in ret.funding] == [
        ("Mua sách", vocab.FUND_STATE, 12_500_000),
        ("Tặng tủ sách", vocab.FUND_SOCIAL, 3_000_000),
    ]
    assert dict(ret.assessment) == {
        field: f"Nội dung {label.lower()}" for label, field in vocab.ASSESSMENT_LABELS.items()
    }


def test_an_untouched_form_reads_as_an_empty_return(workspace, sample_config):
    from reportgen.intake import read_year

    unit = sample_config.unit("PGDDT")
    folder = workspace / "inputs" / str(YEAR)
    folder.mkdir(parents=True)
    (folder / form_file_name(unit)).write_bytes(form_workbook(unit, YEAR, sample_config))
    intake = read_year(folder, YEAR, sample_config, strict=True)
    assert [p for p in intake.problems if p.severity == "error"] == []
    (ret,) = intake.returns
    assert ret.unit == "PGDDT"
    assert (ret.libraries, ret.institutions, ret.activities, ret.funding) == ((), (), (), ())
