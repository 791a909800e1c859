"""`reportgen build` end to end: workbooks with figures known in advance, as a clerk runs it."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from docx.oxml.ns import qn

from reportgen import vocab
from reportgen.cli import cli
from tests.unit_workbook import activity, funding_row, institution, library, write_unit_workbook

ROOT = Path(__file__).resolve().parents[1]
COMMUNES = [
    ("TT-DAKHA", "UBND thị trấn Đắk Hà"),
    ("XA-DAKHRING", "UBND xã Đắk Hring"),
    ("XA-DAKLA", "UBND xã Đắk La"),
    ("XA-DAKLONG", "UBND xã Đắk Long"),
    ("XA-DAKMAR", "UBND xã Đắk Mar"),
    ("XA-DAKNGOK", "UBND xã Đắk Ngọk"),
    ("XA-DAKPXI", "UBND xã Đắk Pxi"),
    ("XA-DAKUI", "UBND xã Đắk Ui"),
    ("XA-HAMON", "UBND xã Hà Mòn"),
]
OTHERS = [
    ("PLDTBXH", "Phòng Lao động - Thương binh và Xã hội"),
    ("PTCKH", "Phòng Tài chính - Kế hoạch"),
    ("MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam huyện và các tổ chức đoàn thể"),
    ("HKH", "Hội Khuyến học huyện"),
]

# What the year below must give, worked out by hand from data-contract §3.
EXPECTED = {
    "TV_HTSD_HUYEN": (1, 1, True, 0),
    "TV_HTSD_XA": (3, 9, True, 0),
    "TV_HTSD_GD": (7, 10, True, 0),
    "TV_CDS_HUYEN": (1, 1, True, 0),
    "TV_CDS_XA": (1, 9, True, 0),
    "TV_CDS_GD": (6, 10, False, 1),
    # Like for like: only TTVHTT and PGDDT reported in both years (12.000 + 5.000 against
    # 11.000 + 5.000); the 2025 communes and 2024's Ngọk Réo are left out of the comparison.
    "TV_LUOT_TANG": (17_000, 16_000, False, 280),
    "VH_CLB": (4, 10, False, 1),
}
PERCENTS = {
    "TV_HTSD_XA": "33,3%",
    "TV_HTSD_GD": "70,0%",
    "TV_CDS_XA": "11,1%",
    "TV_CDS_GD": "60,0%",
    "TV_LUOT_TANG": "6,3%",
    "VH_CLB": "40,0%",
}


def write_year(folder: Path, year: int) -> None:
    """15 of the 17 units; XA-NGOKREO and XA-NGOKWANG never send theirs."""
    write_unit_workbook(
        folder / "Trung tâm VHTT.xlsx",
        "TTVHTT",
        "Trung tâm Văn hóa - Thể thao - Du lịch và Truyền thông",
        year,
        libraries=[
            library("Thư viện huyện Đắk Hà", vocab.LIB_DISTRICT, True, True, 12_000, 25_000)
        ],
        activities=[activity("Ngày Sách và Văn hóa đọc Việt Nam", 1, date(year, 4, 21), 1_200)],
        funding=[funding_row("Bổ sung sách", vocab.FUND_STATE, 40_000_000)],
        assessment={"highlights": "Tổ chức thành công Ngày Sách & Văn hóa đọc <2025>."},
    )
    for i, (code, name) in enumerate(COMMUNES):
        write_unit_workbook(
            folder / f"{name}.xlsx",
            code,
            name,
            year,
            libraries=[library(f"Thư viện {name}", vocab.LIB_COMMUNE, i < 3, i == 0, 1_000)],
            institutions=[
                institution(f"Nhà văn hóa thôn {i}", vocab.INST_VILLAGE_HOUSE, i < 4, i < 4),
                *(
                    [institution(f"Trung tâm VHTT {name}", vocab.INST_COMMUNE_CENTRE, True, False)]
                    if i == 0
                    else []
                ),
            ],
            activities=[activity("Luân chuyển sách về thôn", 2, date(year, 6, 1), 100)],
            funding=[
                funding_row("Hoạt động thư viện", vocab.FUND_STATE, 5_000_000),
                funding_row("Quyên góp sách", vocab.FUND_SOCIAL, 1_500_000),
            ],
        )
    write_unit_workbook(
        folder / "PGD.xlsx",
        "PGDDT",
        "Phòng Giáo dục và Đào tạo",
        year,
        libraries=[
            library(f"Trường Tiểu học số {i}", vocab.LIB_SCHOOL, i < 7, i < 6, 500)
            for i in range(10)
        ],
    )
    for code, name in OTHERS:
        write_unit_workbook(folder / f"{code}.xlsx", code, name, year)


def write_last_year(folder: Path) -> None:
    """2024: 24.000 library uses in all; 16.000 of them from the units that report in 2025."""
    write_unit_workbook(
        folder / "TTVHTT.xlsx",
        "TTVHTT",
        "Trung tâm",
        2024,
        libraries=[library("Thư viện huyện", vocab.LIB_DISTRICT, True, False, 11_000)],
    )
    write_unit_workbook(
        folder / "PGD.xlsx",
        "PGDDT",
        "Phòng Giáo dục và Đào tạo",
        2024,
        libraries=[
            library(f"Trường Tiểu học số {i}", vocab.LIB_SCHOOL, False, False, 500)
            for i in range(10)
        ],
    )
    write_unit_workbook(
        folder / "Ngọk Réo.xlsx",
        "XA-NGOKREO",
        "UBND xã Ngọk Réo",
        2024,
        libraries=[library("Thư viện xã Ngọk Réo", vocab.LIB_COMMUNE, False, False, 8_000)],
    )


@pytest.fixture
def workspace(workspace: Path) -> Path:
    """The shared workspace with the workbooks of 2025 and of 2024 in inputs/."""
    write_year(workspace / "inputs" / "2025", 2025)
    write_last_year(workspace / "inputs" / "2024")
    return workspace


def docx_text(path: Path) -> str:
    doc = Document(path)
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def digests(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_build_gives_every_figure_known_in_advance(workspace, run):
    before = digests(workspace / "inputs")
    result = run("build", "--year", "2025")
    assert result.exit_code == 0, result.output
    out = workspace / "outputs" / "2025"
    data = json.loads((out / "BaoCao_2025_du-thao-01.json").read_text(encoding="utf-8"))
    got = {
        i["code"]: (i["numerator"], i["denominator"], i["met"], i["gap_units"])
        for i in data["indicators"]
    }
    assert got == EXPECTED
    assert data["year"] == 2025 and data["milestone"] == 2025
    assert data["units"]["missing"] == ["XA-NGOKREO", "XA-NGOKWANG"]
    assert len(data["units"]["received"]) == 15
    assert data["problems"] == []
    assert digests(workspace / "inputs") == before  # inputs untouched, byte for byte

    text = docx_text(out / "BaoCao_2025_du-thao-01.docx")
    for code, percent in PERCENTS.items():
        assert percent in text, code
    assert "3/9" in text
    assert (
        "1 đơn vị đã tổ chức 1 hoạt động tuyên truyền, phổ biến nâng cao nhận thức về học tập "
        "suốt đời, thu hút 1.200 lượt người tham gia; nhiều nhất là Trung tâm Văn hóa - Thể thao "
        "- Du lịch và Truyền thông." in text
    )
    assert "ngân sách nhà nước 85.000.000 đồng" in text  # 40 + 9 × 5 million
    assert "UBND xã Ngọk Réo" in text and "UBND xã Ngọk Wang" in text
    assert "Ngày Sách & Văn hóa đọc <2025>" in text  # escaped, not corrupting
    assert "TV_HTSD_XA" in result.output and "Chưa đạt" in result.output
    assert "Chưa gửi báo cáo (2)" in result.output


def test_every_indicator_in_the_report_matches_the_json(workspace, run):
    assert run("build", "--year", "2025").exit_code == 0
    out = workspace / "outputs" / "2025"
    data = json.loads((out / "BaoCao_2025_du-thao-01.json").read_text(encoding="utf-8"))
    rows = [
        [c.text.strip() for c in row.cells]
        for table in Document(out / "BaoCao_2025_du-thao-01.docx").tables
        for row in table.rows
    ]
    for indicator in data["indicators"]:
        verdict = "Đạt" if indicator["met"] else "Chưa đạt"
        matching = [
            r
            for r in rows
            if any(indicator["value_text"] in cell for cell in r)
            and any(cell.startswith(indicator["target_text"]) for cell in r)
            and any(cell.startswith(verdict) for cell in r)
        ]
        assert matching, indicator["code"]


def test_rebuild_with_nothing_changed_writes_nothing(workspace, run):
    assert run("build", "--year", "2025").exit_code == 0
    out = workspace / "outputs" / "2025"
    before = {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in out.iterdir() if p.is_file()}
    again = run("build", "--year", "2025")
    assert again.exit_code == 0
    assert "không tạo dự thảo mới" in again.output
    after = {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in out.iterdir() if p.is_file()}
    assert after == before


def test_a_year_with_no_workbooks_cannot_make_a_report(workspace, run):
    (workspace / "inputs" / "2019").mkdir()
    result = run("build", "--year", "2019")
    assert result.exit_code == 1
    assert "chưa thể lập báo cáo" in result.output
    assert not (workspace / "outputs" / "2019").exists()


def test_a_year_without_an_inputs_folder_fails_at_once_naming_it(workspace, run):
    result = run("build", "--year", "2031")
    assert result.exit_code == 1
    folder = (workspace / "inputs" / "2031").as_posix()
    assert f"Lỗi: Chưa có thư mục {folder}. Hãy tạo thư mục này" in result.output
    assert "các đơn vị gửi về năm 2031" in result.output
    assert "Chỉ tiêu" not in result.output and "Đã nhận" not in result.output
    assert "Traceback" not in result.output
    assert not (workspace / "outputs").exists()


def test_usage_errors_exit_2_and_help_is_vietnamese(workspace, run, runner):
    assert run("build", "--year", "hai").exit_code == 2
    assert "Năm báo cáo" in run("build", "--help").output
    assert "--workspace" in run("build", "--help").output
    assert runner.invoke(cli, ["--version"]).output.startswith("reportgen ")


def test_two_folders_at_two_times_give_identical_reports(tmp_path, runner):
    reports = []
    for name in ("first", "second"):
        work = tmp_path / name
        shutil.copytree(ROOT / "config", work / "config")
        shutil.copytree(ROOT / "templates", work / "templates")
        write_year(work / "inputs" / "2025", 2025)
        result = runner.invoke(cli, ["build", "--year", "2025", "--workspace", str(work)])
        assert result.exit_code == 0, result.output
        reports.append((work / "outputs" / "2025" / "BaoCao_2025_du-thao-01.docx").read_bytes())
    assert reports[0] == reports[1]


def test_inputs_and_outputs_may_live_outside_the_workspace(workspace, run, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("shared-drive")
    received, results = elsewhere / "nhan", elsewhere / "ket-qua"
    shutil.move(workspace / "inputs", received)
    result = run("build", "--year", "2025", "--inputs", str(received), "--outputs", str(results))
    assert result.exit_code == 0, result.output
    assert (results / "2025" / "BaoCao_2025_du-thao-01.docx").is_file()
    assert "TV_LUOT_TANG" in result.output and "6,3%" in result.output  # 2024 read from there too
    assert not (workspace / "outputs").exists()


def test_a_bad_workbook_sent_again_under_another_name_changes_nothing(workspace, run):
    sent = workspace / "inputs" / "2025" / "UBND xã Đắk La.xlsx"
    book = openpyxl.load_workbook(sent)
    book[vocab.SHEET_LIBRARIES]["D2"] = "chưa rõ"
    book.save(sent)
    assert run("build", "--year", "2025").exit_code == 0
    out = workspace / "outputs" / "2025"
    listed = openpyxl.load_workbook(out / "BaoCao_2025_du-thao-01_van-de.xlsx").active
    header = [c.value for c in listed[3]]
    row = dict(zip(header, (c.value for c in listed[4]), strict=True))
    assert (row["Tệp"], row["Ô"], row["Loại vấn đề"], row["Mã"]) == (
        "UBND xã Đắk La.xlsx",
        "D2",
        "Không phải Có/Không",
        "cell-not-yes-no",
    )

    sent.rename(sent.with_name("Đắk La gửi lại.xlsx"))
    again = run("build", "--year", "2025")
    assert again.exit_code == 0, again.output
    assert "Đã ghi dự thảo số 02" in again.output  # the inputs differ: a new draft
    assert "Thay đổi so với dự thảo trước" not in again.output
    problems = json.loads((out / "BaoCao_2025_du-thao-02.json").read_text("utf-8"))["problems"]
    assert [(p["file"], p["cell"], p["code"]) for p in problems] == [
        ("Đắk La gửi lại.xlsx", "D2", "cell-not-yes-no")
    ]
    compared = run("diff", "1", "2", "--year", "2025")
    assert "Không có thay đổi nào về số liệu giữa dự thảo 01 và dự thảo 02." in compared.output
    assert "số liệu không đổi so với dự thảo trước" in run("history", "--year", "2025").output


def test_a_corrected_workbook_makes_a_new_draft_and_keeps_the_old(workspace, run):
    assert run("build", "--year", "2025").exit_code == 0
    out = workspace / "outputs" / "2025"
    first = {p.name: p.read_bytes() for p in out.glob("BaoCao_2025_du-thao-01*")}
    # Đắk Mar's library now serves lifelong learning: 4/9 communes instead of 3/9.
    corrected = workspace / "inputs" / "2025" / "UBND xã Đắk Mar.xlsx"
    write_unit_workbook(
        corrected,
        "XA-DAKMAR",
        "UBND xã Đắk Mar",
        2025,
        libraries=[library("Thư viện xã Đắk Mar", vocab.LIB_COMMUNE, True, False, 1_000)],
        institutions=[institution("Nhà văn hóa thôn 4", vocab.INST_VILLAGE_HOUSE, False, False)],
        activities=[activity("Luân chuyển sách về thôn", 2, date(2025, 6, 1), 100)],
        funding=[
            funding_row("Hoạt động thư viện", vocab.FUND_STATE, 5_000_000),
            funding_row("Quyên góp sách", vocab.FUND_SOCIAL, 1_500_000),
        ],
        made_on=date(2025, 11, 7),
    )
    result = run("build", "--year", "2025")
    assert result.exit_code == 0
    assert "Đã ghi dự thảo số 02" in result.output
    assert (
        "Thư viện công cộng cấp xã cung cấp dịch vụ phục vụ học tập suốt đời: 3/9 (33,3%) → "
        "4/9 (44,4%)" in result.output
    )
    assert {p.name: p.read_bytes() for p in out.glob("BaoCao_2025_du-thao-01*")} == first
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    digest = hashlib.sha256(corrected.read_bytes()).hexdigest()
    latest = manifest["drafts"][-1]
    assert any(f["sha256"] == digest and f["unit"] == "XA-DAKMAR" for f in latest["inputs"])
    history = run("history", "--year", "2025")
    assert history.exit_code == 0 and "02" in history.output


def test_appendix_tables_repeat_headers_and_never_split_a_row(workspace, run):
    assert run("build", "--year", "2025").exit_code == 0
    doc = Document(workspace / "outputs" / "2025" / "BaoCao_2025_du-thao-01.docx")
    grids = [t for t in doc.tables if t.rows[0].cells[0].text.strip() == "STT"]
    assert len(grids) >= 5
    for table in grids:
        header = table.rows[0]._tr.trPr
        assert header is not None and header.find(qn("w:tblHeader")) is not None
        for row in table.rows:
            assert row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None


def test_profile_edits_reach_the_header(workspace, run):
    profile = workspace / "config" / "profile.toml"
    text = profile.read_text(encoding="utf-8")
    text = text.replace("superior_body = []", 'superior_body = ["Ủy ban nhân dân", "huyện Đắk Hà"]')
    text = text.replace(
        'issuing_body = ["ỦY BAN NHÂN DÂN", "HUYỆN ĐẮK HÀ"]',
        'issuing_body = ["PHÒNG VĂN HÓA", "VÀ THÔNG TIN"]',
    )
    text = text.replace('document_number = ""', "document_number = 5")
    text = text.replace('document_date = ""', 'document_date = "2025-11-05"')
    profile.write_text(text, encoding="utf-8")
    assert run("build", "--year", "2025").exit_code == 0
    doc = Document(workspace / "outputs" / "2025" / "BaoCao_2025_du-thao-01.docx")
    header = doc.tables[0]
    left = [p for p in header.cell(0, 0).paragraphs if p.text.strip()]
    assert [p.text for p in left] == [
        "ỦY BAN NHÂN DÂN",
        "HUYỆN ĐẮK HÀ",
        "PHÒNG VĂN HÓA",
        "VÀ THÔNG TIN",
    ]
    assert not any(r.bold for p in left[:2] for r in p.runs)  # the superior body is not bold
    assert all(r.bold for p in left[2:] for r in p.runs if r.text.strip())
    assert header.cell(1, 0).text.strip() == "Số: 05/BC-UBND"
    assert header.cell(1, 1).text.strip() == "Đắk Hà, ngày 05 tháng 11 năm 2025"


def test_school_libraries_appendix_totals(workspace, run):
    assert run("build", "--year", "2025").exit_code == 0
    doc = Document(workspace / "outputs" / "2025" / "BaoCao_2025_du-thao-01.docx")
    table = next(t for t in doc.tables if t.rows[0].cells[1].text == "Tên thư viện")
    header = [c.text for c in table.rows[0].cells]
    total = dict(zip(header, (c.text for c in table.rows[-1].cells), strict=True))
    assert total["Tên thư viện"] == "Tổng cộng"
    assert (total["Phục vụ HTSĐ"], total["Lượt người sử dụng"]) == ("7", "5.000")
    assert total["Số bản sách"] == ""  # no school gave its book count: blank, not 0
    assert len(table.rows) == 1 + 10 + 1


@pytest.mark.parametrize("umask", [0o022, 0o077], ids=["umask-022", "umask-077"])
def test_outputs_are_created_as_the_clerks_umask_says(workspace, run, umask):
    previous = os.umask(umask)
    try:
        result = run("build", "--year", "2025")
    finally:
        os.umask(previous)
    assert result.exit_code == 0, result.output
    written = [p for p in (workspace / "outputs").rglob("*") if p.is_file()]
    assert {p.name for p in written} >= {f"BaoCao_2025_du-thao-01{s}" for s in (".docx", ".json")}
    # 0666 less the umask, as Word or Excel would make them: colleagues on a shared folder can
    # read the report (mkstemp's 0600 would hide it from them).
    assert {p.name: stat.S_IMODE(p.stat().st_mode) for p in written} == {
        p.name: 0o666 & ~umask for p in written
    }
