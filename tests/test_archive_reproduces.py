"""The final archive reproduces itself: earlier years' workbooks packed, figures rebuilt from it."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from test_build_e2e import write_last_year, write_year

from reportgen import vocab
from reportgen.manifest import ManifestEntry
from tests.unit_workbook import library, write_unit_workbook

OUT = Path("outputs") / "2025"
ZIP = "LuuTru_BaoCao_2025_du-thao-01.zip"
LAST_YEAR_FILES = {"inputs/2024/TTVHTT.xlsx", "inputs/2024/PGD.xlsx", "inputs/2024/Ngọk Réo.xlsx"}


@pytest.fixture
def workspace(workspace: Path) -> Path:
    """The shared workspace with the workbooks of 2025 and of 2024 in inputs/."""
    write_year(workspace / "inputs" / "2025", 2025)
    write_last_year(workspace / "inputs" / "2024")
    return workspace


@pytest.fixture
def archived(workspace: Path, run) -> Path:
    """2025 built and archived: the path of the archive."""
    for args in (("build", "--year", "2025"), ("archive", "--year", "2025")):
        result = run(*args)
        assert result.exit_code == 0, result.output
    return workspace / OUT / ZIP


def resend_ngok_reo_2024(path: Path, uses: int) -> None:
    """Ngọk Réo's 2024 workbook with another count of library uses."""
    write_unit_workbook(
        path,
        "XA-NGOKREO",
        "UBND xã Ngọk Réo",
        2024,
        libraries=[library("Thư viện xã Ngọk Réo", vocab.LIB_COMMUNE, False, False, uses)],
    )


def test_the_archive_packs_last_years_workbooks_and_the_manifest_lists_them(archived, workspace):
    with zipfile.ZipFile(archived) as z:
        names = set(z.namelist())
        assert LAST_YEAR_FILES <= names
        for name in LAST_YEAR_FILES:
            assert z.read(name) == (workspace / name).read_bytes()
        manifest = json.loads(z.read("manifest.json"))
    recorded = {(f["year"], f["name"]) for f in manifest["drafts"][0]["earlier_inputs"]}
    assert recorded == {(2024, "TTVHTT.xlsx"), (2024, "PGD.xlsx"), (2024, "Ngọk Réo.xlsx")}
    on_disk = json.loads((workspace / OUT / "manifest.json").read_text(encoding="utf-8"))
    assert on_disk["drafts"][0]["earlier_inputs"] == manifest["drafts"][0]["earlier_inputs"]


def test_a_pdf_beside_the_draft_is_packed(workspace, run):
    assert run("build", "--year", "2025").exit_code == 0
    (workspace / OUT / "BaoCao_2025_du-thao-01.pdf").write_bytes(b"%PDF-1.7 the report")
    assert run("archive", "--year", "2025").exit_code == 0
    with zipfile.ZipFile(workspace / OUT / ZIP) as z:
        assert z.read("BaoCao_2025_du-thao-01.pdf") == b"%PDF-1.7 the report"


def test_last_years_workbook_changed_after_the_draft_stops_the_archive(workspace, run):
    assert run("build", "--year", "2025").exit_code == 0
    resend_ngok_reo_2024(workspace / "inputs" / "2024" / "Ngọk Réo.xlsx", 9_000)
    result = run("archive", "--year", "2025")
    assert result.exit_code == 1
    assert "đã bị sửa: inputs/2024/Ngọk Réo.xlsx" in result.output
    assert not (workspace / OUT / ZIP).exists()


def test_a_new_build_after_last_years_workbook_changed_can_be_archived(workspace, run):
    assert run("build", "--year", "2025").exit_code == 0
    (workspace / "inputs" / "2024" / "PGD.xlsx").unlink()
    rebuilt = run("build", "--year", "2025")
    assert "dự thảo số 02" in rebuilt.output, rebuilt.output
    result = run("archive", "--year", "2025")
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(workspace / OUT / "LuuTru_BaoCao_2025_du-thao-02.zip") as z:
        assert "inputs/2024/PGD.xlsx" not in z.namelist()
        assert "inputs/2024/TTVHTT.xlsx" in z.namelist()


def test_the_archive_alone_reproduces_its_figures(archived, workspace, runner, tmp_path_factory):
    from reportgen.cli import cli

    elsewhere = tmp_path_factory.mktemp("may-khac") / ZIP
    shutil.copy(archived, elsewhere)
    shutil.rmtree(workspace)
    result = runner.invoke(cli, ["archive", "--verify", str(elsewhere)])
    assert result.exit_code == 0, result.output
    assert "Bản lưu trữ tái tạo đúng số liệu" in result.output
    assert list(elsewhere.parent.iterdir()) == [elsewhere]  # no draft written anywhere near it


def rewrite_member(zip_path: Path, name: str, data: bytes) -> None:
    """The same zip with one member's content replaced, SHA256SUMS.txt left as it was."""
    with zipfile.ZipFile(zip_path) as z:
        members = {n: z.read(n) for n in z.namelist()}
    members[name] = data
    with zipfile.ZipFile(zip_path, "w") as z:
        for member, content in members.items():
            z.writestr(member, content)


def test_a_workbook_tampered_inside_the_archive_is_reported(archived, runner, tmp_path):
    from reportgen.cli import cli

    copy = tmp_path / "ban-sao.zip"
    shutil.copy(archived, copy)
    changed = tmp_path / "Ngọk Réo.xlsx"
    resend_ngok_reo_2024(changed, 12_000)
    rewrite_member(copy, "inputs/2024/Ngọk Réo.xlsx", changed.read_bytes())
    result = runner.invoke(cli, ["archive", "--verify", str(copy)])
    assert result.exit_code == 1, result.output
    assert "tệp inputs/2024/Ngọk Réo.xlsx khác với mã SHA-256" in result.output
    assert "Số liệu tính lại khác số liệu ghi trong bản lưu trữ" in result.output
    assert "bản lưu trữ ghi" in result.output and "tính lại được" in result.output
    assert "tái tạo đúng" not in result.output


def test_verify_of_a_file_that_is_no_archive_says_so(runner, tmp_path):
    from reportgen.cli import cli

    bogus = tmp_path / "khong-phai.zip"
    bogus.write_bytes(b"not a zip")
    result = runner.invoke(cli, ["archive", "--verify", str(bogus)])
    assert result.exit_code == 1
    assert "không phải tệp lưu trữ .zip" in result.output


def test_a_manifest_entry_written_before_earlier_inputs_were_kept_still_reads():
    entry = {
        "number": 1,
        "time": "2025-10-20T09:30:00",
        "tool_version": "0.1.0",
        "config_sha256": "c",
        "template_sha256": "t",
        "inputs": [],
        "fingerprint": "f",
        "docx": "a.docx",
        "docx_sha256": "d",
        "json": "a.json",
        "json_sha256": "j",
        "problems": "a.xlsx",
        "problems_sha256": "p",
        "problem_count": 0,
        "changes": [],
    }
    assert ManifestEntry.from_json(entry).earlier_inputs == ()


def test_a_corrected_workbook_of_last_year_is_named_in_the_change_list(workspace, run):
    assert run("build", "--year", "2025").exit_code == 0
    resend_ngok_reo_2024(workspace / "inputs" / "2024" / "Ngọk Réo.xlsx", 9_000)
    (workspace / "inputs" / "2024" / "PGD.xlsx").unlink()
    result = run("build", "--year", "2025")
    assert result.exit_code == 0, result.output
    assert "Đã ghi dự thảo số 02" in result.output
    assert "  - Bảng tính năm 2024 đã sửa: Ngọk Réo.xlsx" in result.output
    assert "  - Bảng tính năm 2024 không còn: PGD.xlsx" in result.output
    entries = json.loads((workspace / OUT / "manifest.json").read_text(encoding="utf-8"))
    assert "Bảng tính năm 2024 đã sửa: Ngọk Réo.xlsx" in entries["drafts"][-1]["changes"]
