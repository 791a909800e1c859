"""Legacy-font workbooks as units send them: TCVN3 and VNI text whose cells carry the font it was
typed in (.VnTime, .VnTimeH, VNI-Times), read into the report with the font as evidence, and
a warning naming the cell for a conversion the tool is unsure of."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.styles import Font

from reportgen import vocab
from reportgen.intake import evidence
from reportgen.intake.fonts import font_kind
from reportgen.intake.workbook import Grid, read_grids
from tests.messy.encodings import to_tcvn3, to_vni
from tests.test_intake_reader import ACTIVITIES, clean_form, read, save

Typed = dict[str, tuple[str, str]]  # cell -> (text as typed, font name)

TCVN3_ACTIVITIES: Typed = {
    "B2": ("Ngµy héi ®äc s¸ch X· Ia §al", ".VnTime"),
    "B3": ("Kú thi", ".VnTime"),  # also Unicode ("Kú"): only the font says it is "Kỳ"
    "B4": ("Héi s¸ch", ".VnTimeH"),  # a capitals font: shown as HỘI SÁCH
    "B5": ("Giao l\xadu X· Hµ Kú", ".VnTime"),  # title case, never XÃ HÀ KỲ
    "B6": ("Hoäi thi Xaõ Ya Xieâr", ".VnTime"),  # VNI text pasted into a .VnTime cell
}
TCVN3_READ = {
    "B2": "Ngày hội đọc sách Xã Ia Đal",
    "B3": "Kỳ thi",
    "B4": "HỘI SÁCH",
    "B5": "Giao lưu Xã Hà Kỳ",
    "B6": "Hội thi Xã Ya Xiêr",
}
VNI_ACTIVITIES: Typed = {
    "B2": ("Ngaøy hoäi ñoïc saùch Xaõ Poâ Koâ", "VNI-Times"),
    "B3": ("Chö Hreng", "VNI-Times"),  # TCVN3 would read "Chử Hreng"
    "B4": ("Sôn La", "VNI Times"),  # also Unicode: only the font says it is "Sơn La"
    "B5": ("Ñoïc saùch Ñaï Teûh", "VNI-Helve"),
    "B6": ("Hoäi thi Ñaék Moâl", "Times New Roman"),  # no Unicode reading: converted anyway
}
VNI_READ = {
    "B2": "Ngày hội đọc sách Xã Pô Kô",
    "B3": "Chư Hreng",
    "B4": "Sơn La",
    "B5": "Đọc sách Đạ Tẻh",
    "B6": "Hội thi Đắk Môl",
}


def legacy_form(typed: Typed) -> dict[str, list[Any]]:
    """Đắk La's form with its activities typed in legacy fonts (one activity a row)."""
    form = clean_form()
    first = list(form[vocab.SHEET_ACTIVITIES][1])
    form[vocab.SHEET_ACTIVITIES] = [form[vocab.SHEET_ACTIVITIES][0]] + [
        [number, text, *first[2:]] for number, (text, _) in enumerate(typed.values(), start=1)
    ]
    return form


def write_xlsx(path: Path, typed: Typed) -> Path:
    save(path, legacy_form(typed))
    book = openpyxl.load_workbook(path)
    for ref, (_, font) in typed.items():
        book[vocab.SHEET_ACTIVITIES][ref].font = Font(name=font, size=13)
    book.save(path)
    return path


def write_xls(path: Path, typed: Typed) -> Path:
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook(encoding="utf-8")
    fonts = {ref: xlwt.easyxf(f"font: name {font}") for ref, (_, font) in typed.items()}
    day = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    for title, rows in legacy_form(typed).items():
        sheet = book.add_sheet(title)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                ref = f"{chr(65 + c)}{r + 1}"
                if title == vocab.SHEET_ACTIVITIES and ref in fonts:
                    sheet.write(r, c, value, fonts[ref])
                elif isinstance(value, date):
                    sheet.write(r, c, datetime(value.year, value.month, value.day), day)
                elif value is not None:
                    sheet.write(r, c, value)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(str(path))
    return path


def report_text(workspace: Path) -> str:
    (docx,) = (workspace / "outputs" / "2025").glob("*.docx")
    with zipfile.ZipFile(docx) as package:
        return package.read("word/document.xml").decode("utf-8")


WRITERS = {"xlsx": write_xlsx, "xls": write_xls}


@pytest.mark.parametrize("kind", WRITERS, ids=list(WRITERS))
@pytest.mark.parametrize(
    ("typed", "meant"),
    [(TCVN3_ACTIVITIES, TCVN3_READ), (VNI_ACTIVITIES, VNI_READ)],
    ids=["tcvn3", "vni"],
)
def test_legacy_text_reaches_the_report_as_its_font_shows_it(workspace, run, kind, typed, meant):
    WRITERS[kind](workspace / "inputs" / "2025" / f"XA-DAKLA.{kind}", typed)
    result = run("build", "--year", "2025")
    assert result.exit_code == 0, result.output
    xml = report_text(workspace)
    for ref, text in meant.items():
        assert text in xml, (ref, text)


@pytest.mark.parametrize("kind", WRITERS, ids=list(WRITERS))
def test_a_conversion_the_tool_is_unsure_of_is_a_warning_naming_the_cell(workspace, run, kind):
    WRITERS[kind](workspace / "inputs" / "2025" / f"XA-DAKLA.{kind}", TCVN3_ACTIVITIES)
    result = run("check", "--year", "2025")
    (line,) = [ln for ln in result.output.splitlines() if "không chắc chắn" in ln]
    assert f"XA-DAKLA.{kind} › Hoạt động › B6" in line
    assert "VNI-Windows" in line and '"Hội thi Xã Ya Xiêr"' in line


def test_without_fonts_the_rest_of_the_sheet_decides(workspace):
    grid = Grid(
        vocab.SHEET_ACTIVITIES,
        (("Ngµy héi ®äc s¸ch", "Kh«ng"), ("Sè", "mét"), ("Tæ", None)),
    )
    (decoded,), notes = evidence.decode([grid], b"")  # no file to read fonts from
    assert decoded.rows == (("Ngày hội đọc sách", "Không"), ("Số", "một"), ("Tổ", None))
    assert notes == []


def test_a_lone_ambiguous_cell_without_evidence_is_a_warning():
    grid = Grid(vocab.SHEET_ACTIVITIES, (("Kh«ng",), ("Coù",), ("Tæ",)))
    (decoded,), notes = evidence.decode([grid], b"")  # as many TCVN3 cells as VNI ones
    assert decoded.rows[2] == ("Tổ",)
    assert [(n.cell, n.code) for n in notes] == [("A3", "legacy-text-guessed")]


def test_a_unicode_workbook_never_has_its_fonts_read():
    grids = [Grid("Thư viện", (("Thư viện xã Đắk La", "Hà Mòn", "Sè", "Có"),))]
    assert evidence.decode(grids, b"")[0] is grids


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        (".VnTime", "tcvn3"),
        (".VnTimeH", "tcvn3-caps"),
        (".VnArial NarrowH", "tcvn3-caps"),
        ("VnTime", "tcvn3"),
        (".VN TIMEH", "tcvn3-caps"),
        ("VN Times", "tcvn3"),
        ("VNI-Times", "vni"),
        ("VNI Helve", "vni"),
        ("Times New Roman", "unicode"),
        ("Arial", "unicode"),
        (None, None),
    ],
)
def test_font_names_and_their_variants(name, kind):
    assert font_kind(name) == kind


def test_one_pasted_legacy_cell_leaves_a_unicode_workbooks_short_words_alone():
    grid = Grid(
        vocab.SHEET_ACTIVITIES,
        (("Ngày hội đọc sách", "Có"), ("Thư viện xã", "Mòn"), ("Kh«ng", "Sè")),
    )
    (decoded,), notes = evidence.decode([grid], b"")  # no fonts: the cells are the evidence
    assert decoded.rows == (("Ngày hội đọc sách", "Có"), ("Thư viện xã", "Mòn"), ("Không", "Sè"))
    assert notes == []


def test_foreign_words_in_a_unicode_workbook_are_neither_changed_nor_warned_about():
    grid = Grid(vocab.SHEET_ACTIVITIES, (("Café sách", "Müller", "Piñata"), ("Có", "Không", "Sè")))
    (decoded,), notes = evidence.decode([grid], b"")
    assert decoded.rows == grid.rows
    assert notes == []


def test_a_legacy_cell_that_reads_in_no_table_is_a_warning_where_the_workbook_is_legacy():
    grid = Grid(vocab.SHEET_ACTIVITIES, (("Kh«ng", "Th\xad viÖn"), ("Ng\xadêi ®äc", "Müller")))
    (decoded,), notes = evidence.decode([grid], b"")
    assert decoded.rows == (("Không", "Thư viện"), ("Người đọc", "Müller"))
    assert [(n.cell, n.code) for n in notes] == [("B2", "legacy-text-unconverted")]


def test_a_font_on_the_texts_own_runs_counts_as_the_cells(tmp_path):
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"] = "Kh«ng"  # evidence that the workbook holds legacy text
    sheet["A2"] = CellRichText([TextBlock(InlineFont(rFont=".VnTime"), "Sè")])  # an Arial cell
    sheet["A3"] = "Sè"
    sheet["A3"].font = Font(name="Arial")
    path = tmp_path / "runs.xlsx"
    book.save(path)
    data = path.read_bytes()

    (decoded,), _ = evidence.decode(read_grids(data), data)
    assert [row[0] for row in decoded.rows] == ["Không", "Số", "Sè"]


def test_fonts_of_shared_strings_as_excel_writes_them(tmp_path):
    xlsxwriter = pytest.importorskip("xlsxwriter")
    path = tmp_path / "excel.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Hoạt động")
    vntime, vni = (
        book.add_format({"font_name": ".VnTime"}),
        book.add_format({"font_name": "VNI-Times"}),
    )
    sheet.write("A1", "Kh«ng", vntime)
    sheet.write("A2", "mét", vntime)
    sheet.write("B2", "bò", vni)
    sheet.write_rich_string("A3", vntime, "Sè", " ")
    sheet.write("B3", "Sè")  # the default font: kept as typed
    book.close()
    data = path.read_bytes()

    (decoded,), _ = evidence.decode(read_grids(data), data)
    assert decoded.rows[1:] == (("một", "bị"), ("Số ", "Sè"))


def test_an_xls_cells_rich_text_font_counts_too(tmp_path):
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Hoạt động")
    sheet.write(0, 0, "Kh«ng")
    vntime = xlwt.Font()
    vntime.name = ".VnTime"
    sheet.write_rich_text(1, 0, [("Sè", vntime)])
    sheet.write(2, 0, "Sè")
    path = tmp_path / "runs.xls"
    book.save(str(path))
    data = path.read_bytes()

    (decoded,), _ = evidence.decode(read_grids(data), data)
    assert [row[0] for row in decoded.rows] == ["Không", "Số", "Sè"]


# A whole return typed on a legacy computer reads exactly as the Unicode one --------------------

LEGACY_COMPUTERS = {
    "vntime": (".VnTime", to_tcvn3),
    "vni-times": ("VNI-Times", to_vni),
}


# Names that one of the fonts types as Unicode text too ("Kú thi", "Sôn La"): the font decides
SHORT_NAMES = [
    ("Kỳ thi", 1, "", date(2025, 5, 2), 20, ""),
    ("Sơn La", 2, "", date(2025, 6, 3), 30, ""),
]


def _typed_in(form: dict[str, list[Any]], encode) -> dict[str, list[Any]]:
    """Every text of a form (headers, names, Có/Không, list values) as a legacy font holds it."""
    return {
        encode(title): [[encode(v) if isinstance(v, str) else v for v in row] for row in rows]
        for title, rows in form.items()
    }


def _without_source(ret):
    return tuple(
        tuple(replace(record, source=None) for record in records)
        for records in (ret.libraries, ret.institutions, ret.activities, ret.funding)
    )


@pytest.mark.parametrize(("font", "encode"), LEGACY_COMPUTERS.values(), ids=list(LEGACY_COMPUTERS))
def test_a_whole_return_typed_in_a_legacy_font_reads_as_the_unicode_one(
    tmp_path, sample_config, font, encode
):
    unicode_dir, legacy_dir = tmp_path / "unicode", tmp_path / "legacy"
    form = clean_form(activities=[*ACTIVITIES, *SHORT_NAMES])
    save(unicode_dir / "XA-DAKLA.xlsx", form)
    path = save(legacy_dir / "XA-DAKLA.xlsx", _typed_in(form, encode))
    book = openpyxl.load_workbook(path)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                cell.font = Font(name=font)
    book.save(path)
    typed, meant = read(legacy_dir, sample_config), read(unicode_dir, sample_config)
    assert [p.message for p in typed.problems] == [p.message for p in meant.problems]
    (legacy_return,), (unicode_return,) = typed.returns, meant.returns
    assert _without_source(legacy_return) == _without_source(unicode_return)
    assert legacy_return.info == unicode_return.info
    assert legacy_return.assessment == unicode_return.assessment
