"""The report's sentences, written from the figures and the configuration."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from fractions import Fraction

import pytest
from figures_fixture import complete_figures, sample_figures

from reportgen.evaluate import evaluate
from reportgen.narrative import build_context
from reportgen.sentences import indicator_sentence
from tests.typed_rows import sample_like_history, sample_like_intake


def _indicator(figures, code):
    return next(r for r in figures.indicators if r.code == code)


def _sentence(result, figures, config):
    return indicator_sentence(result, figures, config.profile.scope, config.unit_names)


def test_met_share_sentence(sample_config):
    figures = sample_figures()  # Ngọk Wang has not reported: the share is of those who did
    text = _sentence(_indicator(figures, "TV_HTSD_XA"), figures, sample_config)
    assert text == (
        "Trong số các đơn vị đã báo cáo, có 3/9 thư viện công cộng cấp xã (33,3%) cung cấp dịch "
        "vụ phục vụ học tập suốt đời, đạt chỉ tiêu năm 2025 (20%)."
    )
    figures = complete_figures()
    text = _sentence(_indicator(figures, "TV_HTSD_XA"), figures, sample_config)
    assert text == (
        "Toàn huyện có 3/9 thư viện công cộng cấp xã (33,3%) cung cấp dịch vụ phục vụ học tập "
        "suốt đời, đạt chỉ tiêu năm 2025 (20%)."
    )


def test_unmet_share_sentence_states_the_gap(sample_config):
    figures = sample_figures()
    text = _sentence(_indicator(figures, "TV_CDS_GD"), figures, sample_config)
    assert text.endswith("chưa đạt chỉ tiêu năm 2025 (70%), cần thêm 2 thư viện.")
    assert "23/35 thư viện cơ sở giáo dục (65,7%)" in text


def test_zero_denominator_says_no_data(sample_config):
    figures = sample_figures()
    empty = replace(_indicator(figures, "TV_HTSD_HUYEN"), numerator=0, denominator=0, value=None,
                    met=None, gap_units=None, status="no_data")  # fmt: skip
    text = _sentence(empty, figures, sample_config)
    assert "không có số liệu" in text
    assert "0/0" not in text and "0,0%" not in text


def test_growth_sentence(sample_config):
    figures = sample_figures()  # the 16 units that reported both years: nobody left out
    text = _sentence(_indicator(figures, "TV_LUOT_TANG"), figures, sample_config)
    assert text == (
        "Tổng số lượt người sử dụng thư viện năm 2025 của 16 đơn vị đã báo cáo đạt 152.340 lượt, "
        "tăng 10,2% so với năm 2024 (138.250 lượt), đạt chỉ tiêu tăng bình quân 8%/năm."
    )


def test_growth_without_previous_year_is_insufficient(sample_config):
    figures = sample_figures(library_uses_previous=None)
    growth = replace(_indicator(figures, "TV_LUOT_TANG"), value=None, met=None,
                     status="insufficient", comparison=None)  # fmt: skip
    assert "chưa đủ số liệu năm 2024" in _sentence(growth, figures, sample_config)


def test_average_growth_from_2026(sample_config):
    figures = sample_figures(year=2026, milestone=2030)
    growth = _indicator(figures, "TV_LUOT_TANG")
    assert growth.comparison is not None
    growth = replace(growth, target=Fraction(8, 100), target_max=Fraction(10, 100),
                     average_growth=0.0912, average_since=2024,
                     comparison=replace(growth.comparison, earlier_year=2025))  # fmt: skip
    text = _sentence(growth, figures, sample_config)
    assert "8 - 10%/năm" in text
    assert "bình quân giai đoạn 2024 - 2026 tăng 9,1%/năm" in text


def test_sentences_speak_of_the_profiles_scope(sample_config):
    profile = replace(sample_config.profile, scope="Toàn xã")
    figures = complete_figures()
    context = build_context(figures, replace(sample_config, profile=profile))
    # Shares of many libraries or institutions; the district's single library is named instead.
    shares = [
        s
        for r, s in zip(figures.indicators, context["indicator_sentences"], strict=True)
        if not r.is_growth and r.denominator > 1
    ]
    assert len(shares) == 5 and all(s.startswith("Toàn xã có ") for s in shares)
    assert not any("Toàn huyện" in s for s in context["indicator_sentences"])


def test_context_opening_header_and_missing_unit(sample_config):
    context = build_context(sample_figures(), sample_config)
    assert context["place_date"] == "Đắk Hà, ngày      tháng 11 năm 2025"
    assert context["opening"].startswith(
        "Thực hiện Kế hoạch số ……/KH-UBND ngày …… của Ủy ban nhân dân huyện Đắk Hà"
    )
    assert "Ủy ban nhân dân huyện báo cáo sơ kết" in context["opening"]
    assert context["summary"].startswith("Sơ kết")
    assert context["direction"][0] == (
        "Năm 2025, có 16/17 đơn vị gửi báo cáo kết quả thực hiện Chương trình; đến ngày lập báo "
        "cáo, còn UBND xã Ngọk Wang chưa gửi báo cáo."
    )
    assert context["recipients"][0] == "- Như trên;"
    assert context["recipients"][-1] == "- Lưu: VT, VHTT."
    # Dated from the document: undated, the first of the profile's document month (11/2025).
    assert context["report_date"] == "2025-11-01"


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
    assert context["causes"] == [  # Đắk La's cause, in the words of its theme (themes.toml)
        "- Ngân sách địa phương còn khó khăn; dự toán chưa tách riêng nhiệm vụ của Chương trình "
        "(UBND xã Đắk La)."
    ]
    assert any("cần thêm 2 thư viện" in s for s in context["shortcomings"])
    assert (  # next year's task aims at the 2030 milestone: 28 of the 35 schools
        "- Tập trung thực hiện chỉ tiêu “Thư viện cơ sở giáo dục ứng dụng công nghệ thông tin, "
        "chuyển đổi số”, phấn đấu có thêm 5 thư viện để đạt chỉ tiêu năm 2030 (80%)."
        in context["directions"]
    )
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
            "unit": "UBND xã Đắk La",
            "location": "Đắk La.xlsx › Thư viện › F7",
            "message": "“nhiều” không phải là số",
        }
    ]


def test_undated_header_pads_january_and_february(sample_config):
    profile = replace(sample_config.profile, document_month=2)
    context = build_context(sample_figures(), replace(sample_config, profile=profile))
    assert context["place_date"] == "Đắk Hà, ngày      tháng 02 năm 2025"


def test_next_years_tasks_aim_at_the_2030_milestone(sample_config):
    figures = evaluate(sample_like_intake(2025), sample_config, sample_like_history(2025))
    context = build_context(figures, sample_config)
    assert context["directions_heading"] == "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026"
    directions = context["directions"]
    assert (
        "- Tập trung thực hiện chỉ tiêu “Thư viện cơ sở giáo dục ứng dụng công nghệ thông tin, "
        "chuyển đổi số”, phấn đấu có thêm 4 thư viện để đạt chỉ tiêu năm 2030 (80%)." in directions
    )
    assert any("để đạt chỉ tiêu năm 2030 (50%)" in task for task in directions)  # communes 3/9
    assert any("thêm khoảng 19.380 lượt so với năm 2025" in task for task in directions)
    assert not any("chỉ tiêu năm 2025" in task for task in directions)


def test_final_year_looks_to_the_next_phase(sample_config):
    figures = evaluate(sample_like_intake(2030), sample_config, sample_like_history(2030))
    context = build_context(figures, sample_config)
    assert context["directions_heading"] == "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ GIAI ĐOẠN TIẾP THEO"
    assert context["directions"]  # never an empty section
    assert not any("2031" in task for task in context["directions"])


@pytest.mark.parametrize(
    ("group", "text"),
    [
        (
            1,  # one activity: "tiêu biểu là", not a list of one
            "1 đơn vị đã tổ chức 1 hoạt động, thu hút 40 lượt người tham gia; tiêu biểu là Số hóa "
            "tài liệu địa chí (Trung tâm Văn hóa - Thể thao - Du lịch và Truyền thông, 40 lượt).",
        ),
        (
            0,  # two activities, most participants first, inline too
            "2 đơn vị đã tổ chức 2 hoạt động, thu hút 1.550 lượt người tham gia; tiêu biểu: Tuyên "
            "truyền lưu động về học tập suốt đời (Trung tâm Văn hóa - Thể thao - Du lịch và Truyền "
            "thông, 1.200 lượt); Ngày hội đọc sách & văn hóa <đọc> (UBND xã Đắk La, 350 lượt).",
        ),
    ],
    ids=["one-example", "two-examples"],
)
def test_task_group_examples_are_inline(sample_config, group, text):
    task_group = build_context(sample_figures(), sample_config)["task_groups"][group]
    assert task_group["text"] == text
    assert task_group["points"] == []


@pytest.mark.parametrize(
    ("state", "social", "sentence"),
    [
        (
            45_000_000,
            0,
            "Tổng kinh phí thực hiện Chương trình năm 2025 là 45.000.000 đồng, toàn bộ từ ngân "
            "sách nhà nước; chưa huy động được nguồn xã hội hóa.",
        ),
        (
            0,
            12_500_000,
            "Tổng kinh phí thực hiện Chương trình năm 2025 là 12.500.000 đồng, toàn bộ từ nguồn "
            "xã hội hóa.",
        ),
    ],
    ids=["state-only", "social-only"],
)
def test_funding_from_one_source_has_no_zero_share(sample_config, state, social, sentence):
    figures = sample_figures(state_funding=state, social_funding=social)
    assert build_context(figures, sample_config)["funding_sentences"] == [sentence]
