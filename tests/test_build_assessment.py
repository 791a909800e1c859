"""`reportgen build`: sections III-V from the units' Đánh giá sheets, and Biểu 7 word for word."""

from __future__ import annotations

import re
import zipfile
from datetime import date
from pathlib import Path

from docx import Document

from reportgen import vocab
from tests.unit_workbook import activity, institution, library, write_unit_workbook

YEAR = 2026  # not a review year: sections III-V are followed by nothing but the closing
STAFF = (
    "- Cán bộ phụ trách thư viện, tủ sách cơ sở chủ yếu làm việc kiêm nhiệm, chưa được bồi "
    "dưỡng chuyên sâu về nghiệp vụ thư viện và chuyển đổi số"
)
LEDGER = "Sổ theo dõi bạn đọc ở các thôn ghi chưa đầy đủ"  # fits no theme of themes.toml
# What the units wrote in their Đánh giá sheet, field by field.
TEXTS = {
    "XA-DAKLA": {
        "highlights": "Duy trì tủ sách thôn tại 5 thôn.",
        "shortcomings": "Cán bộ thư viện kiêm nhiệm",
        "proposals": "Đề nghị hỗ trợ máy tính cho thư viện xã",
    },
    "XA-DAKLONG": {"shortcomings": LEDGER + "."},
    "XA-DAKMAR": {
        "shortcomings": "cán bộ phụ trách làm việc KIÊM NHIỆM",
        "proposals": "Không có đề xuất.",
    },
    "XA-DAKUI": {"causes": "Tiếp tục.", "next_year": "x"},
    "XA-HAMON": {
        "shortcomings": "Cán bộ văn hóa xã kiem nhiem nhiều việc",
        "proposals": "Không có kiến nghị",
    },
    "XA-NGOKREO": {"shortcomings": LEDGER},
    "PGDDT": {"next_year": "Nâng cấp phần mềm quản lý thư viện các trường"},
    "TTVHTT": {"highlights": "Tổ chức Ngày Sách & Văn hóa đọc <lần thứ 5>"},
    "HKH": {"proposals": "Biểu dương, khen thưởng gia đình học tập tiêu biểu"},
}
HEADING = re.compile(r"^(?:[IVX]+|\d+)\. ")


def write_units(folder: Path, config, year: int) -> None:
    """Every unit's workbook: libraries, institutions and an activity, and its Đánh giá texts."""
    for unit in config.units:
        rows: dict = {"libraries": [], "institutions": [], "activities": []}
        if unit.code == "TTVHTT":
            rows["libraries"] = [library("Thư viện huyện", vocab.LIB_DISTRICT, True, True, 12_000)]
            rows["activities"] = [activity("Ngày hội đọc sách", 1, date(year, 4, 21), 1_350)]
        elif unit.code == "PGDDT":
            rows["libraries"] = [
                library(f"Trường Tiểu học số {i}", vocab.LIB_SCHOOL, i < 8, i < 7, 500)
                for i in range(10)
            ]
        elif unit.kind == "xa":
            rows["libraries"] = [
                library(f"Thư viện {unit.name}", vocab.LIB_COMMUNE, True, False, 1_000)
            ]
            rows["institutions"] = [
                institution(f"Nhà văn hóa thôn {i}", vocab.INST_VILLAGE_HOUSE, True, i == 0)
                for i in range(2)
            ]
            rows["activities"] = [activity("Luân chuyển sách về thôn", 2, date(year, 6, 1), 120)]
        else:
            rows["activities"] = [activity("Tuyên truyền", 1, date(year, 5, 10), 300)]
        write_unit_workbook(
            folder / f"{unit.code}.xlsx",
            unit.code,
            unit.name,
            year,
            assessment=TEXTS.get(unit.code),
            **rows,
        )


def report(workspace: Path, draft: int = 1) -> Path:
    return workspace / "outputs" / str(YEAR) / f"BaoCao_{YEAR}_du-thao-{draft:02d}.docx"


def body(docx: Path) -> list[str]:
    """The report's paragraphs up to its closing sentence."""
    paragraphs = [p.text for p in Document(str(docx)).paragraphs]
    end = next(i for i, p in enumerate(paragraphs) if p.startswith("Trên đây là báo cáo"))
    return paragraphs[:end]


def section(paragraphs: list[str], heading: str) -> list[str]:
    """The paragraphs under `heading`, up to the next numbered heading."""
    start = paragraphs.index(heading) + 1
    end = next(
        (i for i in range(start, len(paragraphs)) if HEADING.match(paragraphs[i])),
        len(paragraphs),
    )
    return [p for p in paragraphs[start:end] if p]


def opinions_table(docx: Path) -> list[list[str]]:
    """Biểu 7's rows, header first."""
    header = ["STT", "Đơn vị", "Nội dung", "Ý kiến của đơn vị"]
    table = next(
        t for t in Document(str(docx)).tables if [c.text for c in t.rows[0].cells] == header
    )
    return [[c.text for c in row.cells] for row in table.rows]


def built(workspace, run, sample_config) -> Path:
    write_units(workspace / "inputs" / str(YEAR), sample_config, YEAR)
    result = run("build", "--year", str(YEAR))
    assert result.exit_code == 0, result.output
    return report(workspace)


def test_one_shortcoming_in_three_wordings_is_one_line(workspace, run, sample_config):
    shortcomings = section(body(built(workspace, run, sample_config)), "2. Tồn tại, hạn chế")
    staff = [p for p in shortcomings if "kiêm nhiệm" in p.lower() or "kiem nhiem" in p]
    # Two units as examples, the third counted (all three are in Biểu 7, word for word).
    assert staff == [f"{STAFF} (UBND xã Đắk La, UBND xã Đắk Mar và 1 đơn vị khác)."]


def test_a_text_two_units_sent_that_fits_no_theme_is_said_once(workspace, run, sample_config):
    paragraphs = body(built(workspace, run, sample_config))
    (line,) = [p for p in paragraphs if LEDGER in p]
    assert line in section(paragraphs, "2. Tồn tại, hạn chế")
    assert line.startswith(f"- {LEDGER} (UBND xã Đắk Long")


def test_content_free_texts_stay_out_of_the_sections(workspace, run, sample_config):
    paragraphs = body(built(workspace, run, sample_config))
    assert section(paragraphs, "V. ĐỀ XUẤT, KIẾN NGHỊ") == [
        "Trên cơ sở đề xuất của các đơn vị, Ủy ban nhân dân huyện kiến nghị Sở Văn hóa, Thể thao "
        "và Du lịch tỉnh Kon Tum quan tâm, hướng dẫn, hỗ trợ:",
        "- Hỗ trợ kinh phí mua sắm máy tính, phần mềm quản lý thư viện và kết nối Internet (UBND "
        "xã Đắk La).",
        "- Khen thưởng kịp thời các tập thể, cá nhân tiêu biểu trong phong trào học tập suốt đời "
        "(Hội Khuyến học huyện).",
    ]
    # Đắk Ui's "Tiếp tục." was its only cause: nobody gave one.
    assert section(paragraphs, "3. Nguyên nhân") == ["Các đơn vị chưa nêu nguyên nhân."]
    directions = section(paragraphs, f"IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {YEAR + 1}")
    assert directions[-1] == (
        "- Đẩy mạnh ứng dụng công nghệ thông tin, phần mềm quản lý và số hóa tài liệu trong thư "
        "viện (Phòng Giáo dục và Đào tạo)."
    )
    for said in ("Không có đề xuất", "Không có kiến nghị", "Tiếp tục.", "(UBND xã Đắk Ui)"):
        assert not any(said in p for p in paragraphs), said


def test_appendix_7_has_every_text_word_for_word(workspace, run, sample_config):
    rows = opinions_table(built(workspace, run, sample_config))
    kq, th, nn, ph, kn = vocab.ASSESSMENT_LABELS  # the labels of the Đánh giá sheet
    assert rows[1:] == [  # registry order, then the sheet's order
        ["1", "UBND xã Đắk La", kq, "Duy trì tủ sách thôn tại 5 thôn."],
        ["2", "UBND xã Đắk La", th, "Cán bộ thư viện kiêm nhiệm"],
        ["3", "UBND xã Đắk La", kn, "Đề nghị hỗ trợ máy tính cho thư viện xã"],
        ["4", "UBND xã Đắk Long", th, LEDGER + "."],
        ["5", "UBND xã Đắk Mar", th, "cán bộ phụ trách làm việc KIÊM NHIỆM"],
        ["6", "UBND xã Đắk Mar", kn, "Không có đề xuất."],
        ["7", "UBND xã Đắk Ui", nn, "Tiếp tục."],
        ["8", "UBND xã Đắk Ui", ph, "x"],
        ["9", "UBND xã Hà Mòn", th, "Cán bộ văn hóa xã kiem nhiem nhiều việc"],
        ["10", "UBND xã Hà Mòn", kn, "Không có kiến nghị"],
        ["11", "UBND xã Ngọk Réo", th, LEDGER],
        ["12", "Phòng Giáo dục và Đào tạo", ph, "Nâng cấp phần mềm quản lý thư viện các trường"],
        ["13", "Trung tâm Văn hóa - Thể thao - Du lịch và Truyền thông", kq,
         "Tổ chức Ngày Sách & Văn hóa đọc <lần thứ 5>"],
        ["14", "Hội Khuyến học huyện", kn, "Biểu dương, khen thưởng gia đình học tập tiêu biểu"],
    ]  # fmt: skip
    assert (kq, th, nn, ph, kn) == (
        "Kết quả nổi bật",
        "Tồn tại, hạn chế",
        "Nguyên nhân",
        "Phương hướng năm tới",
        "Đề xuất, kiến nghị",
    )


def test_without_any_text_appendix_7_says_so(workspace, run, sample_config):
    for unit in sample_config.units:
        write_unit_workbook(
            workspace / "inputs" / str(YEAR) / f"{unit.code}.xlsx", unit.code, unit.name, YEAR
        )
    result = run("build", "--year", str(YEAR))
    assert result.exit_code == 0, result.output
    paragraphs = [p.text for p in Document(str(report(workspace))).paragraphs]
    at = paragraphs.index("Biểu 7. Ý kiến, kiến nghị của các đơn vị (nguyên văn)")
    assert paragraphs[at + 1] == "Các đơn vị không gửi ý kiến."
    assert section(body(report(workspace)), "V. ĐỀ XUẤT, KIẾN NGHỊ") == ["Không có."]


def test_themes_toml_rewords_the_report_in_a_new_draft_and_goes_into_the_archive(
    workspace, run, sample_config
):
    first = built(workspace, run, sample_config)
    themes = workspace / "config" / "themes.toml"
    text = themes.read_text(encoding="utf-8")
    old = "Cán bộ phụ trách thư viện, tủ sách cơ sở chủ yếu làm việc kiêm nhiệm"
    themes.write_text(text.replace(old, "Cán bộ thư viện cơ sở còn kiêm nhiệm", 1), "utf-8")

    result = run("build", "--year", str(YEAR))
    assert result.exit_code == 0, result.output
    assert "Đã ghi dự thảo số 02" in result.output
    shortcomings = section(body(report(workspace, 2)), "2. Tồn tại, hạn chế")
    assert any(
        p.startswith("- Cán bộ thư viện cơ sở còn kiêm nhiệm, chưa được") for p in shortcomings
    )
    assert STAFF[2:] in "\n".join(body(first))  # draft 01 keeps its wording

    refused = run("archive", "--year", str(YEAR), "--draft", "1")
    assert refused.exit_code == 1
    assert "cấu hình trong config/ đã thay đổi" in refused.output

    archived = run("archive", "--year", str(YEAR), "--draft", "2")
    assert archived.exit_code == 0, archived.output
    zip_path = workspace / "outputs" / str(YEAR) / f"LuuTru_BaoCao_{YEAR}_du-thao-02.zip"
    with zipfile.ZipFile(zip_path) as archive:
        assert archive.read("config/themes.toml") == themes.read_bytes()


def test_without_themes_toml_each_text_stands_as_written(workspace, run, sample_config):
    (workspace / "config" / "themes.toml").unlink()
    docx = built(workspace, run, sample_config)
    shortcomings = section(body(docx), "2. Tồn tại, hạn chế")
    staff = [p for p in shortcomings if "kiêm nhiệm" in p.lower() or "kiem nhiem" in p]
    assert staff == [
        "- Cán bộ thư viện kiêm nhiệm (UBND xã Đắk La).",
        "- cán bộ phụ trách làm việc KIÊM NHIỆM (UBND xã Đắk Mar).",
        "- Cán bộ văn hóa xã kiem nhiem nhiều việc (UBND xã Hà Mòn).",
    ]
    assert run("archive", "--year", str(YEAR)).exit_code == 0
    zip_path = workspace / "outputs" / str(YEAR) / f"LuuTru_BaoCao_{YEAR}_du-thao-01.zip"
    with zipfile.ZipFile(zip_path) as archive:
        config_files = sorted(n for n in archive.namelist() if n.startswith("config/"))
    assert config_files == [
        "config/phrases.toml",
        "config/plan.toml",
        "config/profile.toml",
        "config/units.toml",
    ]
