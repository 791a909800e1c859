"""The bundled sample year, built as the Quick start does and printed through LibreOffice."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportgen.cli import cli

ROOT = Path(__file__).resolve().parents[1]


def _sample_generator():
    spec = importlib.util.spec_from_file_location(
        "make_samples", ROOT / "scripts" / "make_samples.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_samples"] = module  # dataclasses look their module up while being made
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def sample_build(tmp_path_factory):
    """The sample workspace built once for 2025; returns the outputs folder."""
    work = tmp_path_factory.mktemp("sample")
    for name in ("config", "templates", "inputs"):
        shutil.copytree(ROOT / name, work / name)
    result = CliRunner().invoke(
        cli, ["build", "--year", "2025", "--workspace", str(work)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return work / "outputs" / "2025", result.output


def test_sample_figures_match_the_generator(sample_build):
    out, _ = sample_build
    data = json.loads((out / "BaoCao_2025_du-thao-01.json").read_text(encoding="utf-8"))
    expected = _sample_generator().expected_figures(2025)
    for indicator in data["indicators"]:
        want = expected[indicator["code"]]
        got = (indicator["numerator"], indicator["denominator"], indicator["met"])
        assert got == (want["numerator"], want["denominator"], want["met"]), indicator["code"]
        assert indicator["gap_units"] == want["gap_units"], indicator["code"]
    assert data["units"]["missing"] == ["XA-NGOKWANG"]


def _pdf_pages(docx: Path, tmp_path: Path) -> list[str]:
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / (docx.stem + ".pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return text.split("\f")


def _page_sizes(pdf: Path) -> list[tuple[float, float]]:
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "999", str(pdf)], check=True, capture_output=True, text=True
    ).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"size:\s+([\d.]+) x ([\d.]+)", info)]


@pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext")), reason="LibreOffice not installed"
)
def test_printed_report_follows_the_official_format(sample_build, tmp_path):
    out, _ = sample_build
    docx = out / "BaoCao_2025_du-thao-01.docx"
    pages = _pdf_pages(docx, tmp_path)
    lines = [line.strip() for line in pages[0].splitlines() if line.strip()]
    first = pages[0]
    # Each header line prints whole on one line.
    for expected in (
        "ỦY BAN NHÂN DÂN",
        "HUYỆN ĐẮK HÀ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "/BC-UBND",
        "tháng 11 năm 2025",
    ):
        assert any(expected in line for line in lines), expected
    assert re.search(r"Đắk Hà, ngày\s+tháng 11 năm 2025", first)
    assert "BÁO CÁO" in first and "Kính gửi: Sở Văn hóa, Thể thao và Du lịch tỉnh Kon Tum." in first
    # No page number on page 1; page 2 starts with "2".
    assert not re.fullmatch(r"\d+", lines[0])
    assert [line.strip() for line in pages[1].splitlines() if line.strip()][0] == "2"
    # The closing: every signature line whole, the body ends with ./.
    body = "\n".join(pages)
    for expected in ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Phạm Thị Thương"):
        assert re.search(rf"^\s*.*{re.escape(expected)}\s*$", body, re.M), expected
    assert "./." in body and "- Lưu: VT, VHTT." in body
    # Portrait A4 for the report, landscape pages for the appendix.
    sizes = _page_sizes(tmp_path / "BaoCao_2025_du-thao-01.pdf")
    assert sizes[0] == pytest.approx((595.3, 841.9), abs=1)
    assert any(w > h for w, h in sizes[1:])
