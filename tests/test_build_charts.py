"""`reportgen build` draws its charts into the report: a picture above each caption, PNG inside
the .docx, none when the profile says `charts = false`, the same bytes for the same inputs."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from reportgen.cli import cli
from tests.test_build_review import FLAT, JUMP, write_years

ROOT = Path(__file__).resolve().parents[1]
PNG = b"\x89PNG\r\n\x1a\n"
CAPTIONS = [
    "Biểu đồ 1. Kết quả các chỉ tiêu năm 2027 so với chỉ tiêu năm 2025 và năm 2030",
    "Biểu đồ 2. Số lượt người sử dụng thư viện qua các năm (tổng của các đơn vị đã báo cáo "
    "trong năm)",
]


def docx_of(workspace: Path, year: int) -> Path:
    return workspace / "outputs" / str(year) / f"BaoCao_{year}_du-thao-01.docx"


def media(docx: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(docx) as package:
        return {n: package.read(n) for n in package.namelist() if n.startswith("word/media/")}


def has_picture(paragraph) -> bool:
    return bool(paragraph._p.findall(".//" + qn("w:drawing")))


def test_each_chart_is_a_png_picture_above_its_caption(workspace, run, sample_config):
    write_years(workspace, sample_config, {2025: FLAT, 2026: FLAT, 2027: JUMP})
    result = run("build", "--year", "2027")
    assert result.exit_code == 0, result.output
    doc = Document(str(docx_of(workspace, 2027)))
    paragraphs = doc.paragraphs
    captions = [p.text for p in paragraphs if p.text.startswith("Biểu đồ")]
    assert captions == CAPTIONS
    for caption in CAPTIONS:
        at = next(i for i, p in enumerate(paragraphs) if p.text == caption)
        assert has_picture(paragraphs[at - 1]), caption
        assert paragraphs[at - 1].paragraph_format.keep_with_next  # never parted from its caption
    assert sum(map(has_picture, paragraphs)) == 2
    section = doc.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    assert len(doc.inline_shapes) == 2
    for shape in doc.inline_shapes:
        assert 0 < shape.width <= text_width  # inside the margins of the A4 page
    pictures = media(docx_of(workspace, 2027))
    assert len(pictures) == 2
    for name, data in pictures.items():
        assert name.endswith(".png") and data.startswith(PNG), name


@pytest.mark.parametrize(
    "uses",
    [{2025: FLAT, 2026: FLAT, 2027: JUMP}, {2023: FLAT, 2024: FLAT, 2025: JUMP}],
    ids=["plain-year", "review-year"],
)
def test_charts_false_leaves_every_chart_out(workspace, run, sample_config, uses):
    profile = workspace / "config" / "profile.toml"
    text = profile.read_text(encoding="utf-8")
    assert "charts = true" in text
    profile.write_text(text.replace("charts = true", "charts = false"), encoding="utf-8")
    write_years(workspace, sample_config, uses)
    year = max(uses)
    result = run("build", "--year", str(year))
    assert result.exit_code == 0, result.output
    doc = Document(str(docx_of(workspace, year)))
    assert not [p.text for p in doc.paragraphs if p.text.startswith("Biểu đồ")]
    assert not any(map(has_picture, doc.paragraphs)) and len(doc.inline_shapes) == 0
    assert media(docx_of(workspace, year)) == {}
    sentence = f"Tổng số lượt người sử dụng thư viện năm {year} đạt 27.775 lượt"
    assert any(p.text.startswith(sentence) for p in doc.paragraphs)  # the figures stay


def test_a_review_year_with_its_period_chart_is_the_same_bytes_from_two_folders(
    tmp_path, runner, sample_config
):
    reports = []
    for name in ("first", "second"):
        work = tmp_path / name
        for folder in ("config", "templates"):
            shutil.copytree(ROOT / folder, work / folder)
        write_years(work, sample_config, {2028: FLAT, 2029: FLAT, 2030: JUMP})
        result = runner.invoke(cli, ["build", "--year", "2030", "--workspace", str(work)])
        assert result.exit_code == 0, result.output
        reports.append(docx_of(work, 2030).read_bytes())
    assert reports[0] == reports[1]
    pictures = media(docx_of(tmp_path / "first", 2030))
    assert len(pictures) == 3 and all(data.startswith(PNG) for data in pictures.values())
    paragraphs = Document(str(docx_of(tmp_path / "first", 2030))).paragraphs
    assert [p.text for p in paragraphs if p.text.startswith("Biểu đồ")] == [
        "Biểu đồ 1. Kết quả các chỉ tiêu năm 2030 so với chỉ tiêu năm 2025 và năm 2030",
        CAPTIONS[1],
        "Biểu đồ 3. Các chỉ tiêu qua các năm của giai đoạn 2023 - 2030",
    ]
