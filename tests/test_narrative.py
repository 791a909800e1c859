"""The report's sentences, written from the figures and the configuration."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from fractions import Fraction

from figures_fixture import sample_figures

from reportgen.narrative import build_context, indicator_sentence


def _indicator(figures, code):
    return next(r for r in figures.indicators if r.code == code)


def test_met_share_sentence(sample_config):
    figures = sample_figures()
    scope = sample_config.profile.scope
    text = indicator_sentence(_indicator(figures, "TV_HTSD_XA"), figures, 2025, scope)
    assert text == (
        "Toàn huyện có 3/9 thư viện công cộng cấp xã (33,3%) cung cấp dịch vụ phục vụ học tập "
        "suốt đời, đạt chỉ tiêu năm 2025 (20%)."
    )


def test_unmet_share_sentence_states_the_gap(sample_config):
    figures = sample_figures()
    scope = sample_config.profile.scope
    text = indicator_sentence(_indicator(figures, "TV_CDS_GD"), figures, 2025, scope)
    assert text.endswith("chưa đạt chỉ tiêu năm 2025 (70%), cần thêm 2 thư viện.")
    assert "23/35 thư viện cơ sở giáo dục (65,7%)" in text


def test_zero_denominator_says_no_data():
    figures = sample_figures()
    empty = replace(_indicator(figures, "TV_HTSD_HUYEN"), numerator=0, denominator=0, value=None,
                    met=None, gap_units=None, status="no_data")  # fmt: skip
    text = indicator_sentence(empty, figures, 2025, "Toàn huyện")
    assert "không có số liệu" in text
    assert "0/0" not in text and "0,0%" not in text


def test_growth_sentence():
    figures = sample_figures()
    text = indicator_sentence(_indicator(figures, "TV_LUOT_TANG"), figures, 2025, "Toàn huyện")
    assert text == (
        "Tổng số lượt người sử dụng thư viện năm 2025 đạt 152.340 lượt, tăng 10,2% so với năm "
        "2024 (138.250 lượt), đạt chỉ tiêu tăng bình quân 8%/năm."
    )


def test_growth_without_previous_year_is_insufficient():
    figures = sample_figures(library_uses_previous=None)
    growth = replace(_indicator(figures, "TV_LUOT_TANG"), value=None, met=None,
                     status="insufficient")  # fmt: skip
    assert "chưa đủ số liệu năm 2024" in indicator_sentence(growth, figures, 2025, "Toàn huyện")


def test_average_growth_from_2026():
    figures = sample_figures(year=2026, milestone=2030)
    growth = replace(_indicator(figures, "TV_LUOT_TANG"), target=Fraction(8, 100),
                     target_max=Fraction(10, 100), average_growth=0.0912,
                     average_since=2024)  # fmt: skip
    text = indicator_sentence(growth, figures, 2030, "Toàn huyện")
    assert "8 - 10%/năm" in text
    assert "bình quân giai đoạn 2024 - 2026 tăng 9,1%/năm" in text


def test_sentences_speak_of_the_profiles_scope(sample_config):
    profile = replace(sample_config.profile, scope="Toàn xã")
    context = build_context(sample_figures(), replace(sample_config, profile=profile))
    shares = [s for s in context["indicator_sentences"] if not s.startswith("Tổng số lượt")]
    assert shares and all(s.startswith("Toàn xã có ") for s in shares)
    assert not any("Toàn huyện" in s for s in context["indicator_sentences"])


def test_context_opening_header_and_missing_unit(sample_config):
    context = build_context(sample_figures(), sample_config)
    assert context["place_date"] == "Đắk Hà, ngày      tháng 11 năm 2025"
    assert context["opening"].startswith(
        "Thực hiện Kế hoạch số ……/KH-UBND ngày …… của Ủy ban nhân dân huyện Đắk Hà"
    )
    assert "Ủy ban nhân dân huyện báo cáo sơ kết" in context["opening"]
    assert context["summary"].startswith("Sơ kết")
    assert (
        "Đến ngày lập báo cáo, còn 1 đơn vị chưa gửi báo cáo: UBND xã Ngọk Wang."
        in context["direction"]
    )
    assert context["recipients"][0] == "- Như trên;"
    assert context["recipients"][-1] == "- Lưu: VT, VHTT."
    assert context["report_date"] == "2026-01-01"


def test_plain_year_and_given_date(sample_config):
    profile = replace(sample_config.profile, document_date=date(2027, 11, 5), document_number="5")
    context = build_context(sample_figures(year=2027, milestone=2030),
                            replace(sample_config, profile=profile))  # fmt: skip
    assert context["place_date"] == "Đắk Hà, ngày 05 tháng 11 năm 2027"
    assert context["document_number"] == "05"
    assert context["summary"].startswith("Kết quả thực hiện Chương trình")
    assert "sơ kết" not in context["opening"]


def test_final_year_says_tong_ket(sample_config):
    context = build_context(sample_figures(year=2030, milestone=2030), sample_config)
    assert "báo cáo tổng kết" in context["opening"]


def test_assessments_are_attributed_and_unmet_targets_listed(sample_config):
    context = build_context(sample_figures(), sample_config)
    assert "- UBND xã Đắk La: Nguồn ngân sách xã còn khó khăn." in context["causes"]
    assert any("cần thêm 2 thư viện" in s for s in context["shortcomings"])
    assert any("phấn đấu có thêm 2 thư viện" in s for s in context["directions"])
    assert context["next_year"] == "2026"
    row = next(r for r in context["indicators"] if r["stt"] == "6")
    assert row["assessment"] == "Chưa đạt, cần thêm 2 thư viện"
    assert context["funding_sentences"][0].startswith(
        "Tổng kinh phí thực hiện Chương trình năm 2025 là 57.500.000 đồng"
    )
    assert context["task_groups"][4]["heading"].startswith("đ) ")
    assert len(context["school_libraries"]) == 35
    assert context["problems"] == [
        {
            "stt": "1",
            "location": "Đắk La.xlsx › Thư viện › F7",
            "message": "“nhiều” không phải là số",
        }
    ]


def test_undated_header_pads_january_and_february(sample_config):
    profile = replace(sample_config.profile, document_month=2)
    context = build_context(sample_figures(), replace(sample_config, profile=profile))
    assert context["place_date"] == "Đắk Hà, ngày      tháng 02 năm 2025"
