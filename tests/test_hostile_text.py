"""Text a unit's workbook may hide: control characters behind Excel's _x0001_ escapes, cells
and file names that a spreadsheet would run as formulas, invisible format characters."""

from __future__ import annotations

import shutil
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from reportgen import vocab
from tests.messy.years import soffice_convert
from tests.test_intake_reader import clean_form, save

FORMAT_CHARACTERS = ("\u202e", "\u200b", "\u2066", "\u00ad", "\ufeff")


def library_row(name: str, uses: object) -> tuple:
    return (1, name, vocab.LIB_COMMUNE, "Có", "Có", uses)


@pytest.fixture
def hostile(workspace) -> Path:
    """Đắk La's workbook with a control character in a name and one inside a number, under a
    file name a spreadsheet would take for a formula."""
    form = clean_form()
    form[vocab.SHEET_LIBRARIES][1] = library_row("Thư viện _x0001_ =1+1", "12_x0007_3")
    form[vocab.SHEET_LIBRARIES][2] = library_row("=SUM(A1:A9) Điểm đọc thôn 2", 40)
    form[vocab.SHEET_ACTIVITIES] = [
        form[vocab.SHEET_ACTIVITIES][0],
        (1, "Ngày hội đọc\u202e sách\u200b", 1, "", date(2025, 4, 21), 30, ""),
    ]
    path = save(workspace / "inputs" / "2025" / '=HYPERLINK("x").xlsx', form)
    book = openpyxl.load_workbook(path)
    book[vocab.SHEET_LIBRARIES]["B3"].data_type = "s"  # text that looks like a formula
    book.save(path)
    return path


def formulas(path: Path) -> list[str]:
    book = openpyxl.load_workbook(path)
    return [
        f"{sheet.title}!{cell.coordinate}"
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]


def test_a_control_character_is_shown_never_read_into_a_number(hostile, run, workspace):
    result = run("check", "--year", "2025")
    assert result.exit_code == 1, result.output
    assert '› Thư viện › F2: "12\ufffd3" không phải là số' in result.output
    (listing,) = (workspace / "outputs" / "2025" / "kiem-tra").glob("*.xlsx")
    assert formulas(listing) == []  # the file name stays text in the list sent back


def test_nothing_a_unit_wrote_becomes_a_formula_in_the_forms(hostile, run, workspace):
    assert run("forms", "--year", "2026").exit_code == 0  # 2025's rows carried over
    (form,) = (workspace / "outputs" / "2026" / "bieu-mau").glob("XA-DAKLA*.xlsx")
    book = openpyxl.load_workbook(form)
    names = [c.value for c in book[vocab.SHEET_LIBRARIES]["B"] if c.value]
    assert "=SUM(A1:A9) Điểm đọc thôn 2" in names
    assert formulas(form) == []


def test_invisible_format_characters_never_reach_the_report(hostile, run, workspace):
    result = run("build", "--year", "2025")
    assert result.exit_code == 0, result.output
    (docx,) = (workspace / "outputs" / "2025").glob("*.docx")
    with zipfile.ZipFile(docx) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    assert "Ngày hội đọc sách" in xml
    assert not [c for c in FORMAT_CHARACTERS if c in xml]


def test_a_file_name_that_is_not_utf8_is_refused_by_name_and_the_rest_is_read(
    hostile, run, workspace
):
    import os

    folder = os.fsencode(workspace / "inputs" / "2025")
    with open(folder + b"/B\xe1o c\xe1o \xd0\xe3k Mar.xlsx", "wb") as copy:  # Windows-1258 bytes
        copy.write(hostile.read_bytes())
    for command in ("check", "build"):
        result = run(command, "--year", "2025")
        assert result.exit_code in (0, 1), result.output
        assert "B\ufffdo c\ufffdo \ufffd\ufffdk Mar.xlsx: tên tệp có ký tự không đọc được" in (
            result.output
        )
    assert run("archive", "--year", "2025").exit_code == 0


def test_a_backslash_in_a_file_name_made_on_linux_is_no_hidden_folder(workspace, run):
    save(workspace / "inputs" / "2025" / "bao cao\\..\\XA-DAKLA.xlsx", clean_form())
    result = run("check", "--year", "2025")
    assert "Bảng tính năm 2025: đã nhận 1/17 đơn vị." in result.output
    assert "tệp: bao cao\\..\\XA-DAKLA.xlsx" in result.output


def test_a_symbolic_link_is_refused_by_name_and_never_packed(workspace, run, tmp_path):
    outside = save(tmp_path / "ngoai" / "XA-DAKLA.xlsx", clean_form())
    (workspace / "inputs" / "2025").mkdir(parents=True)
    (workspace / "inputs" / "2025" / "dak-la.xlsx").symlink_to(outside)
    (workspace / "inputs" / "2025" / "thu-muc").symlink_to(outside.parent, target_is_directory=True)
    save(
        workspace / "inputs" / "2025" / "XA-DAKMAR.xlsx", clean_form("XA-DAKMAR", "UBND xã Đắk Mar")
    )
    result = run("build", "--year", "2025")
    assert result.exit_code == 0, result.output
    assert "dak-la.xlsx: là liên kết (symlink) tới tệp khác nên không được đọc" in result.output
    assert "Đã nhận 1/17 đơn vị." in result.output
    archived = run("archive", "--year", "2025")
    assert archived.exit_code == 0, archived.output
    (package,) = (workspace / "outputs" / "2025").glob("LuuTru_*.zip")
    with zipfile.ZipFile(package) as members:
        assert [n for n in members.namelist() if n.startswith("inputs/")] == [
            "inputs/2025/XA-DAKMAR.xlsx"
        ]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_a_control_character_in_an_xls_is_shown_too(hostile, run, workspace, tmp_path):
    xls = soffice_convert(hostile, "xls")  # in its place, the .xlsx gone
    assert xls is not None, "LibreOffice made no .xls"
    shutil.move(xls, workspace / "inputs" / "2025" / "dak-la.xls")
    result = run("check", "--year", "2025")
    assert result.exit_code == 1, result.output
    assert 'dak-la.xls › Thư viện › F2: "12\ufffd3" không phải là số' in result.output
    assert run("forms", "--year", "2026").exit_code == 0  # carried rows hold no control char
