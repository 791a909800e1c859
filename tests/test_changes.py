"""What changed between two drafts, in the report's own formatting."""

from __future__ import annotations

import pytest

from reportgen.changes import describe_changes


def indicator(code: str, text: str, met: bool | None, value: float | None = 0.5) -> dict:
    return {"code": code, "value": value, "value_text": text, "met": met}


def problem(cell: str, message: str = "Số lượt không phải là số") -> dict:
    return {
        "file": "Đắk La.xlsx",
        "sheet": "Thư viện",
        "cell": cell,
        "severity": "error",
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
            "TV_CDS_GD: 10,0% → 25,0% (Chưa đạt → Đạt)",
        ),
        (
            indicator("TC_XA", "không có số liệu", None, None),
            indicator("TC_XA", "50,0%", True),
            "TC_XA: không có số liệu → 50,0% (Chưa đánh giá được → Đạt)",
        ),
    ],
    ids=["value", "status", "both", "from-no-data"],
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


def test_many_problem_lines_are_capped():
    new = [problem(f"D{row}") for row in range(2, 22)]
    lines = describe_changes(figures(), figures(problems=new))
    assert len(lines) == 9
    assert lines[-1] == "… và 12 vấn đề khác"
    assert lines[0].startswith("Vấn đề mới: Đắk La.xlsx › Thư viện › D2")
