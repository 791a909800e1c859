"""Indicator maths of data-contract §3, on typed rows."""

from dataclasses import replace
from fractions import Fraction

import pytest

from reportgen import fmt, vocab
from reportgen.evaluate import evaluate
from reportgen.export import figures_json
from reportgen.models import (
    Activity,
    Funding,
    Intake,
    LeftOutRow,
    Measure,
    Problem,
    Source,
    YearUses,
)
from tests.typed_rows import (
    inst,
    lib,
    sample_like_history,
    sample_like_intake,
    unit_return,
    uses,
)


def by_code(figures):
    return {r.code: r for r in figures.indicators}


def growth(intake, config, history):
    return by_code(evaluate(intake, config, history))["TV_LUOT_TANG"]


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
    grown = growth(intake, sample_config, {2024: uses(2024, {"TTVHTT": 10_000})})
    assert grown.value == Fraction(8, 100) and grown.met is True
    short = growth(intake, sample_config, {2024: uses(2024, {"TTVHTT": 10_001})})
    assert short.met is False and short.gap_units == 2  # needs ceil(10801.08) = 10802


def test_average_growth_from_2026_on(sample_config):
    libraries = [lib("TTVHTT", vocab.LIB_DISTRICT, uses=12_100)]
    intake = Intake(2026, (unit_return("TTVHTT", libraries),), (), ())
    history = {2024: uses(2024, {"TTVHTT": 10_000}), 2025: uses(2025, {"TTVHTT": 11_000})}
    result = growth(intake, sample_config, history)
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
    # 2024: before the first milestone (2025) and no review year, so one year's growth only.
    libraries = [lib("TTVHTT", vocab.LIB_DISTRICT, uses=12_100)]
    intake = Intake(2024, (unit_return("TTVHTT", libraries, year=2024),), (), ())
    history = {2022: uses(2022, {"TTVHTT": 10_000}), 2023: uses(2023, {"TTVHTT": 11_000})}
    result = growth(intake, sample_config, history)
    assert result.value == Fraction(1, 10)
    assert result.average_growth is None and result.average_since is None


@pytest.mark.parametrize(
    ("uses_2024", "uses_2025", "met"),
    [(11_000, 12_100, True), (10_200, 11_100, False)],
    ids=["average-10", "one-year-8,8-but-average-5,4"],
)
def test_the_midterm_review_judges_growth_on_the_periods_average(
    sample_config, uses_2024, uses_2025, met
):
    libraries = [lib("TTVHTT", vocab.LIB_DISTRICT, uses=uses_2025)]
    intake = Intake(2025, (unit_return("TTVHTT", libraries),), (), ())
    history = {2023: uses(2023, {"TTVHTT": 10_000}), 2024: uses(2024, {"TTVHTT": uses_2024})}
    result = growth(intake, sample_config, history)
    assert result.value >= Fraction(8, 100)  # the year alone would meet the 8%
    assert result.average_since == 2023 and result.on_average is True
    assert result.met is met


def test_growth_compares_only_the_units_that_reported_both_years(sample_config):
    # Đắk La reported only in 2025, Ngọk Réo only in 2024: the growth is the district's.
    intake = Intake(
        2025,
        (
            unit_return("TTVHTT", [lib("TTVHTT", vocab.LIB_DISTRICT, uses=12_000)]),
            unit_return("XA-DAKLA", [lib("XA-DAKLA", vocab.LIB_COMMUNE, uses=3_000)]),
        ),
        (),
        (),
    )
    history = {2024: uses(2024, {"TTVHTT": 10_000, "XA-NGOKREO": 8_000})}
    figures = evaluate(intake, sample_config, history)
    result = by_code(figures)["TV_LUOT_TANG"]
    assert (result.numerator, result.denominator) == (12_000, 10_000)
    assert result.value == Fraction(1, 5) and result.met is True  # not 15.000/18.000: a fall
    comparison = result.comparison
    assert comparison is not None and not comparison.baseline
    assert (comparison.earlier_year, comparison.units) == (2024, ("TTVHTT",))
    assert (comparison.only_current, comparison.only_earlier) == (("XA-DAKLA",), ("XA-NGOKREO",))
    assert (comparison.current_total, comparison.earlier_total) == (15_000, 18_000)
    data = figures_json(figures, sample_config)
    growth_json = next(i for i in data["indicators"] if i["code"] == "TV_LUOT_TANG")
    assert (growth_json["numerator"], growth_json["denominator"]) == (12_000, 10_000)
    assert growth_json["value"] == 0.2
    assert growth_json["comparison"] == {
        "earlier_year": 2024,
        "current": 12_000,
        "earlier": 10_000,
        "current_total": 15_000,
        "earlier_total": 18_000,
        "baseline": False,
        "units": ["TTVHTT"],
        "left_out": {"only_current_year": ["XA-DAKLA"], "only_earlier_year": ["XA-NGOKREO"]},
    }
    assert data["library_uses"] == {"year": 15_000, "previous_year": 18_000}  # raw totals
    shares = [i for i in data["indicators"] if i["code"] != "TV_LUOT_TANG"]
    assert all(i["comparison"] is None for i in shares)


def test_a_unit_with_no_library_uses_is_not_named_as_left_out(sample_config):
    # Phòng Tài chính reports no library in either year it reports: leaving it out changes
    # nothing, so the clerk is not told it was left out.
    intake = Intake(
        2025,
        (
            unit_return("TTVHTT", [lib("TTVHTT", vocab.LIB_DISTRICT, uses=11_000)]),
            unit_return("PTCKH"),
        ),
        (),
        (),
    )
    history = {2024: uses(2024, {"TTVHTT": 10_000, "MTTQ": 0})}
    comparison = by_code(evaluate(intake, sample_config, history))["TV_LUOT_TANG"].comparison
    assert comparison is not None
    assert (comparison.only_current, comparison.only_earlier) == ((), ())
    assert (comparison.current, comparison.earlier) == (11_000, 10_000)


def test_average_growth_is_like_for_like_too(sample_config):
    intake = Intake(
        2026,
        (
            unit_return("TTVHTT", [lib("TTVHTT", vocab.LIB_DISTRICT, uses=12_100)], year=2026),
            unit_return("XA-DAKLA", [lib("XA-DAKLA", vocab.LIB_COMMUNE, uses=5_000)], year=2026),
        ),
        (),
        (),
    )
    history = {
        2024: uses(2024, {"TTVHTT": 10_000, "XA-NGOKREO": 3_000}),
        2025: uses(2025, {"TTVHTT": 11_000, "XA-DAKLA": 4_000}),
    }
    result = growth(intake, sample_config, history)
    assert result.value == Fraction(17_100, 15_000) - 1  # both units were there in 2025
    # Since 2024 only the district library is common: 12.100 against 10.000 over two years.
    assert result.average_since == 2024
    assert result.average_growth == pytest.approx(0.1)


def test_a_baseline_from_the_plan_is_compared_as_a_total(sample_config):
    intake = Intake(
        2025,
        (
            unit_return("TTVHTT", [lib("TTVHTT", vocab.LIB_DISTRICT, uses=12_000)]),
            unit_return("XA-DAKLA", [lib("XA-DAKLA", vocab.LIB_COMMUNE, uses=3_000)]),
        ),
        (),
        (),
    )
    figures = evaluate(intake, sample_config, {2024: YearUses(2024, 10_000, None)})
    result = by_code(figures)["TV_LUOT_TANG"]
    assert (result.numerator, result.denominator, result.value) == (15_000, 10_000, Fraction(1, 2))
    comparison = result.comparison
    assert comparison is not None and comparison.baseline
    assert (comparison.units, comparison.only_current, comparison.only_earlier) == ((), (), ())
    data = next(i for i in figures_json(figures, sample_config)["indicators"] if i["comparison"])
    assert data["comparison"]["baseline"] is True
    assert data["comparison"]["earlier_total"] == 10_000


def _with_min_coverage(config, share, units=None):
    plan = replace(config.plan, min_coverage=share)
    return replace(config, plan=plan, units=config.units if units is None else units)


@pytest.mark.parametrize(
    ("unit_count", "received", "judged"),
    [(17, 13, False), (17, 14, True), (10, 8, True)],
    ids=["13-of-17-below-80", "14-of-17-above-80", "8-of-10-exactly-80"],
)
def test_min_coverage_leaves_values_unjudged_below_the_share(
    sample_config, unit_count, received, judged
):
    config = _with_min_coverage(sample_config, Fraction(4, 5), sample_config.units[:unit_count])
    codes = [u.code for u in config.units[:received]]
    returns = tuple(
        unit_return(code, [lib(code, vocab.LIB_COMMUNE, serves=i == 0)])
        for i, code in enumerate(codes)
    )
    figures = evaluate(Intake(2025, returns, (), ()), config, {})
    share = by_code(figures)["TV_HTSD_XA"]
    assert (share.numerator, share.denominator) == (1, received)  # the value is still given
    data = figures_json(figures, config)
    share_json = next(i for i in data["indicators"] if i["code"] == "TV_HTSD_XA")
    assert data["coverage"]["min_coverage"] == 0.8
    if judged:
        assert share.status == "ok" and share.met is False and share.gap_units
        return
    assert (share.status, share.met, share.gap_units) == ("low_coverage", None, None)
    assert fmt.verdict(share.met, share.status) == "Chưa đủ số liệu để đánh giá"
    assert (share_json["met"], share_json["status"]) == (None, "low_coverage")
    # Without a value there is nothing to judge anyway: those keep saying why.
    assert by_code(figures)["TV_HTSD_GD"].status == "no_data"
    assert by_code(figures)["TV_LUOT_TANG"].status == "insufficient"


@pytest.mark.parametrize(
    ("year", "milestone", "gap_schools", "gap_uses"),
    [(2024, 2025, 1, 19_380), (2025, 2030, 4, 19_380), (2029, 2030, 4, 19_380)],
    ids=["2024-aims-at-2025", "2025-aims-at-2030", "2029-aims-at-2030"],
)
def test_next_milestone_says_what_next_year_asks(
    sample_config, year, milestone, gap_schools, gap_uses
):
    figures = evaluate(sample_like_intake(year), sample_config, sample_like_history(year))
    schools = by_code(figures)["TV_CDS_GD"]  # 24/35 digital: 70% asks 25, 80% asks 28
    assert (schools.next_milestone, schools.next_gap_units) == (milestone, gap_schools)
    assert schools.next_target == (Fraction(7, 10) if milestone == 2025 else Fraction(4, 5))
    uses_growth = by_code(figures)["TV_LUOT_TANG"]
    assert uses_growth.next_milestone == milestone
    assert uses_growth.next_gap_units == gap_uses  # ⌈242.246 × 8%⌉ more uses next year
    data = {i["code"]: i for i in figures_json(figures, sample_config)["indicators"]}
    assert (data["TV_CDS_GD"]["next_milestone"], data["TV_CDS_GD"]["next_gap_units"]) == (
        milestone,
        gap_schools,
    )
    assert data["TV_LUOT_TANG"]["next_target_max"] == (None if milestone == 2025 else 0.1)


def test_no_next_milestone_after_the_plans_final_year(sample_config):
    figures = evaluate(sample_like_intake(2030), sample_config, sample_like_history(2030))
    for result in figures.indicators:
        assert result.next_milestone is None and result.next_gap_units is None, result.code
        assert result.next_target is None and result.next_target_max is None, result.code
    for data in figures_json(figures, sample_config)["indicators"]:
        assert data["next_milestone"] is None and data["next_gap_units"] is None, data["code"]


def test_rows_left_out_for_a_bad_cell_are_counted(sample_config):
    def left_out(unit, table, row):
        return LeftOutRow(unit, table, Source(f"{unit}.xlsx", table, row))

    dak_la = replace(
        unit_return("XA-DAKLA", [lib("XA-DAKLA", vocab.LIB_COMMUNE)]),
        left_out=(
            left_out("XA-DAKLA", vocab.SHEET_LIBRARIES, 3),
            left_out("XA-DAKLA", vocab.SHEET_INSTITUTIONS, 2),
            left_out("XA-DAKLA", vocab.SHEET_INSTITUTIONS, 5),
        ),
    )
    figures = evaluate(Intake(2025, (unit_return("TTVHTT"), dak_la), (), ()), sample_config, {})
    assert figures.left_out_count(vocab.SHEET_LIBRARIES) == 1
    assert figures.left_out_count(vocab.SHEET_INSTITUTIONS) == 2
    assert not figures.complete
    assert figures_json(figures, sample_config)["coverage"] == {
        "expected": 17,
        "received": 2,
        "complete": False,
        "min_coverage": None,
        "left_out_rows": {vocab.SHEET_INSTITUTIONS: 2, vocab.SHEET_LIBRARIES: 1},
    }
