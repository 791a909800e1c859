"""`reportgen build` says what its figures cover: which units, which rows, which years compared."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from docx import Document

from reportgen import vocab
from tests.unit_workbook import activity, funding_row, institution, library, write_unit_workbook

REPORT = "BaoCao_2025_du-thao-01"
FOUR = ("TTVHTT", "PGDDT", "TT-DAKHA", "XA-DAKLA")
# Each unit's libraries serve 10% more readers in 2025 than in 2024.
USES = {
    2024: {"district": 10_000, "school": 500, "commune": 1_000},
    2025: {"district": 11_000, "school": 550, "commune": 1_100},
}
BAD_ROWS = {
    # Đắk La sends a second row with a cell that cannot be read: the row is left out.
    "library-row": (
        "libraries",
        ["Tủ sách thôn 3", vocab.LIB_COMMUNE, "Có", "Có", "nhiều", None, ""],
        "không tính 1 dòng số liệu thư viện không hợp lệ",
        vocab.SHEET_LIBRARIES,
    ),
    "institution-row": (
        "institutions",
        ["Nhà văn hóa thôn 9", vocab.INST_VILLAGE_HOUSE, "chưa rõ", "Có", 1, ""],
        "không tính 1 dòng số liệu thiết chế văn hóa không hợp lệ",
        vocab.SHEET_INSTITUTIONS,
    ),
}


def write_year(folder, config, year, codes=None, extra=None, uses=None):
    """The workbooks of `codes` (every unit when None) for one year, as the units fill them."""
    communes = [u.code for u in config.units if u.kind == "xa"]
    for unit in config.units:
        if codes is not None and unit.code not in codes:
            continue
        rows = {"libraries": [], "institutions": [], "activities": [], "funding": []}
        per_kind = USES[year]
        if unit.code == "TTVHTT":
            rows["libraries"] = [
                library("Thư viện huyện", vocab.LIB_DISTRICT, True, True, per_kind["district"])
            ]
            rows["activities"] = [activity("Ngày Sách", 1, date(year, 4, 21), 800)]
        elif unit.code == "PGDDT":
            rows["libraries"] = [
                library(f"Trường số {i}", vocab.LIB_SCHOOL, i < 8, i < 7, per_kind["school"])
                for i in range(10)
            ]
        elif unit.kind == "xa":
            i = communes.index(unit.code)
            commune = (uses or {}).get(unit.code, per_kind["commune"])
            serves, active = i % 3 == 0, i % 3 == 0
            rows["libraries"] = [
                library(f"Thư viện {unit.name}", vocab.LIB_COMMUNE, serves, i % 4 == 0, commune)
            ]
            rows["institutions"] = [
                institution(f"Thôn 1 {unit.name}", vocab.INST_VILLAGE_HOUSE, True, True),
                institution(f"Thôn 2 {unit.name}", vocab.INST_VILLAGE_HOUSE, active, active),
            ]
            rows["funding"] = [funding_row("Hoạt động thư viện", vocab.FUND_STATE, 5_000_000)]
        else:
            rows["activities"] = [activity("Tuyên truyền", 1, date(year, 5, 10), 100)]
        for key, row in (extra or {}).get(unit.code, []):
            rows[key].append(row)
        write_unit_workbook(folder / f"{unit.code}.xlsx", unit.code, unit.name, year, **rows)


def built(workspace: Path):
    """The draft's JSON and the docx's paragraphs and tables."""
    out = workspace / "outputs" / "2025"
    data = json.loads((out / f"{REPORT}.json").read_text(encoding="utf-8"))
    doc = Document(out / f"{REPORT}.docx")
    return data, [p.text for p in doc.paragraphs], doc.tables


def table_headed(tables, header):
    """The table whose header row reads `header`."""
    return next(t for t in tables if [c.text for c in t.rows[0].cells] == header)


def shares(data):
    """Indicators counted over more than one library or institution, with a value."""
    return [
        i
        for i in data["indicators"]
        if i["code"] != "TV_LUOT_TANG" and i["value"] is not None and i["denominator"] > 1
    ]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# Units reported ---------------------------------------------------------------------------


def test_four_of_seventeen_units_is_said_everywhere(workspace, run, sample_config):
    write_year(workspace / "inputs" / "2025", sample_config, 2025, FOUR)
    result = run("build", "--year", "2025")
    assert result.exit_code == 0, result.output
    assert "Lưu ý: số liệu mới gồm 4/17 đơn vị" in result.output
    data, paragraphs, _ = built(workspace)
    assert data["coverage"] == {
        "expected": 17,
        "received": 4,
        "complete": False,
        "min_coverage": None,
        "left_out_rows": {},
    }
    (intro,) = [p for p in paragraphs if p.startswith("Kết quả thực hiện các chỉ tiêu")]
    assert intro.startswith(
        "Kết quả thực hiện các chỉ tiêu của Kế hoạch so với mốc năm 2025 (số liệu tổng hợp từ "
        "4/17 đơn vị; chưa có số liệu của UBND xã Đắk Hring, UBND xã Đắk Long,"
    )
    assert "Hội Khuyến học huyện):" in intro and "UBND xã Đắk La" not in intro
    assert len(shares(data)) == 5
    for indicator in shares(data):
        start = f"Trong số các đơn vị đã báo cáo, có {indicator['numerator']}/"
        assert any(p.startswith(start) and indicator["value_text"] in p for p in paragraphs), (
            indicator["code"]
        )
    assert not any(p.startswith("Toàn huyện có") for p in paragraphs)


def test_every_unit_in_gives_the_whole_district(workspace, run, sample_config):
    write_year(workspace / "inputs" / "2025", sample_config, 2025)
    result = run("build", "--year", "2025")
    assert result.exit_code == 0, result.output
    assert "Lưu ý: số liệu mới gồm" not in result.output
    data, paragraphs, _ = built(workspace)
    assert data["coverage"]["complete"] is True and data["coverage"]["received"] == 17
    assert "Kết quả thực hiện các chỉ tiêu của Kế hoạch so với mốc năm 2025:" in paragraphs
    assert not any("số liệu tổng hợp từ" in p for p in paragraphs)
    for indicator in shares(data):
        start = f"Toàn huyện có {indicator['numerator']}/{indicator['denominator']} "
        assert any(p.startswith(start) for p in paragraphs), indicator["code"]
    assert not any(p.startswith("Trong số các đơn vị đã báo cáo") for p in paragraphs)


@pytest.mark.parametrize("kind", BAD_ROWS, ids=list(BAD_ROWS))
def test_a_row_left_out_for_a_bad_cell_is_counted(workspace, run, sample_config, kind):
    key, row, note, sheet = BAD_ROWS[kind]
    write_year(workspace / "inputs" / "2025", sample_config, 2025, extra={"XA-DAKLA": [(key, row)]})
    result = run("build", "--year", "2025")
    assert result.exit_code == 0, result.output
    data, paragraphs, tables = built(workspace)
    assert data["coverage"]["left_out_rows"] == {sheet: 1}
    assert (
        "Kết quả thực hiện các chỉ tiêu của Kế hoạch so với mốc năm 2025 "
        f"({note}, chi tiết tại Biểu 6 của Phụ lục):" in paragraphs
    )
    counts = {i["code"]: i["denominator"] for i in data["indicators"]}
    assert (counts["TV_HTSD_XA"], counts["VH_CLB"]) == (11, 22)  # the bad row is not counted
    problems = table_headed(tables, ["STT", "Đơn vị", "Vị trí (tệp › sheet › ô)", "Lý do"])
    assert [c.text for c in problems.rows[1].cells][1] == "UBND xã Đắk La"


# Too few units to judge --------------------------------------------------------------------


def test_below_min_coverage_nothing_is_judged(workspace, run, sample_config):
    edit(workspace / "config" / "plan.toml", '# min_coverage = "80%"', 'min_coverage = "80%"')
    write_year(workspace / "inputs" / "2025", sample_config, 2025, FOUR)
    result = run("build", "--year", "2025")
    assert result.exit_code == 0, result.output
    data, paragraphs, tables = built(workspace)
    valued = [i for i in data["indicators"] if i["value"] is not None]
    assert len(valued) == 7  # every one but the growth, which has no 2024 to compare with
    for indicator in valued:
        assert (indicator["met"], indicator["status"]) == (None, "low_coverage"), indicator["code"]
    assert data["coverage"]["min_coverage"] == 0.8
    table = table_headed(tables, ["STT", "Chỉ tiêu", "Kế hoạch năm 2025", "Kết quả", "Đánh giá"])
    verdicts = {row.cells[1].text: row.cells[-1].text for row in table.rows[1:]}
    for indicator in valued:
        assert verdicts[indicator["name"]] == "Chưa đủ số liệu để đánh giá", indicator["code"]
    unjudged = "chưa đủ số liệu để đánh giá vì mới có 4/17 đơn vị gửi báo cáo so với chỉ tiêu"
    assert sum(unjudged in p for p in paragraphs) == 7
    assert not any("chỉ tiêu đạt so với mốc" in p for p in paragraphs)
    assert "TV_CDS_GD" in result.output and "Chưa đủ số liệu để đánh giá" in result.output


# Growth of library uses, like for like ------------------------------------------------------


def _one_unit_each_side(workspace, config):
    # Đắk La did not report in 2024, Ngọk Réo (with a large library that year) not in 2025.
    write_year(workspace / "inputs" / "2025", config, 2025, _all_but(config, "XA-NGOKREO"))
    write_year(
        workspace / "inputs" / "2024",
        config,
        2024,
        _all_but(config, "XA-DAKLA"),
        uses={"XA-NGOKREO": 9_000},
    )


def _baseline_from_the_plan(workspace, config):
    write_year(workspace / "inputs" / "2025", config, 2025)
    edit(workspace / "config" / "plan.toml", "library_uses = {}", "library_uses = { 2024 = 25000 }")


def _every_unit_both_years(workspace, config):
    write_year(workspace / "inputs" / "2025", config, 2025)
    write_year(workspace / "inputs" / "2024", config, 2024)


def _all_but(config, code):
    return tuple(u.code for u in config.units if u.code != code)


COMPARISONS = {
    "one-unit-each-side": (
        _one_unit_each_side,
        # 2025: 11.000 + 5.500 + 10 × 1.100 = 27.500, without Đắk La 26.400;
        # 2024: 10.000 + 5.000 + 9 × 1.000 + 9.000 = 33.000, without Ngọk Réo 24.000.
        "Tổng số lượt người sử dụng thư viện năm 2025 của 16 đơn vị đã báo cáo đạt 27.500 lượt, "
        "so sánh trên 15 đơn vị có số liệu cả hai năm, tăng 10,0% so với năm 2024 (từ 24.000 lên "
        "26.400 lượt; không tính UBND xã Ngọk Réo, chưa có số liệu năm 2025; UBND xã Đắk La, "
        "không có số liệu năm 2024), đạt chỉ tiêu tăng bình quân 8%/năm.",
        {
            "earlier_year": 2024,
            "current": 26_400,
            "earlier": 24_000,
            "current_total": 27_500,
            "earlier_total": 33_000,
            "baseline": False,
            "left_out": {"only_current_year": ["XA-DAKLA"], "only_earlier_year": ["XA-NGOKREO"]},
        },
    ),
    "baseline-from-the-plan": (
        _baseline_from_the_plan,
        "Tổng số lượt người sử dụng thư viện năm 2025 đạt 28.600 lượt, tăng 14,4% so với năm "
        "2024 (25.000 lượt, số liệu năm gốc của Kế hoạch), đạt chỉ tiêu tăng bình quân 8%/năm.",
        {
            "earlier_year": 2024,
            "current": 28_600,
            "earlier": 25_000,
            "current_total": 28_600,
            "earlier_total": 25_000,
            "baseline": True,
            "left_out": {"only_current_year": [], "only_earlier_year": []},
        },
    ),
    "every-unit-both-years": (
        _every_unit_both_years,
        "Tổng số lượt người sử dụng thư viện năm 2025 đạt 28.600 lượt, tăng 10,0% so với năm "
        "2024 (26.000 lượt), đạt chỉ tiêu tăng bình quân 8%/năm.",
        {
            "earlier_year": 2024,
            "current": 28_600,
            "earlier": 26_000,
            "current_total": 28_600,
            "earlier_total": 26_000,
            "baseline": False,
            "left_out": {"only_current_year": [], "only_earlier_year": []},
        },
    ),
}


@pytest.mark.parametrize("case", COMPARISONS, ids=list(COMPARISONS))
def test_growth_says_what_it_compares(workspace, run, sample_config, case):
    setup, sentence, comparison = COMPARISONS[case]
    setup(workspace, sample_config)
    result = run("build", "--year", "2025")
    assert result.exit_code == 0, result.output
    data, paragraphs, _ = built(workspace)
    assert sentence in paragraphs
    growth = next(i for i in data["indicators"] if i["code"] == "TV_LUOT_TANG")
    got = {key: value for key, value in growth["comparison"].items() if key != "units"}
    assert got == comparison
    assert (growth["numerator"], growth["denominator"]) == (
        comparison["current"],
        comparison["earlier"],
    )
    compared = "(so sánh 15 đơn vị có số liệu cả năm 2024 và năm 2025; không tính UBND xã Đắk La"
    assert (compared in result.output) is (case == "one-unit-each-side")


def test_screen_names_every_unit_the_comparison_leaves_out(workspace, run, sample_config):
    _one_unit_each_side(workspace, sample_config)
    result = run("build", "--year", "2025")
    assert result.exit_code == 0, result.output
    (line,) = [line for line in result.output.splitlines() if "(so sánh 15 đơn vị" in line]
    assert "UBND xã Đắk La" in line and "UBND xã Ngọk Réo" in line
