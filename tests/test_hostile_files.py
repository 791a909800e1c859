"""Workbooks built to hurt: a zip bomb, a Strict Open XML file, a hidden sheet in front of the
real one, a second sheet of the same name — each refused or warned of by name, never read
wrong in silence."""

from __future__ import annotations

import unicodedata
import zipfile
from pathlib import Path

import openpyxl

from reportgen import vocab
from tests.test_intake_reader import clean_form, read, save


def rewritten(path: Path, change) -> None:  # noqa: ANN001
    """Rewrite the parts of an .xlsx through `change(name, data) -> data`."""
    with zipfile.ZipFile(path) as source:
        parts = [(i.filename, change(i.filename, source.read(i))) for i in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts:
            target.writestr(name, data)


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path, sample_config):
    path = save(tmp_path / "bom.xlsx", clean_form())
    huge = b"<!--" + b"0" * (60 * 1024 * 1024) + b"-->"  # 60 MB of one byte: ~60 kB zipped

    def swell(name: str, data: bytes) -> bytes:
        return data.replace(b"<sheetData>", huge + b"<sheetData>", 1) if "sheet2" in name else data

    rewritten(path, swell)
    assert path.stat().st_size < 1024 * 1024
    intake = read(tmp_path, sample_config)
    (problem,) = intake.problems
    assert problem.file == "bom.xlsx" and problem.code == "file-unreadable"
    assert "quá lớn đối với một báo cáo" in problem.message
    assert intake.returns == ()


def test_a_strict_open_xml_workbook_is_named_with_how_to_resave_it(tmp_path, sample_config):
    path = save(tmp_path / "strict.xlsx", clean_form())
    main = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    strict = b"http://purl.oclc.org/ooxml/spreadsheetml/main"
    rewritten(path, lambda name, data: data.replace(main, strict))
    (problem,) = read(tmp_path, sample_config).problems
    assert "Strict Open XML" in problem.message and "Excel Workbook (*.xlsx)" in problem.message


def test_a_very_hidden_sheet_in_front_is_not_read_and_is_named(tmp_path, sample_config):
    path = save(tmp_path / "an.xlsx", clean_form())
    book = openpyxl.load_workbook(path)
    decoy = book.copy_worksheet(book[vocab.SHEET_LIBRARIES])
    decoy.title = unicodedata.normalize("NFD", vocab.SHEET_LIBRARIES)  # the same name, to a reader
    decoy["F2"] = 999_999
    decoy.sheet_state = "veryHidden"  # only a macro shows it
    book.move_sheet(decoy, offset=-(len(book.sheetnames) - 2))  # just before the real one
    book.save(path)
    assert openpyxl.load_workbook(path).sheetnames.index(decoy.title) == 1
    intake = read(tmp_path, sample_config)
    (ret,) = intake.returns
    assert [lib.uses for lib in ret.libraries] == [1234, 0]  # the visible sheet's, not 999.999
    (warning,) = [p for p in intake.problems if p.code == "sheet-unused"]
    assert "(sheet ẩn)" in warning.message


def test_a_second_sheet_of_the_same_name_in_another_form_is_named(tmp_path, sample_config):
    form = clean_form()
    form[unicodedata.normalize("NFD", vocab.SHEET_LIBRARIES.upper())] = form[vocab.SHEET_LIBRARIES]
    save(tmp_path / "hai.xlsx", form)
    intake = read(tmp_path, sample_config)
    (warning,) = [p for p in intake.problems if p.code == "sheet-unused"]
    assert f'cũng mang tên "{vocab.SHEET_LIBRARIES}" nhưng không được đọc' in warning.message
    assert len(intake.returns[0].libraries) == 2


def test_an_absurd_count_is_an_error_naming_its_cell_and_the_row_is_left_out(
    tmp_path, sample_config
):
    form = clean_form()
    form[vocab.SHEET_LIBRARIES][1] = (1, "Thư viện xã", vocab.LIB_COMMUNE, "Có", "Có", 1e308)
    save(tmp_path / "lon.xlsx", form)
    intake = read(tmp_path, sample_config)
    (problem,) = [p for p in intake.problems if p.code == "cell-too-large"]
    assert problem.cell == "F2" and "lớn bất thường" in problem.message
    assert "không quá 10.000.000" in problem.message
    assert [lib.name for lib in intake.returns[0].libraries] == ["Điểm đọc thôn 1"]


def test_a_limit_can_be_raised_in_the_plan(tmp_path, sample_config):
    from dataclasses import replace

    form = clean_form()
    form[vocab.SHEET_LIBRARIES][1] = (1, "Thư viện xã", vocab.LIB_COMMUNE, "Có", "Có", 12_000_000)
    save(tmp_path / "lon.xlsx", form)
    assert [p.code for p in read(tmp_path, sample_config).problems] == ["cell-too-large"]
    limits = tuple((k, 20_000_000 if k == "uses" else v) for k, v in sample_config.plan.limits)
    wider = replace(sample_config, plan=replace(sample_config.plan, limits=limits))
    intake = read(tmp_path, wider)
    assert intake.problems == () and intake.returns[0].libraries[0].uses == 12_000_000


def test_a_damaged_sheet_is_named(tmp_path, sample_config):
    path = save(tmp_path / "hong.xlsx", clean_form())
    rewritten(path, lambda name, data: data[: len(data) // 2] if "sheet2" in name else data)
    (problem,) = read(tmp_path, sample_config).problems
    assert problem.code == "file-unreadable"
    assert f'tệp Excel bị hỏng ở sheet "{vocab.SHEET_LIBRARIES}"' in problem.message
