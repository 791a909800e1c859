"""A report of more units than `detail_units_max`: each unit's line in the appendix, every
school, activity, payment and opinion in the tables workbook beside it."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from docx import Document

ROOT = Path(__file__).resolve().parents[1]
YEAR = 2025
STEM = f"BaoCao_{YEAR}_du-thao-01"
HOSTILE = '=HYPERLINK("http://x.invalid","Bấm vào")'


def _limit(workspace: Path, most: int) -> None:
    profile = workspace / "config" / "profile.toml"
    text = profile.read_text(encoding="utf-8")
    assert "detail_units_max = 60" in text
    profile.write_text(text.replace("detail_units_max = 60", f"detail_units_max = {most}"), "utf-8")


@pytest.fixture
def sample(workspace: Path) -> Path:
    """The sample years, one activity of Đắk La named as a formula would be."""
    for year in (YEAR - 1, YEAR):
        shutil.copytree(ROOT / "inputs" / str(year), workspace / "inputs" / str(year))
    (dak_la,) = (workspace / "inputs" / str(YEAR)).glob("XA-DAKLA*.xlsx")
    book = openpyxl.load_workbook(dak_la)
    cell = book["Hoạt động"]["B3"]
    cell.value = HOSTILE
    cell.data_type = "s"  # as a unit's Excel keeps text typed after an apostrophe
    book.save(dak_la)
    return workspace


def _texts(path: Path) -> list[str]:
    doc = Document(str(path))
    texts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        texts += [cell.text for row in table.rows for cell in row.cells]
    return texts


def _activity_names(docx: Path) -> list[str]:
    """The names in the report's Biểu 4 (activities), in order."""
    doc = Document(str(docx))
    heads = [[cell.text for cell in t.rows[0].cells] for t in doc.tables]
    (table,) = [t for t, head in zip(doc.tables, heads, strict=True) if "Tên hoạt động" in head]
    return [row.cells[2].text for row in table.rows[1:-1]]


def test_past_the_limit_the_appendix_gives_unit_lines_and_the_workbook_every_row(sample, run):
    listed = run("build", "--year", str(YEAR))
    assert listed.exit_code == 0, listed.output
    out = sample / "outputs" / str(YEAR)
    full = out / f"{STEM}.docx"
    assert not (out / f"{STEM}_phu-luc.xlsx").exists()  # a district's report lists every row
    expected_activities = _activity_names(full)
    assert HOSTILE in expected_activities

    _limit(sample, 10)
    result = run("build", "--year", str(YEAR))
    assert result.exit_code == 0, result.output
    stem = f"BaoCao_{YEAR}_du-thao-02"
    tables = out / f"{stem}_phu-luc.xlsx"
    assert f"Bảng tính phụ lục: {tables.as_posix()}" in result.output

    texts = _texts(out / f"{stem}.docx")
    text = "\n".join(texts)
    figures = json.loads((out / f"{stem}.json").read_text(encoding="utf-8"))
    assert "Biểu 2. Số liệu của từng đơn vị" in text
    assert "Biểu 3. Số liệu không đưa vào tổng hợp và lý do" in text
    for gone in ("Biểu 3. Thư viện", "Biểu 4", "Biểu 5", "Biểu 6", "Biểu 7", "Tên hoạt động"):
        assert gone not in text
    note = next(t for t in texts if "bảng tính phụ lục kèm theo báo cáo này" in t)
    assert "16 đơn vị (trên 10 đơn vị)" in note
    assert "35 thư viện cơ sở giáo dục" in note
    assert f"{len(expected_activities)} hoạt động" in note
    # Sections III-V point the points they leave out to the workbook, not to a Biểu 7.
    assert any("tổng hợp nguyên văn tại bảng tính phụ lục" in t for t in texts)

    book = openpyxl.load_workbook(tables)
    assert book.sheetnames == [
        "Đơn vị",
        "Thư viện trường học",
        "Hoạt động",
        "Kinh phí",
        "Ý kiến đơn vị",
    ]
    activities = [r[2] for r in book["Hoạt động"].iter_rows(min_row=4, values_only=True) if r[0]]
    assert activities == expected_activities  # the very rows the listed report printed
    units = [r for r in book["Đơn vị"].iter_rows(min_row=4, values_only=True)]
    *lines, total = units
    assert len(lines) == 16 and total[1] == "Tổng cộng"
    uses = sum(line[5] for line in lines)
    assert total[5] == uses == figures["library_uses"]["year"]
    assert [line[1] for line in lines] == [u["name"] for u in figures["per_unit"]]
    schools = [r for r in book["Thư viện trường học"].iter_rows(min_row=4, values_only=True)]
    assert len(schools) == 35 and all(r[1] == "Phòng Giáo dục và Đào tạo" for r in schools)
    opinions = list(book["Ý kiến đơn vị"].iter_rows(min_row=4, values_only=True))
    assert opinions and all(r[3] for r in opinions)
    for sheet in book.worksheets:  # a unit's text is never a live formula, nor once edited
        assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    (cell,) = [c for r in book["Hoạt động"].iter_rows() for c in r if c.value == HOSTILE]
    assert cell.data_type == "s" and cell.quotePrefix

    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["drafts"][-1]["tables"] == tables.name
    archived = run("archive", "--year", str(YEAR))
    assert archived.exit_code == 0, archived.output
    with zipfile.ZipFile(out / f"LuuTru_{stem}.zip") as archive:
        assert archive.read(tables.name) == tables.read_bytes()


def test_zero_lists_every_row_whatever_the_count(sample, run):
    _limit(sample, 0)
    result = run("build", "--year", str(YEAR))
    assert result.exit_code == 0, result.output
    out = sample / "outputs" / str(YEAR)
    assert "Biểu 7" in "\n".join(_texts(out / f"{STEM}.docx"))
    assert not (out / f"{STEM}_phu-luc.xlsx").exists()


def test_a_negative_limit_is_refused_naming_the_key(sample, run):
    _limit(sample, -1)
    result = run("build", "--year", str(YEAR))
    assert result.exit_code == 1
    assert "detail_units_max" in result.output and "0: luôn liệt kê chi tiết" in result.output
