"""Indicator maths of data-contract §3, on typed rows."""

from fractions import Fraction

import pytest

from reportgen import fmt, vocab
from reportgen.evaluate import evaluate
from reportgen.export import figures_json
from reportgen.models import (
    Activity,
    Funding,
    Institution,
    Intake,
    Library,
    Measure,
    Problem,
    Source,
    UnitInfo,
    UnitReturn,
)


def lib(unit, kind, serves=False, digital=False, uses=0):
    return Library(
        unit, "TV", kind, serves, digital, uses, None, "", Source("f.xlsx", "Thư viện", 2)
    )


def inst(unit, clubs, regular):
    return Institution(
        unit, "NVH", vocab.INST_VILLAGE_HOUSE, clubs, regular, 1, "", Source("f", "s", 2)
    )


def unit_return(code, libraries=(), institutions=(), activities=(), funding=(), assessment=None):
    info = UnitInfo(code, code, 2025, "", "", None)
    return UnitReturn(
        code,
        f"{code}.xlsx",
        info,
        tuple(libraries),
        tuple(institutions),
        tuple(activities),
        tuple(funding),
        assessment or {},
    )


def by_code(figures):
    return {r.code: r for r in figures.indicators}


def test_two_of_ten_meets_twenty_percent_exactly(sample_config):
    libraries = [lib("XA-DAKLA", vocab.LIB_COMMUNE, serves=i < 2) for i in range(10)]
    figures = evaluate(
        Intake(2025, (unit_return("XA-DAKLA", libraries),), (), ()), sample_config, {}
    )
    result = by_code(figures)["TV_HTSD_XA"]
    assert (result.numerator, result.denominator) == (2, 10)
    assert result.value == Fraction(1, 5)
    assert result.met is True and result.gap_units == 0


def test_just_under_target_is_not_met_and_gap_counts_libraries(sample_config):
    # 499/2500 = 19.96%: prints as 20,0% but is not 20%.
    libraries = [
        lib("PGDDT", vocab.LIB_SCHOOL, serves=i < 1746, digital=i < 499) for i in range(2500)
    ]
    figures = evaluate(Intake(2025, (unit_return("PGDDT", libraries),), (), ()), sample_config, {})
    gd = by_code(figures)["TV_CDS_GD"]
    assert gd.value == Fraction(499, 2500)
    assert gd.met is False
    assert gd.gap_units == 1750 - 499
    assert gd.measure is Measure.LIBRARY_SHARE and not gd.is_growth
    assert fmt.gap_word(gd) == "thư viện"
    htsd = by_code(figures)["TV_HTSD_GD"]  # 1746/2500 = 69.84% < 70%
    assert htsd.met is False and htsd.gap_units == 4


def test_zero_denominator_is_no_data_not_zero_percent(sample_config):
    figures = evaluate(Intake(2025, (unit_return("HKH"),), (), ()), sample_config, {})
    result = by_code(figures)["TV_HTSD_HUYEN"]
    assert result.value is None and result.met is None and result.status == "no_data"
    assert fmt.verdict(result.met, result.status) == "Không có số liệu"
    data = figures_json(figures, sample_config)["indicators"][0]
    assert data["value_text"] == "không có số liệu" and data["gap_word"] == "thư viện"


def test_institutions_need_both_yes_columns(sample_config):
    institutions = [
        inst("XA-DAKMAR", True, True),
        inst("XA-DAKMAR", True, False),
        inst("XA-DAKMAR", False, True),
        inst("XA-DAKMAR", True, True),
    ]
    figures = evaluate(
        Intake(2025, (unit_return("XA-DAKMAR", institutions=institutions),), (), ()),
        sample_config,
        {},
    )
    clb = by_code(figures)["VH_CLB"]
    assert (clb.numerator, clb.denominator, clb.met) == (2, 4, True)
    assert clb.measure is Measure.INSTITUTION_SHARE and fmt.gap_word(clb) == "thiết chế"


def test_growth_needs_previous_year(sample_config):
    libraries = [lib("TTVHTT", vocab.LIB_DISTRICT, uses=10_800)]
    intake = Intake(2025, (unit_return("TTVHTT", libraries),), (), ())
    missing = by_code(evaluate(intake, sample_config, {}))["TV_LUOT_TANG"]
    assert missing.status == "insufficient" and missing.value is None
    assert missing.measure is Measure.LIBRARY_USES_GROWTH and missing.is_growth
    assert fmt.verdict(missing.met, missing.status) == "Chưa đủ số liệu"
    grown = by_code(evaluate(intake, sample_config, {2024: 10_000}))["TV_LUOT_TANG"]
    assert grown.value == Fraction(8, 100) and grown.met is True
    short = by_code(evaluate(intake, sample_config, {2024: 10_001}))["TV_LUOT_TANG"]
    assert short.met is False and short.gap_units == 2  # needs ceil(10801.08) = 10802


def test_average_growth_from_2026_on(sample_config):
    libraries = [lib("TTVHTT", vocab.LIB_DISTRICT, uses=12_100)]
    intake = Intake(2026, (unit_return("TTVHTT", libraries),), (), ())
    result = by_code(evaluate(intake, sample_config, {2024: 10_000, 2025: 11_000}))["TV_LUOT_TANG"]
    assert result.value == Fraction(1, 10)
    assert result.average_since == 2024
    assert result.average_growth == pytest.approx(0.1)


def test_missing_units_task_groups_and_funding(sample_config):
    src = Source("a.xlsx", "Hoạt động", 3)
    activities = [
        Activity("HKH", "Ngày Sách", 1, "", None, 120, "", src),
        Activity("HKH", "Quyên góp sách", 5, "", None, 80, "", src),
        Activity("MTTQ", "Tuyên truyền", 1, "", None, 300, "", src),
    ]
    funding = [
        Funding("HKH", "Mua sách", vocab.FUND_STATE, 12_500_000, src),
        Funding("HKH", "Tài trợ", vocab.FUND_SOCIAL, 3_000_000, src),
    ]
    problem = Problem("x.xlsx", "Thư viện", "D2", "error", "lỗi", "HKH", code="cell-not-number")
    intake = Intake(
        2025,
        (
            unit_return("MTTQ", activities=activities[2:]),
            unit_return("HKH", activities=activities[:2], funding=funding),
        ),
        (problem,),
        (),
    )
    figures = evaluate(intake, sample_config, {})
    assert figures.received == ("MTTQ", "HKH")  # registry order
    assert len(figures.missing) == 15 and "XA-NGOKWANG" in figures.missing
    group1 = figures.task_groups[0]
    assert (len(group1.activities), group1.participants, group1.units) == (2, 420, ("MTTQ", "HKH"))
    assert (figures.state_funding, figures.social_funding) == (12_500_000, 3_000_000)
    data = figures_json(figures, sample_config)
    assert data["problems"][0]["cell"] == "D2"
    assert data["problems"][0]["code"] == "cell-not-number"
    assert data["units"]["missing"] == list(figures.missing)


def test_no_average_growth_up_to_the_first_milestone(sample_config):
    libraries = [lib("TTVHTT", vocab.LIB_DISTRICT, uses=12_100)]
    intake = Intake(2025, (unit_return("TTVHTT", libraries),), (), ())
    result = by_code(evaluate(intake, sample_config, {2023: 10_000, 2024: 11_000}))["TV_LUOT_TANG"]
    assert result.value == Fraction(1, 10)
    assert result.average_growth is None and result.average_since is None
