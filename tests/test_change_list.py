"""Every change told by name: one corrected cell, as the build and `diff` tell it to the clerk."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.small_year import YEAR, write_dak_ui, write_small_year

SERVING_XA = "Thư viện công cộng cấp xã cung cấp dịch vụ phục vụ học tập suốt đời"


@pytest.fixture
def built(workspace: Path, run) -> Path:
    """The workspace with two units' workbooks of 2025 and draft 01 built from them."""
    write_small_year(workspace / "inputs")
    first = run("build", "--year", str(YEAR))
    assert first.exit_code == 0, first.output
    assert "Đã ghi dự thảo số 01" in first.output
    return workspace


@pytest.mark.parametrize(
    ("correction", "told"),
    [
        (
            {"uses": 1_300},
            [
                "UBND xã Đắk Ui: lượt sử dụng thư viện 1.290 → 1.300",
                "Tổng lượt sử dụng thư viện: 13.290 → 13.300",
            ],
        ),
        (
            {"serves": True},
            [
                f"{SERVING_XA}: 0/1 (0,0%) → 1/1 (100,0%); Chưa đạt → Đạt",
                "UBND xã Đắk Ui: thư viện phục vụ học tập suốt đời 0 → 1",
            ],
        ),
        (
            {"social": 8_800_000},
            [
                "Tổng kinh phí xã hội hóa: 97.800.000 → 98.800.000 đồng",
                "UBND xã Đắk Ui: kinh phí xã hội hóa 7.800.000 → 8.800.000 đồng",
            ],
        ),
    ],
    ids=["a-unit-s-uses", "a-library-s-yes-no", "a-funding-amount"],
)
def test_one_corrected_cell_is_told_by_name_in_the_build_and_in_diff(built, run, correction, told):
    write_dak_ui(built / "inputs", **correction)
    second = run("build", "--year", str(YEAR))
    assert second.exit_code == 0, second.output
    assert "Đã ghi dự thảo số 02" in second.output
    listed = second.output.split("Thay đổi so với dự thảo trước:\n", 1)[1]
    for line in told:
        assert f"  - {line}\n" in listed
    assert "XA-DAKUI" not in listed and "TV_HTSD_XA" not in listed  # names, never codes

    manifest = json.loads((built / "outputs" / "2025" / "manifest.json").read_text("utf-8"))
    assert set(told) <= set(manifest["drafts"][1]["changes"])

    compared = run("diff", "--year", str(YEAR))
    assert compared.exit_code == 0, compared.output
    assert compared.output.startswith(
        "So sánh hai dự thảo mới nhất: dự thảo 01 và dự thảo 02.\n"
        "Thay đổi từ dự thảo 01 đến dự thảo 02:\n"
    )
    for line in told:
        assert f"  - {line}\n" in compared.output


def test_diff_with_one_number_compares_it_with_the_latest(built, run):
    write_dak_ui(built / "inputs", uses=1_300)
    assert run("build", "--year", str(YEAR)).exit_code == 0
    write_dak_ui(built / "inputs", uses=1_310)
    assert run("build", "--year", str(YEAR)).exit_code == 0
    compared = run("diff", "1", "--year", str(YEAR))
    assert compared.exit_code == 0, compared.output
    assert "So sánh dự thảo 01 với dự thảo mới nhất (dự thảo 03)." in compared.output
    assert "UBND xã Đắk Ui: lượt sử dụng thư viện 1.290 → 1.310" in compared.output
    latest = run("diff", "3", "--year", str(YEAR))
    assert latest.exit_code == 1
    assert "Dự thảo 03 là dự thảo mới nhất" in latest.output
    assert "reportgen diff 2 3" in latest.output


def test_diff_without_numbers_and_a_single_draft_says_there_is_nothing_to_compare(built, run):
    result = run("diff", "--year", str(YEAR))
    assert result.exit_code == 1
    assert "Năm 2025 mới có một dự thảo (số 01) nên chưa có gì để so sánh" in result.output
    assert "Traceback" not in result.output


def test_diff_without_numbers_and_no_draft_says_to_build_first(workspace, run):
    result = run("diff", "--year", str(YEAR))
    assert result.exit_code == 1
    assert "Chưa có dự thảo nào của năm 2025" in result.output
    assert "reportgen build" in result.output


def test_a_draft_written_before_the_new_keys_is_compared_on_what_both_have(built, run):
    # A JSON written by an earlier version: no names, no per-unit figures, no totals.
    old = built / "outputs" / "2025" / "BaoCao_2025_du-thao-01.json"
    data = json.loads(old.read_text("utf-8"))
    for key in ("per_unit", "funding", "library_uses", "task_groups", "coverage"):
        del data[key]
    for indicator in data["indicators"]:
        for key in ("name", "numerator", "denominator", "target_text", "gap_word"):
            indicator.pop(key)
    old.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    write_dak_ui(built / "inputs", serves=True, uses=1_300)
    second = run("build", "--year", str(YEAR))
    assert second.exit_code == 0, second.output
    assert f"  - {SERVING_XA}: 0,0% → 100,0%; Chưa đạt → Đạt\n" in second.output
    assert "lượt sử dụng thư viện 1.290" not in second.output  # not in the old JSON: not told
    compared = run("diff", "1", "2", "--year", str(YEAR))
    assert compared.exit_code == 0, compared.output
    assert f"{SERVING_XA}: 0,0% → 100,0%" in compared.output
