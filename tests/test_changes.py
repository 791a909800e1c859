"""What changed between two drafts, in the report's own formatting."""

from __future__ import annotations

from dataclasses import fields

import pytest

from reportgen.changes import UNIT_FIGURES, describe_changes
from reportgen.models import UnitFigures


def indicator(
    code: str, text: str, met: bool | None, value: float | None = 0.5, status: str = "ok"
) -> dict:
    return {"code": code, "value": value, "value_text": text, "met": met, "status": status}


def problem(
    cell: str,
    message: str = "Số lượt không phải là số",
    *,
    code: str = "cell-not-number",
    file: str = "Đắk La.xlsx",
) -> dict:
    return {
        "file": file,
        "sheet": "Thư viện",
        "cell": cell,
        "severity": "error",
        "code": code,
        "message": message,
        "unit": "XA-DAKLA",
    }


def figures(indicators=(), received=(), problems=()) -> dict:
    return {
        "indicators": list(indicators),
        "units": {"expected": [], "received": list(received), "missing": []},
        "unit_names": {"XA-NGOKWANG": "UBND xã Ngọk Wang", "XA-DAKLA": "UBND xã Đắk La"},
        "problems": list(problems),
    }


def test_identical_figures_have_no_changes():
    same = figures([indicator("TV_HTSD_XA", "33,3%", True)], ["XA-DAKLA"], [problem("D2")])
    assert describe_changes(same, same) == ()


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        (
            indicator("TV_HTSD_XA", "33,3%", True),
            indicator("TV_HTSD_XA", "44,4%", True),
            "TV_HTSD_XA: 33,3% → 44,4%",
        ),
        (
            indicator("TV_CDS_GD", "10,0%", False),
            indicator("TV_CDS_GD", "10,0%", True),
            "TV_CDS_GD: Chưa đạt → Đạt",
        ),
        (
            indicator("TV_CDS_GD", "10,0%", False),
            indicator("TV_CDS_GD", "25,0%", True),
            "TV_CDS_GD: 10,0% → 25,0%; Chưa đạt → Đạt",
        ),
        (
            indicator("TC_XA", "không có số liệu", None, None, "no_data"),
            indicator("TC_XA", "50,0%", True),
            "TC_XA: không có số liệu → 50,0%; Không có số liệu → Đạt",
        ),
        (
            indicator("TV_LUOT_TANG", "chưa đủ số liệu", None, None, "insufficient"),
            indicator("TV_LUOT_TANG", "8,3%", True),
            "TV_LUOT_TANG: chưa đủ số liệu → 8,3%; Chưa đủ số liệu → Đạt",
        ),
        (
            indicator("TC_XA", "50,0%", True),
            indicator("TC_XA", "không có số liệu", None, None, "no_data"),
            "TC_XA: 50,0% → không có số liệu; Đạt → Không có số liệu",
        ),
    ],
    ids=["value", "status", "both", "from-no-data", "from-insufficient", "to-no-data"],
)
def test_indicator_change_is_old_arrow_new(old, new, line):
    assert describe_changes(figures([old]), figures([new])) == (line,)


def test_value_text_is_derived_from_value_when_absent():
    old = {"code": "TV_HTSD_XA", "value": 0.3333, "met": True}
    new = {"code": "TV_HTSD_XA", "value": 0.4444, "met": True}
    assert describe_changes(figures([old]), figures([new])) == ("TV_HTSD_XA: 33,3% → 44,4%",)


def test_units_that_arrived_or_disappeared_are_named():
    lines = describe_changes(figures(received=["XA-DAKLA"]), figures(received=["XA-NGOKWANG"]))
    assert lines == (
        "Đơn vị mới gửi: UBND xã Ngọk Wang",
        "Đơn vị không còn trong báo cáo: UBND xã Đắk La",
    )


def test_problems_fixed_and_new_name_the_cell():
    lines = describe_changes(figures(problems=[problem("D2")]), figures(problems=[problem("E7")]))
    assert lines == (
        "Đã sửa: Đắk La.xlsx › Thư viện › D2: Số lượt không phải là số",
        "Vấn đề mới: Đắk La.xlsx › Thư viện › E7: Số lượt không phải là số",
    )


@pytest.mark.parametrize(
    "resent",
    [
        problem("D2", file="Đắk La (gửi lại).xlsx"),
        problem("D2", '"nhiều" không phải là số', file="Đắk La (gửi lại).xlsx"),
    ],
    ids=["renamed-file", "renamed-file-reworded"],
)
def test_the_same_problem_sent_again_under_another_file_name_is_no_change(resent):
    # The same unit, sheet, cell and kind of problem: not fixed, not new.
    assert describe_changes(figures(problems=[problem("D2")]), figures(problems=[resent])) == ()


def test_another_kind_of_problem_in_the_same_cell_is_a_change():
    old = problem("D2")
    new = problem("D2", "ô trống — cần ghi số lượt, ghi 0 nếu không có", code="cell-empty")
    assert describe_changes(figures(problems=[old]), figures(problems=[new])) == (
        "Đã sửa: Đắk La.xlsx › Thư viện › D2: Số lượt không phải là số",
        "Vấn đề mới: Đắk La.xlsx › Thư viện › D2: ô trống — cần ghi số lượt, ghi 0 nếu không có",
    )


def test_drafts_written_before_problem_codes_compare_by_message():
    def uncoded(cell: str, message: str) -> dict:
        return {k: v for k, v in problem(cell, message).items() if k != "code"}

    same = figures(problems=[uncoded("D2", "Số lượt không phải là số")])
    assert describe_changes(same, same) == ()
    reworded = figures(problems=[uncoded("D2", "Số lượt ghi sai")])
    assert describe_changes(same, reworded) == (
        "Đã sửa: Đắk La.xlsx › Thư viện › D2: Số lượt không phải là số",
        "Vấn đề mới: Đắk La.xlsx › Thư viện › D2: Số lượt ghi sai",
    )


def test_the_first_draft_with_codes_matches_an_older_draft_by_message():
    """After an upgrade, unchanged problems are not listed as both fixed and new."""
    message = "Số lượt không phải là số"
    older = figures(problems=[{k: v for k, v in problem("D2", message).items() if k != "code"}])
    newer = figures(problems=[problem("D2", message)])
    assert describe_changes(older, newer) == ()
    assert describe_changes(newer, older) == ()


def test_many_problem_lines_are_capped():
    new = [problem(f"D{row}") for row in range(2, 22)]
    lines = describe_changes(figures(), figures(problems=new))
    assert len(lines) == 9
    assert lines[-1] == "… và 12 vấn đề khác"
    assert lines[0].startswith("Vấn đề mới: Đắk La.xlsx › Thư viện › D2")


SERVING_XA = "Thư viện công cộng cấp xã cung cấp dịch vụ phục vụ học tập suốt đời"


def named(numerator: int, denominator: int, text: str, met: bool = True, **more) -> dict:
    """An indicator as the build writes it: name, counts, value, verdict."""
    return {
        "code": "TV_HTSD_XA",
        "name": SERVING_XA,
        "numerator": numerator,
        "denominator": denominator,
        "value_text": text,
        "met": met,
        "status": "ok",
        "gap_word": "thư viện",
        **more,
    }


def unit_line(unit: str = "XA-DAKUI", name: str = "UBND xã Đắk Ui", **figures) -> dict:
    line = dict.fromkeys(UNIT_FIGURES, 0)
    return {"unit": unit, "name": name, **line, **figures}


def test_counts_that_change_with_the_same_percentage_are_a_change():
    old, new = figures([named(1, 1, "100,0%")]), figures([named(2, 2, "100,0%")])
    assert describe_changes(old, new) == (f"{SERVING_XA}: 1/1 (100,0%) → 2/2 (100,0%)",)


def test_a_target_and_a_gap_that_change_are_told():
    old = figures([named(1, 9, "11,1%", False, gap_units=2, target_text="30%")])
    new = figures([named(2, 9, "22,2%", False, gap_units=1, target_text="30%")])
    assert describe_changes(old, new) == (
        f"{SERVING_XA}: 1/9 (11,1%) → 2/9 (22,2%); cần thêm 2 → 1 thư viện",
    )
    retargeted = figures([named(2, 9, "22,2%", False, gap_units=2, target_text="35%")])
    assert describe_changes(new, retargeted) == (
        f"{SERVING_XA}: kế hoạch 30% → 35%; cần thêm 1 → 2 thư viện",
    )


def test_the_growth_is_told_with_the_uses_it_compares():
    def growth(current: int, earlier: int, text: str) -> dict:
        return {
            "code": "TV_LUOT_TANG",
            "name": "Tăng số lượt người sử dụng thư viện so với năm trước",
            "numerator": current,
            "denominator": earlier,
            "value_text": text,
            "met": True,
            "status": "ok",
            "gap_word": "lượt",
        }

    old = figures([growth(242_246, 218_130, "11,1%")])
    new = figures([growth(242_256, 218_130, "11,1%")])
    assert describe_changes(old, new) == (
        "Tăng số lượt người sử dụng thư viện so với năm trước: 11,1% (242.246 so với 218.130"
        " lượt) → 11,1% (242.256 so với 218.130 lượt)",
    )


def test_an_indicator_on_one_side_only_is_told_by_name():
    assert describe_changes(figures(), figures([named(1, 3, "33,3%")])) == (
        f"{SERVING_XA}: — → 1/3 (33,3%)",
    )


def test_totals_task_groups_and_left_out_rows_are_told():
    old = {
        "year": 2025,
        "library_uses": {"year": 1_290, "previous_year": 1_000},
        "funding": {"state": 12_000_000, "social": 97_800_000},
        "task_groups": [{"number": 1, "activities": 2, "participants": 150}],
        "coverage": {"left_out_rows": {}},
        "units": {"expected": ["XA-DAKUI"], "received": []},
    }
    new = {
        "year": 2025,
        "library_uses": {"year": 1_300, "previous_year": 1_010},
        "funding": {"state": 12_000_000, "social": 98_800_000},
        "task_groups": [{"number": 1, "activities": 3, "participants": 150}],
        "coverage": {"left_out_rows": {"Thư viện": 2}},
        "units": {"expected": ["XA-DAKUI", "XA-DAKLA"], "received": []},
    }
    assert describe_changes(old, new) == (
        "Tổng lượt sử dụng thư viện: 1.290 → 1.300",
        "Tổng lượt sử dụng thư viện năm 2024: 1.000 → 1.010",
        "Tổng kinh phí xã hội hóa: 97.800.000 → 98.800.000 đồng",
        "Nhóm nhiệm vụ 1: số hoạt động 2 → 3",
        "Số đơn vị phải báo cáo: 1 → 2",
        "Số dòng không tính vì có lỗi (sheet Thư viện): 0 → 2",
    )


def test_a_unit_s_changed_figures_are_one_line_by_its_name():
    old = {"per_unit": [unit_line(library_uses=1_290, social_funding=7_800_000)]}
    new = {"per_unit": [unit_line(library_uses=1_300, social_funding=8_800_000)]}
    assert describe_changes(old, new) == (
        "UBND xã Đắk Ui: lượt sử dụng thư viện 1.290 → 1.300; "
        "kinh phí xã hội hóa 7.800.000 → 8.800.000 đồng",
    )


def test_every_figure_of_a_unit_s_appendix_line_has_a_name_in_the_change_list():
    counted = {f.name for f in fields(UnitFigures)} - {"unit", "name"}
    assert counted == set(UNIT_FIGURES)


def test_many_units_with_changed_figures_are_capped():
    old = {"per_unit": [unit_line(f"U{i}", f"Đơn vị {i}", activities=1) for i in range(15)]}
    new = {"per_unit": [unit_line(f"U{i}", f"Đơn vị {i}", activities=2) for i in range(15)]}
    lines = describe_changes(old, new)
    assert len(lines) == 11
    assert lines[0] == "Đơn vị 0: số hoạt động 1 → 2"
    assert lines[-1] == "… và 5 đơn vị khác có số liệu thay đổi"


@pytest.mark.parametrize(
    "old",
    [
        {},
        {"indicators": None, "per_unit": None, "funding": None, "library_uses": None},
        {"per_unit": [{"unit": "XA-DAKUI"}], "funding": {}, "task_groups": [{}]},
    ],
    ids=["nothing", "nulls", "partial"],
)
def test_missing_or_partial_keys_of_an_older_draft_are_no_change(old):
    new = {
        "indicators": [named(1, 3, "33,3%")],
        "per_unit": [unit_line(library_uses=5)],
        "funding": {"state": 1, "social": 2},
        "library_uses": {"year": 5, "previous_year": None},
        "task_groups": [{"number": 1, "activities": 1, "participants": 1}],
        "coverage": {"left_out_rows": {"Thư viện": 1}},
    }
    # Only the indicator, present on one side, is told; nothing else is compared.
    assert describe_changes(old, new) == (f"{SERVING_XA}: — → 1/3 (33,3%)",)
    assert describe_changes(new, old) == (f"{SERVING_XA}: 1/3 (33,3%) → —",)
