"""The final archive of a draft (the PDF conversion: test_pdf.py)."""

from __future__ import annotations

import hashlib
import json
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from test_drafts import YEAR, make_figures, write_inputs

from reportgen.archive import archive_draft, archive_path, sums_of, verify_zip
from reportgen.config import load_config
from reportgen.drafts import publish_draft
from reportgen.errors import ReportgenError
from reportgen.manifest import list_drafts
from reportgen.workspace import Workspace

REPO = Path(__file__).resolve().parents[1]
NOW = datetime(2025, 11, 5, 14, 0, 0)
INPUTS = {"Đắk La.xlsx": b"dak la v1", "Ngọk Wang.xlsx": b"ngok wang v1"}


@pytest.fixture
def drafted(workspace: Path) -> Path:
    """The shared workspace with a template of the clerk's own, inputs and one draft made."""
    template = workspace / "templates" / "bao-cao.docx"
    template.write_bytes(b"the clerk's template")
    inputs = write_inputs(workspace / "inputs", INPUTS)
    publish_draft(
        workspace / "outputs" / str(YEAR),
        YEAR,
        docx=b"DOCX 1",
        figures=make_figures(),
        problems_xlsx=b"XLSX 1",
        inputs=inputs,
        config_digest=load_config(Workspace.at(workspace)).digest,
        template_digest=hashlib.sha256(template.read_bytes()).hexdigest(),
        tool_version="0.1.0",
        now=datetime(2025, 10, 20, 9, 30, 0),
    )
    return workspace


def run_archive(ws: Path, number: int | None = None):
    return archive_draft(Workspace.at(ws), YEAR, number, NOW)


def test_archive_holds_the_draft_and_everything_it_came_from(drafted):
    result = run_archive(drafted)
    assert result.created and result.number == 1
    assert result.path == drafted / "outputs" / "2025" / "LuuTru_BaoCao_2025_du-thao-01.zip"
    with zipfile.ZipFile(result.path) as z:
        assert z.testzip() is None
        names = set(z.namelist())
        assert names == {
            "BaoCao_2025_du-thao-01.docx",
            "BaoCao_2025_du-thao-01.json",
            "BaoCao_2025_du-thao-01_van-de.xlsx",
            "manifest.json",
            "inputs/2025/Đắk La.xlsx",
            "inputs/2025/Ngọk Wang.xlsx",
            "config/profile.toml",
            "config/units.toml",
            "config/plan.toml",
            "config/themes.toml",  # present in the workspace: part of the configuration
            "config/phrases.toml",
            "templates/bao-cao.docx",
            "SHA256SUMS.txt",
        }
        assert z.read("inputs/2025/Đắk La.xlsx") == b"dak la v1"
        assert z.read("config/plan.toml") == (REPO / "config" / "plan.toml").read_bytes()
        assert json.loads(z.read("manifest.json"))["drafts"][0]["final"] is True
    assert result.members == len(names)
    assert list_drafts(drafted / "outputs" / "2025", YEAR)[0].final is True


def test_existing_archive_is_checked_not_overwritten(drafted):
    first = run_archive(drafted)
    data = first.path.read_bytes()
    again = run_archive(drafted)
    assert not again.created and again.path == first.path
    assert first.path.read_bytes() == data


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (lambda f: (f / "Đắk La.xlsx").write_bytes(b"dak la v2"), "đã bị sửa: Đắk La.xlsx"),
        (lambda f: (f / "Ngọk Wang.xlsx").unlink(), "không còn: Ngọk Wang.xlsx"),
        (lambda f: (f / "Hà Mòn.xlsx").write_bytes(b"late"), "mới thêm: Hà Mòn.xlsx"),
    ],
    ids=["changed", "missing", "new"],
)
def test_archive_refuses_when_inputs_changed_since_the_draft(drafted, change, said):
    change(drafted / "inputs" / "2025")
    with pytest.raises(ReportgenError) as caught:
        run_archive(drafted)
    assert said in caught.value.message and "dự thảo 01" in caught.value.message
    assert not archive_path(drafted / "outputs" / "2025", "BaoCao_2025_du-thao-01.docx").exists()
    assert list_drafts(drafted / "outputs" / "2025", YEAR)[0].final is False


def test_excel_lock_files_do_not_count_as_new_inputs(drafted):
    (drafted / "inputs" / "2025" / "~$Đắk La.xlsx").write_bytes(b"lock")
    assert run_archive(drafted).created


def test_archive_refuses_when_the_template_changed(drafted):
    (drafted / "templates" / "bao-cao.docx").write_bytes(b"reworded")
    with pytest.raises(ReportgenError, match="mẫu báo cáo templates/bao-cao.docx đã thay đổi"):
        run_archive(drafted)


def test_archive_command_says_it_verified(drafted, run):
    result = run("archive", "--year", "2025")
    assert result.exit_code == 0, result.output
    assert "Đã đánh dấu dự thảo 01 là bản chính thức." in result.output
    assert "LuuTru_BaoCao_2025_du-thao-01.zip" in result.output
    assert "Đã kiểm tra lại bản lưu trữ: 13 tệp" in result.output
    again = run("archive", "--year", "2025", "--draft", "1")
    assert again.exit_code == 0 and "đã có" in again.output
    (drafted / "inputs" / "2025" / "Đắk La.xlsx").write_bytes(b"changed")
    refused = run("archive", "--year", "2025", "--draft", "3")
    assert refused.exit_code == 1 and "Không có dự thảo số 3" in refused.output


def test_a_pdf_made_after_archiving_is_added_to_the_archive(drafted, run):
    assert run("archive", "--year", "2025").exit_code == 0
    out = drafted / "outputs" / "2025"
    zip_path = out / "LuuTru_BaoCao_2025_du-thao-01.zip"
    with zipfile.ZipFile(zip_path) as z:
        before = {name: z.read(name) for name in z.namelist() if name != "SHA256SUMS.txt"}
    (out / "BaoCao_2025_du-thao-01.pdf").write_bytes(b"%PDF-1.7 the signed report")
    again = run("archive", "--year", "2025")
    assert again.exit_code == 0, again.output
    assert (
        "Đã thêm tệp BaoCao_2025_du-thao-01.pdf (lập sau khi lưu trữ) vào bản lưu trữ "
        "LuuTru_BaoCao_2025_du-thao-01.zip." in again.output
    )
    with zipfile.ZipFile(zip_path) as z:
        assert z.read("BaoCao_2025_du-thao-01.pdf") == b"%PDF-1.7 the signed report"
        assert all(z.read(name) == data for name, data in before.items())  # nothing else moved
        sums = z.read("SHA256SUMS.txt").decode("utf-8")
    assert "  BaoCao_2025_du-thao-01.pdf" in sums
    verify_zip(zip_path, sums_of(zip_path))
    third = run("archive", "--year", "2025")
    assert third.exit_code == 0 and "Đã thêm tệp" not in third.output


def test_verify_catches_a_member_that_is_not_what_was_meant(tmp_path):
    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("manifest.json", b"written")
    with pytest.raises(ReportgenError, match="nội dung manifest.json không khớp"):
        verify_zip(path, {"manifest.json": hashlib.sha256(b"meant").hexdigest()})
    with pytest.raises(ReportgenError, match="thiếu hoặc thừa: inputs/2025/x.xlsx"):
        verify_zip(
            path,
            {"manifest.json": hashlib.sha256(b"written").hexdigest(), "inputs/2025/x.xlsx": ""},
        )


def test_a_damaged_existing_archive_is_reported_not_replaced(drafted):
    target = archive_path(drafted / "outputs" / "2025", "BaoCao_2025_du-thao-01.docx")
    target.write_bytes(b"not a zip")
    with pytest.raises(ReportgenError, match="đã có nhưng bị hỏng"):
        run_archive(drafted)
    assert target.read_bytes() == b"not a zip"
