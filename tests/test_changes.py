"""What changed between two drafts, in the report's own formatting."""

from __future__ import annotations

import pytest

from reportgen.changes import describe_changes


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
            "TV_CDS_GD: 10,0% → 25,0% (Chưa đạt → Đạt)",
        ),
        (
            indicator("TC_XA", "không có số liệu", None, None, "no_data"),
            indicator("TC_XA", "50,0%", True),
            "TC_XA: không có số liệu → 50,0% (Không có số liệu → Đạt)",
        ),
        (
            indicator("TV_LUOT_TANG", "chưa đủ số liệu", None, None, "insufficient"),
            indicator("TV_LUOT_TANG", "8,3%", True),
            "TV_LUOT_TANG: chưa đủ số liệu → 8,3% (Chưa đủ số liệu → Đạt)",
        ),
        (
            indicator("TC_XA", "50,0%", True),
            indicator("TC_XA", "không có số liệu", None, None, "no_data"),
            "TC_XA: 50,0% → không có số liệu (Đạt → Không có số liệu)",
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
