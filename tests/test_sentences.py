"""The sentences about the indicators: what each figure covers, and what next year asks."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

import pytest
from figures_fixture import complete_figures, sample_figures

from reportgen import vocab
from reportgen.evaluate import evaluate
from reportgen.models import Intake, LeftOutRow, Source, YearUses
from reportgen.sentences import indicator_sentence, indicators_intro, next_year_task
from tests.typed_rows import (
    lib,
    sample_like_history,
    sample_like_intake,
    unit_return,
    uses,
)


def _sentences(figures, config):
    """Each indicator's sentence by its code, as the report writes it."""
    return {
        r.code: indicator_sentence(r, figures, config.profile.scope, config.unit_names)
        for r in figures.indicators
    }


def _every_unit(config, libraries_of, year=2025):
    """A return from every unit of the registry, with the libraries `libraries_of` gives."""
    returns = tuple(unit_return(u.code, libraries_of(u.code), year=year) for u in config.units)
    return Intake(year, returns, (), ())


def _district_and_dak_la(district_uses=12_000, commune_uses=3_000):
    return Intake(
        2025,
        (
            unit_return("TTVHTT", [lib("TTVHTT", vocab.LIB_DISTRICT, True, True, district_uses)]),
            unit_return("XA-DAKLA", [lib("XA-DAKLA", vocab.LIB_COMMUNE, uses=commune_uses)]),
            unit_return("XA-HAMON", [lib("XA-HAMON", vocab.LIB_COMMUNE, serves=True)]),
        ),
        (),
        (),
    )


# Growth of library uses ------------------------------------------------------------------


def test_growth_names_the_units_left_out_of_the_comparison_and_why(sample_config):
    history = {2024: uses(2024, {"TTVHTT": 10_000, "XA-HAMON": 0, "XA-NGOKREO": 8_000})}
    figures = evaluate(_district_and_dak_la(), sample_config, history)
    assert _sentences(figures, sample_config)["TV_LUOT_TANG"] == (
        "Tổng số lượt người sử dụng thư viện năm 2025 của 3 đơn vị đã báo cáo đạt 15.000 lượt, "
        "so sánh trên 2 đơn vị có số liệu cả hai năm, tăng 20,0% so với năm 2024 "
        "(từ 10.000 lên 12.000 lượt; không tính UBND xã Ngọk Réo, chưa có số liệu năm 2025; "
        "UBND xã Đắk La, không có số liệu năm 2024), đạt chỉ tiêu tăng bình quân 8%/năm."
    )


def test_growth_against_the_plans_baseline_says_so(sample_config):
    figures = evaluate(_district_and_dak_la(), sample_config, {2024: YearUses(2024, 12_500, None)})
    text = _sentences(figures, sample_config)["TV_LUOT_TANG"]
    assert (
        ", tăng 20,0% so với năm 2024 (12.500 lượt, số liệu năm gốc của Kế hoạch), đạt chỉ tiêu"
        in text
    )
    assert "không tính" not in text and "so sánh trên" not in text


def test_growth_with_every_unit_in_both_years_is_the_short_form(sample_config):
    def libraries_of(code):
        known = {"TTVHTT": 12_000, "XA-DAKLA": 3_000}
        return [lib(code, vocab.LIB_COMMUNE, uses=known[code])] if code in known else []

    before = {u.code: 0 for u in sample_config.units} | {"TTVHTT": 10_000, "XA-DAKLA": 2_000}
    figures = evaluate(
        _every_unit(sample_config, libraries_of), sample_config, {2024: uses(2024, before)}
    )
    assert _sentences(figures, sample_config)["TV_LUOT_TANG"] == (
        "Tổng số lượt người sử dụng thư viện năm 2025 đạt 15.000 lượt, tăng 25,0% so với năm "
        "2024 (12.000 lượt), đạt chỉ tiêu tăng bình quân 8%/năm."
    )


# Shares: over the whole scope, over the units that reported, over a single library ----------


@pytest.mark.parametrize(
    ("serves", "expected"),
    [
        (
            True,
            "Thư viện huyện đã cung cấp dịch vụ phục vụ học tập suốt đời, đạt chỉ tiêu năm 2025 "
            "(100%).",
        ),
        (
            False,
            "Thư viện huyện chưa cung cấp dịch vụ phục vụ học tập suốt đời, chưa đạt chỉ tiêu năm "
            "2025 (100%), cần thêm 1 thư viện.",
        ),
    ],
    ids=["serving", "not-serving"],
)
def test_the_single_district_library_is_named_not_counted(sample_config, serves, expected):
    def libraries_of(code):
        return [lib(code, vocab.LIB_DISTRICT, serves=serves)] if code == "TTVHTT" else []

    figures = evaluate(_every_unit(sample_config, libraries_of), sample_config, {})
    text = _sentences(figures, sample_config)["TV_HTSD_HUYEN"]
    assert text == expected
    assert "1/1" not in text and "0/1" not in text


def test_share_sentences_say_whose_figures_they_are(sample_config):
    missing = _sentences(sample_figures(), sample_config)  # Ngọk Wang has not reported
    complete = _sentences(complete_figures(), sample_config)
    for code in ("TV_HTSD_XA", "TV_HTSD_GD", "TV_CDS_XA", "TV_CDS_GD", "VH_CLB"):
        assert missing[code].startswith("Trong số các đơn vị đã báo cáo, có "), code
        assert complete[code].startswith("Toàn huyện có "), code
        assert missing[code].split(", có ", 1)[1] == complete[code].split(" có ", 1)[1], code


def test_a_single_commune_library_among_missing_units_is_still_a_share(sample_config):
    figures = evaluate(
        Intake(
            2025,
            (unit_return("XA-DAKLA", [lib("XA-DAKLA", vocab.LIB_COMMUNE, serves=True)]),),
            (),
            (),
        ),
        sample_config,
        {},
    )
    text = _sentences(figures, sample_config)["TV_HTSD_XA"]
    # 16 units have not reported: one library of one commune is not "the commune libraries".
    assert text.startswith("Trong số các đơn vị đã báo cáo, có 1/1 thư viện công cộng cấp xã")


# What the figures cover -----------------------------------------------------------------


def test_indicator_table_lead_names_missing_units_and_rows_left_out(sample_config):
    def row(table, number):
        return LeftOutRow("XA-DAKLA", table, Source("Đắk La.xlsx", table, number))

    left_out = (
        row(vocab.SHEET_LIBRARIES, 4),
        row(vocab.SHEET_INSTITUTIONS, 3),
        row(vocab.SHEET_INSTITUTIONS, 7),
        row(vocab.SHEET_ACTIVITIES, 2),  # not behind any indicator: not in the lead
    )
    assert indicators_intro(sample_figures(left_out=left_out), sample_config.unit_names) == (
        "Kết quả thực hiện các chỉ tiêu của Kế hoạch so với mốc năm 2025 (số liệu tổng hợp từ "
        "16/17 đơn vị; chưa có số liệu của UBND xã Ngọk Wang; không tính 1 dòng số liệu thư "
        "viện và 2 dòng số liệu thiết chế văn hóa không hợp lệ, chi tiết tại Biểu 6 của Phụ "
        "lục):"
    )
    assert indicators_intro(complete_figures(), sample_config.unit_names) == (
        "Kết quả thực hiện các chỉ tiêu của Kế hoạch so với mốc năm 2025:"
    )


def test_below_min_coverage_sentences_give_the_value_but_no_verdict(sample_config):
    plan = replace(sample_config.plan, min_coverage=Fraction(4, 5))
    config = replace(sample_config, plan=plan)
    history = {2024: uses(2024, {"TTVHTT": 10_000, "XA-DAKLA": 3_000, "XA-HAMON": 0})}
    figures = evaluate(_district_and_dak_la(), config, history)
    texts = _sentences(figures, config)
    unjudged = "chưa đủ số liệu để đánh giá vì mới có 3/17 đơn vị gửi báo cáo so với chỉ tiêu"
    assert texts["TV_HTSD_XA"] == (
        "Trong số các đơn vị đã báo cáo, có 1/2 thư viện công cộng cấp xã (50,0%) cung cấp dịch "
        f"vụ phục vụ học tập suốt đời, {unjudged} năm 2025 (20%)."
    )
    assert texts["TV_LUOT_TANG"].endswith(
        f"tăng 15,4% so với năm 2024 (13.000 lượt), {unjudged} tăng bình quân 8%/năm."
    )
    for code in ("TV_HTSD_HUYEN", "TV_HTSD_XA", "TV_CDS_HUYEN", "TV_CDS_XA", "TV_LUOT_TANG"):
        assert unjudged in texts[code], code
        assert "đạt chỉ tiêu" not in texts[code] and "cần thêm" not in texts[code], code


# Next year's tasks ------------------------------------------------------------------------


def test_tasks_aim_at_the_milestone_that_applies_next_year(sample_config):
    figures = evaluate(sample_like_intake(2025), sample_config, sample_like_history(2025))
    tasks = {r.code: next_year_task(r, 2025) for r in figures.indicators}
    assert tasks["TV_CDS_GD"] == (
        "- Tập trung thực hiện chỉ tiêu “Thư viện cơ sở giáo dục ứng dụng công nghệ thông tin, "
        "chuyển đổi số”, phấn đấu có thêm 4 thư viện để đạt chỉ tiêu năm 2030 (80%)."
    )
    assert tasks["TV_LUOT_TANG"] == (
        "- Phấn đấu tăng số lượt người sử dụng thư viện 8 - 10%/năm (năm 2026 cần thêm khoảng "
        "19.380 lượt so với năm 2025), theo chỉ tiêu năm 2030."
    )
    assert "phấn đấu có thêm 17 thiết chế để đạt chỉ tiêu năm 2030 (70%)" in tasks["VH_CLB"]
    # Already at the 2030 targets (1/1 ≥ 80%, 2/9 ≥ 20%): nothing to add.
    assert tasks["TV_HTSD_HUYEN"] == tasks["TV_CDS_XA"] == ""
    assert not any("năm 2025 (" in task for task in tasks.values())


def test_no_task_against_a_milestone_after_the_plans_final_year(sample_config):
    figures = evaluate(sample_like_intake(2030), sample_config, sample_like_history(2030))
    assert [next_year_task(r, 2030) for r in figures.indicators] == [""] * 8
