"""A scripted clerk: the draft edited in Word, a workbook corrected, the report built again."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from docx.text.paragraph import Paragraph

from reportgen import vocab
from tests.conftest import ROOT

DRAFT = "BaoCao_2025_du-thao-{:02d}.docx"
REWORDED = "Công tác tuyên truyền được các cấp ủy, chính quyền quan tâm chỉ đạo sát sao."
ADDED = "Ủy ban nhân dân huyện đã ban hành Công văn số 123/UBND-VHTT hướng dẫn triển khai."
GROWTH_BY_CLERK = "Lượt bạn đọc năm 2025 tăng mạnh (câu cán bộ viết lại)."


@pytest.fixture
def sample(workspace: Path) -> Path:
    """The bundled sample year in the workspace, charts off to keep the builds quick."""
    shutil.copytree(ROOT / "inputs", workspace / "inputs")
    profile = workspace / "config" / "profile.toml"
    text = profile.read_text(encoding="utf-8").replace("charts = true", "charts = false")
    profile.write_text(text, encoding="utf-8")
    return workspace


def _draft(workspace: Path, number: int) -> Path:
    return workspace / "outputs" / "2025" / DRAFT.format(number)


def _texts(path: Path) -> list[str]:
    return [p.text for p in Document(path).paragraphs]


def _set_text(paragraph: Paragraph, text: str) -> None:
    paragraph.runs[0].text = text
    for run in paragraph.runs[1:]:
        run.text = ""


def _edit_like_a_clerk(path: Path) -> None:
    """Reword one sentence, add one, delete one, reword one whose figures will change."""
    doc = Document(path)

    def find(start: str) -> Paragraph:
        return next(p for p in doc.paragraphs if p.text.startswith(start))

    _set_text(find("Công tác tuyên truyền được"), REWORDED)
    anchor = find("Năm 2025, có 16/17")
    added = copy.deepcopy(anchor._p)
    anchor._p.addnext(added)
    _set_text(Paragraph(added, anchor._parent), ADDED)
    gone = find("Thư viện, tủ sách cấp xã phục vụ nhiều lượt bạn đọc nhất")
    gone._p.getparent().remove(gone._p)
    _set_text(find("Tổng số lượt người sử dụng thư viện năm 2025"), GROWTH_BY_CLERK)
    doc.save(path)


def _correct_dak_la(workspace: Path) -> None:
    """Đắk La sends its workbook again with 1.000 more library uses."""
    (path,) = (workspace / "inputs" / "2025").glob("XA-DAKLA*.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book[vocab.SHEET_LIBRARIES]
    sheet["F2"] = int(sheet["F2"].value) + 1000
    book.save(path)


def test_the_clerks_edits_are_in_the_next_draft_with_the_new_figures(sample, run):
    assert run("build", "--year", "2025").exit_code == 0
    _edit_like_a_clerk(_draft(sample, 1))
    edited = _draft(sample, 1).read_bytes()
    _correct_dak_la(sample)
    result = run("build", "--year", "2025")
    assert result.exit_code == 0, result.output
    assert (
        "Đã chuyển các chỗ sửa trong dự thảo 01 sang dự thảo 02: giữ 1 đoạn đã sửa, 1 đoạn "
        "thêm, bỏ 1 đoạn đã xóa; 1 đoạn cần xem lại." in result.output
    )
    assert f"  - {GROWTH_BY_CLERK}" in result.output
    texts = _texts(_draft(sample, 2))
    assert REWORDED in texts
    assert not any(t.startswith("Công tác tuyên truyền được các đơn vị quan tâm") for t in texts)
    assert (
        texts.index(ADDED)
        == texts.index(next(t for t in texts if t.startswith("Năm 2025, có"))) + 1
    )
    assert not any("bạn đọc nhất" in t for t in texts)
    (growth,) = [t for t in texts if t.startswith("Tổng số lượt người sử dụng thư viện năm 2025")]
    assert "243.246 lượt" in growth  # the corrected figure
    assert growth.endswith(f"[Câu đã sửa ở dự thảo trước, cần xem lại: {GROWTH_BY_CLERK}]")
    assert _draft(sample, 1).read_bytes() == edited  # the edited draft is never touched


def test_edits_carry_on_from_draft_to_draft(sample, run):
    assert run("build", "--year", "2025").exit_code == 0
    _edit_like_a_clerk(_draft(sample, 1))
    _correct_dak_la(sample)
    assert run("build", "--year", "2025").exit_code == 0
    doc = Document(_draft(sample, 2))
    closing = next(p for p in doc.paragraphs if p.text.startswith("Trên đây là báo cáo"))
    added = copy.deepcopy(closing._p)
    closing._p.addprevious(added)
    _set_text(Paragraph(added, closing._parent), "Kính đề nghị Sở xem xét, tổng hợp.")
    doc.save(_draft(sample, 2))
    _correct_dak_la(sample)
    result = run("build", "--year", "2025")
    assert "Đã chuyển các chỗ sửa trong dự thảo 02 sang dự thảo 03" in result.output
    texts = _texts(_draft(sample, 3))
    assert REWORDED in texts and ADDED in texts
    assert "Kính đề nghị Sở xem xét, tổng hợp." in texts


def test_no_merge_builds_from_the_template_and_says_so(sample, run):
    assert run("build", "--year", "2025").exit_code == 0
    _edit_like_a_clerk(_draft(sample, 1))
    _correct_dak_la(sample)
    result = run("build", "--year", "2025", "--no-merge")
    assert (
        "Dự thảo số 02 lập từ mẫu (--no-merge): các chỗ đã sửa trong dự thảo 01 KHÔNG được "
        "chuyển sang" in result.output
    )
    assert REWORDED not in _texts(_draft(sample, 2))
    assert REWORDED in _texts(_draft(sample, 1))


def test_an_unedited_draft_is_rebuilt_without_a_word_about_edits(sample, run):
    assert run("build", "--year", "2025").exit_code == 0
    _correct_dak_la(sample)
    result = run("build", "--year", "2025")
    assert "Đã ghi dự thảo số 02" in result.output
    assert "chỗ sửa" not in result.output


def test_an_edited_draft_without_its_generated_copy_is_not_merged_and_is_said(sample, run):
    assert run("build", "--year", "2025").exit_code == 0
    _edit_like_a_clerk(_draft(sample, 1))
    shutil.rmtree(sample / "outputs" / "2025" / ".ban-goc")  # as a draft of an older version
    _correct_dak_la(sample)
    result = run("build", "--year", "2025")
    assert "Lưu ý: dự thảo 01 đã được sửa sau khi lập nhưng không còn bản gốc" in result.output
    assert "KHÔNG được chuyển sang dự thảo 02" in result.output
    assert REWORDED not in _texts(_draft(sample, 2))


def test_the_merged_draft_is_the_same_bytes_every_time(sample, run, tmp_path_factory):
    assert run("build", "--year", "2025").exit_code == 0
    _edit_like_a_clerk(_draft(sample, 1))
    _correct_dak_la(sample)
    twin = tmp_path_factory.mktemp("twin")
    shutil.copytree(sample, twin, dirs_exist_ok=True)
    assert run("build", "--year", "2025").exit_code == 0
    from click.testing import CliRunner

    from reportgen.cli import cli

    again = CliRunner().invoke(cli, ["build", "--year", "2025", "--workspace", str(twin)])
    assert again.exit_code == 0, again.output
    assert _draft(sample, 2).read_bytes() == _draft(twin, 2).read_bytes()


def test_the_document_number_and_signer_typed_in_the_header_are_kept(sample, run):
    assert run("build", "--year", "2025").exit_code == 0
    doc = Document(_draft(sample, 1))
    header = doc.tables[0]
    closing = next(t for t in doc.tables if t.rows[0].cells[0].text.startswith("Nơi nhận"))
    number = next(p for c in header._cells for p in c.paragraphs if p.text.startswith("Số:"))
    _set_text(number, "Số: 215/BC-UBND")
    signer = next(p for c in closing._cells for p in c.paragraphs if p.text == "Phạm Thị Thương")
    _set_text(signer, "Nguyễn Văn Bình")
    doc.save(_draft(sample, 1))
    _correct_dak_la(sample)
    result = run("build", "--year", "2025")
    assert "giữ 2 đoạn đã sửa" in result.output, result.output
    cells = [c.text for t in Document(_draft(sample, 2)).tables for c in t._cells]
    assert "Số: 215/BC-UBND" in cells and "Nguyễn Văn Bình" in " ".join(cells)
    assert "Phạm Thị Thương" not in " ".join(cells)


def test_a_figure_cell_the_clerk_changed_is_regenerated_with_the_clerks_text_beside_it(sample, run):
    assert run("build", "--year", "2025").exit_code == 0
    doc = Document(_draft(sample, 1))
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "STT")
    growth = next(r for r in table.rows if r.cells[1].text.startswith("Tăng số lượt"))
    _set_text(growth.cells[3].paragraphs[0], "tăng khá")
    doc.save(_draft(sample, 1))
    _correct_dak_la(sample)
    result = run("build", "--year", "2025")
    assert "1 đoạn cần xem lại" in result.output and "  - tăng khá" in result.output
    table = next(t for t in Document(_draft(sample, 2)).tables if t.rows[0].cells[0].text == "STT")
    growth = next(r for r in table.rows if r.cells[1].text.startswith("Tăng số lượt"))
    assert growth.cells[3].text == "tăng 11,5% [Câu đã sửa ở dự thảo trước, cần xem lại: tăng khá]"
