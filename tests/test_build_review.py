"""`reportgen build` in the plan's review years: growth judged on the period's average."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document

from reportgen import vocab
from tests.unit_workbook import institution, library, write_unit_workbook

GROWTH = "Tăng số lượt người sử dụng thư viện so với năm trước"
# Library uses of the whole district: flat for two years, then 11,1% up in one year, which is
# 5,4% a year on average over the two years (27.775 = 25.000 × 1,111 = 25.000 × 1,054²).
FLAT, JUMP = 25_000, 27_775
SCHOOLS, COMMUNE = 10 * 400, 200  # the schools' uses and each commune's; the rest is the district's


def write_year(folder: Path, config, year: int, uses: int) -> None:
    """Every unit's workbook, every target of 2030 met, `uses` library uses in all."""
    communes = [u for u in config.units if u.kind == "xa"]
    for unit in config.units:
        rows: dict = {"libraries": [], "institutions": []}
        if unit.code == "TTVHTT":
            district = uses - SCHOOLS - COMMUNE * len(communes)
            rows["libraries"] = [
                library("Thư viện huyện", vocab.LIB_DISTRICT, True, True, district)
            ]
        elif unit.code == "PGDDT":
            rows["libraries"] = [
                library(f"Trường Tiểu học số {i}", vocab.LIB_SCHOOL, i < 8, i < 8, 400)
                for i in range(10)
            ]
        elif unit.kind == "xa":
            rows["libraries"] = [
                library(f"Thư viện {unit.name}", vocab.LIB_COMMUNE, True, True, COMMUNE)
            ]
            rows["institutions"] = [
                institution(f"Nhà văn hóa thôn {i}", vocab.INST_VILLAGE_HOUSE, True, i < 3)
                for i in range(4)
            ]
        write_unit_workbook(folder / f"{unit.code}.xlsx", unit.code, unit.name, year, **rows)


def write_years(workspace: Path, config, uses: dict[int, int]) -> None:
    for year, total in uses.items():
        write_year(workspace / "inputs" / str(year), config, year, total)


def outputs(workspace: Path, year: int):
    """The draft's JSON, its paragraphs, and the indicator table's growth row."""
    out = workspace / "outputs" / str(year)
    data = json.loads((out / f"BaoCao_{year}_du-thao-01.json").read_text(encoding="utf-8"))
    doc = Document(str(out / f"BaoCao_{year}_du-thao-01.docx"))
    table = next(t for t in doc.tables if t.rows[0].cells[-1].text == "Đánh giá")
    row = next([c.text for c in r.cells] for r in table.rows if r.cells[1].text == GROWTH)
    return data, [p.text for p in doc.paragraphs], row


CASES = {
    "final-2030": (
        {2028: FLAT, 2029: FLAT, 2030: JUMP},
        ["8 - 10%/năm", "bình quân tăng 5,4%/năm", "Chưa đạt"],
        "Tổng số lượt người sử dụng thư viện năm 2030 đạt 27.775 lượt, tăng 11,1% so với năm 2029 "
        "(25.000 lượt); bình quân giai đoạn 2028 - 2030 tăng 5,4%/năm, chưa đạt chỉ tiêu tăng "
        "bình quân 8 - 10%/năm.",
        "  TV_LUOT_TANG   bình quân tăng 5,4%/năm; kế hoạch 8 - 10%: Chưa đạt",
        (True, False, 2028),
    ),
    "midterm-2025": (
        {2023: FLAT, 2024: FLAT, 2025: JUMP},
        ["8%/năm", "bình quân tăng 5,4%/năm", "Chưa đạt"],
        "Tổng số lượt người sử dụng thư viện năm 2025 đạt 27.775 lượt, tăng 11,1% so với năm 2024 "
        "(25.000 lượt); bình quân giai đoạn 2023 - 2025 tăng 5,4%/năm, chưa đạt chỉ tiêu tăng "
        "bình quân 8%/năm.",
        "  TV_LUOT_TANG   bình quân tăng 5,4%/năm; kế hoạch 8%: Chưa đạt",
        (True, False, 2023),
    ),
    "midterm-2025-without-an-earlier-year": (  # no average to judge on: the year it is
        {2024: FLAT, 2025: JUMP},
        ["8%/năm", "tăng 11,1%", "Đạt"],
        "Tổng số lượt người sử dụng thư viện năm 2025 đạt 27.775 lượt, tăng 11,1% so với năm 2024 "
        "(25.000 lượt), đạt chỉ tiêu tăng bình quân 8%/năm.",
        "  TV_LUOT_TANG   11,1%; kế hoạch 8%: Đạt",
        (False, True, None),
    ),
    "between-reviews-2027": (  # the average is said, but the year is judged
        {2025: FLAT, 2026: FLAT, 2027: JUMP},
        ["8 - 10%/năm", "tăng 11,1%", "Đạt"],
        "Tổng số lượt người sử dụng thư viện năm 2027 đạt 27.775 lượt, tăng 11,1% so với năm 2026 "
        "(25.000 lượt), đạt chỉ tiêu tăng bình quân 8 - 10%/năm; bình quân giai đoạn 2025 - 2027 "
        "tăng 5,4%/năm (mốc năm 2030).",
        "  TV_LUOT_TANG   11,1%; kế hoạch 8 - 10%: Đạt",
        (False, True, 2025),
    ),
}


@pytest.mark.parametrize(
    ("uses", "cells", "sentence", "screen", "judged"), CASES.values(), ids=list(CASES)
)
def test_a_review_year_judges_growth_on_the_periods_average(
    workspace, run, sample_config, uses, cells, sentence, screen, judged
):
    write_years(workspace, sample_config, uses)
    year = max(uses)
    result = run("build", "--year", str(year))
    assert result.exit_code == 0, result.output
    assert screen in result.output.splitlines()
    data, paragraphs, row = outputs(workspace, year)
    assert row[2:] == cells
    assert sentence in paragraphs
    growth = next(i for i in data["indicators"] if i["code"] == "TV_LUOT_TANG")
    on_average, met, since = judged
    assert (growth["judged_on_average"], growth["met"], growth["average_since"]) == judged
    assert growth["value_text"] == (cells[1] if on_average else "11,1%")
    assert growth["value"] == pytest.approx(0.111)  # the year's own growth is kept
    if since is not None:
        assert growth["average_growth"] == pytest.approx(0.054, abs=5e-4)


def test_the_final_report_turns_to_the_next_phase_and_never_to_2031(workspace, run, sample_config):
    write_years(workspace, sample_config, {2028: FLAT, 2029: FLAT, 2030: JUMP})
    result = run("build", "--year", "2030")
    assert result.exit_code == 0, result.output
    _, paragraphs, _ = outputs(workspace, 2030)
    heading = paragraphs.index("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ GIAI ĐOẠN TIẾP THEO")
    assert paragraphs[heading + 1 : paragraphs.index("V. ĐỀ XUẤT, KIẾN NGHỊ")] == [
        "- Tiếp tục thực hiện chỉ tiêu “Tăng số lượt người sử dụng thư viện so với năm trước” "
        "(bình quân tăng 5,4%/năm, chỉ tiêu 8 - 10%/năm) trong giai đoạn tiếp theo.",
        "- Tham mưu xây dựng Kế hoạch thực hiện Chương trình giai đoạn tiếp theo trên cơ sở kết "
        "quả tổng kết giai đoạn 2023 - 2030.",
    ]  # every other target is met: nothing else to carry on
    assert (
        "Còn 1/8 chỉ tiêu chưa đạt so với mốc năm 2030; khoảng cách lớn nhất ở chỉ tiêu “Tăng số "
        "lượt người sử dụng thư viện so với năm trước” (bình quân tăng 5,4%/năm, chỉ tiêu 8 - "
        "10%/năm)." in paragraphs
    )
    doc = Document(str(workspace / "outputs" / "2030" / "BaoCao_2030_du-thao-01.docx"))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    assert not [text for text in paragraphs + cells if "2031" in text]
    assert "2031" not in result.output


def test_the_period_table_gives_only_years_with_data_and_names_the_others(
    workspace, run, sample_config
):
    write_years(workspace, sample_config, {2028: FLAT, 2029: FLAT, 2030: JUMP})
    assert run("build", "--year", "2030").exit_code == 0
    _, paragraphs, _ = outputs(workspace, 2030)
    assert (
        "Qua từng năm của giai đoạn 2023 - 2030, các chỉ tiêu và số liệu tổng hợp như sau (số "
        "liệu mỗi năm gồm các đơn vị đã báo cáo năm đó). Năm 2023, 2024, 2025, 2026, 2027 chưa "
        "có báo cáo số liệu của các đơn vị." in paragraphs
    )
    doc = Document(str(workspace / "outputs" / "2030" / "BaoCao_2030_du-thao-01.docx"))
    period = next(t for t in doc.tables if t.rows[0].cells[-2].text == "Kết quả qua các năm")
    growth = next(r for r in period.rows if r.cells[1].text == GROWTH)
    assert growth.cells[2].text.splitlines() == [
        "2028: chưa đủ số liệu",
        "2029: tăng 0,0%",
        "2030: bình quân tăng 5,4%/năm",
    ]
    totals = next(t for t in doc.tables if t.rows[0].cells[0].text == "Năm")
    years = [[c.text for c in r.cells][:3] for r in totals.rows[1:]]
    assert years[0] == ["2023", "chưa có số liệu", "chưa có số liệu"]  # said, never a 0
    assert years[-2] == ["2030", "17/17", "27.775"]
