"""Sections III-V: the units' texts grouped by theme, content-free texts left out, the figures'
own points, and what a review year says of its growth."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from fractions import Fraction

import pytest
from figures_fixture import sample_figures

from reportgen import assessment
from reportgen.assessment import Opinion, by_theme, says_nothing
from reportgen.config import Theme
from reportgen.models import UnitFigures
from reportgen.narrative import build_context

BODY = "Ủy ban nhân dân huyện"  # how section V names the issuing body of the sample config
LEAD = (
    "Trên cơ sở đề xuất của các đơn vị, Ủy ban nhân dân huyện kiến nghị Sở Văn hóa, Thể thao và "
    "Du lịch tỉnh Kon Tum quan tâm, hướng dẫn, hỗ trợ:"
)
STAFF = Theme(
    "Cán bộ kiêm nhiệm",
    ("kiêm nhiệm", "bồi dưỡng"),
    (
        ("shortcomings", "Cán bộ phụ trách thư viện cơ sở làm việc kiêm nhiệm"),
        ("proposals", "Tập huấn nghiệp vụ thư viện cho cán bộ cơ sở"),
    ),
)
FUNDS = Theme(
    "Kinh phí",
    ("kinh phí", "quỹ"),
    (
        ("shortcomings", "Kinh phí cho hoạt động thư viện còn thấp"),
        ("proposals", "Bố trí kinh phí thực hiện Chương trình"),
    ),
)
AWARDS = Theme(  # like themes.toml's: a sentence for section V only
    "Khen thưởng",
    ("khen thưởng",),
    (("proposals", "Khen thưởng kịp thời tập thể, cá nhân tiêu biểu"),),
)
STAFF_LINE = "- Cán bộ phụ trách thư viện cơ sở làm việc kiêm nhiệm"
FUNDS_LINE = "- Kinh phí cho hoạt động thư viện còn thấp"


@pytest.fixture(scope="module")
def themed(sample_config):
    """The sample configuration with three small themes of our own."""
    return replace(sample_config, themes=(STAFF, FUNDS, AWARDS))


def grouped(config, field, *said):
    """by_theme over (unit, text) pairs sent for one field."""
    opinions = [Opinion(unit, field, text) for unit, text in said]
    return by_theme(opinions, field, config, config.unit_names)


# Texts that say nothing -------------------------------------------------------------------------

EMPTY = {
    "khong-co": "Không có",
    "tiep-tuc": "Tiếp tục.",
    "khong-co-de-xuat": "Không có đề xuất.",
    "khong-co-kien-nghi": "Không có kiến nghị",
    "x": "x",
    "upper-case": "KHÔNG CÓ Ý KIẾN",
    "list-mark-and-closing-mark": "- Không có đề xuất, kiến nghị./.",
    "nhu-tren": "Như trên",
    "no-diacritics": "khong co de xuat",
    "decomposed": unicodedata.normalize("NFD", "Chưa có."),
    "nothing-more": "Không có đề xuất gì thêm.",
    "no-opinion": "Chưa có ý kiến",
}
CONTENT = {
    "no-funds": "Không có kinh phí mua sách mới",
    "carry-on-with-what": "Tiếp tục duy trì tủ sách thôn",
    "proposal": "Đề nghị hỗ trợ máy tính cho thư viện xã",
    "short-but-real": "Thiếu sách",
}


@pytest.mark.parametrize("text", EMPTY.values(), ids=list(EMPTY))
def test_a_content_free_text_says_nothing(text):
    assert says_nothing(text)


@pytest.mark.parametrize("text", CONTENT.values(), ids=list(CONTENT))
def test_a_text_with_content_is_kept(text):
    assert not says_nothing(text)


# Grouping by theme --------------------------------------------------------------------------------

SPELLINGS = {
    "upper-case": "cán bộ phụ trách làm việc KIÊM NHIỆM",
    "no-diacritics": "Can bo thu vien kiem nhiem",
    "decomposed": unicodedata.normalize("NFD", "Cán bộ thư viện kiêm nhiệm"),
    "hyphenated": "Cán bộ thư viện kiêm-nhiệm nhiều việc",
}


@pytest.mark.parametrize("text", SPELLINGS.values(), ids=list(SPELLINGS))
def test_a_theme_word_matches_whatever_the_case_and_diacritics(themed, text):
    lines = grouped(
        themed, "shortcomings", ("XA-DAKLA", "Cán bộ thư viện kiêm nhiệm"), ("XA-DAKMAR", text)
    )
    assert lines == [f"{STAFF_LINE} (UBND xã Đắk La, UBND xã Đắk Mar)."]


def test_a_theme_word_matches_whole_words_only(themed):
    # "quỹ" is in "quyển" as letters, not as a word: the text fits no theme.
    lines = grouped(themed, "shortcomings", ("XA-DAKLA", "Thiếu quyển sách mới cho thiếu nhi"))
    assert lines == ["- Thiếu quyển sách mới cho thiếu nhi (UBND xã Đắk La)."]


COMMUNES = ("TT-DAKHA", "XA-DAKHRING", "XA-DAKLA", "XA-DAKLONG", "XA-DAKMAR")
EXAMPLES = {
    "one": (1, "UBND thị trấn Đắk Hà"),
    "two": (2, "UBND thị trấn Đắk Hà, UBND xã Đắk Hring"),
    "three": (3, "UBND thị trấn Đắk Hà, UBND xã Đắk Hring và 1 đơn vị khác"),
    "five": (5, "UBND thị trấn Đắk Hà, UBND xã Đắk Hring và 3 đơn vị khác"),
}


@pytest.mark.parametrize(("count", "units"), EXAMPLES.values(), ids=list(EXAMPLES))
def test_a_theme_names_two_units_as_examples_and_counts_the_rest(themed, count, units):
    said = [(code, "Cán bộ kiêm nhiệm") for code in COMMUNES[:count]]
    assert grouped(themed, "shortcomings", *said) == [f"{STAFF_LINE} ({units})."]


def test_a_unit_with_two_texts_in_a_theme_is_named_once(themed):
    lines = grouped(
        themed,
        "shortcomings",
        ("XA-DAKLA", "Cán bộ kiêm nhiệm"),
        ("XA-DAKLA", "Chưa được bồi dưỡng nghiệp vụ"),
        ("XA-DAKMAR", "Cán bộ văn hóa kiêm nhiệm"),
    )
    assert lines == [f"{STAFF_LINE} (UBND xã Đắk La, UBND xã Đắk Mar)."]


def test_a_theme_without_a_sentence_for_the_section_leaves_the_text_as_written(themed):
    text = "Được huyện khen thưởng về phong trào đọc sách."
    assert grouped(themed, "highlights", ("XA-DAKLA", text)) == [
        "- Được huyện khen thưởng về phong trào đọc sách (UBND xã Đắk La)."
    ]
    assert grouped(themed, "proposals", ("XA-DAKLA", "Đề nghị khen thưởng cộng tác viên")) == [
        "- Khen thưởng kịp thời tập thể, cá nhân tiêu biểu (UBND xã Đắk La)."
    ]


def test_themes_come_in_their_order_then_texts_that_fit_none(themed):
    lines = grouped(
        themed,
        "shortcomings",
        ("XA-DAKLA", "Thiếu người trông coi tủ sách thôn."),
        ("XA-DAKMAR", "Kinh phí mua sách còn ít"),
        ("XA-DAKUI", "Cán bộ kiêm nhiệm"),
        ("XA-DAKLONG", "Nhà văn hóa thôn xuống cấp"),
    )
    assert lines == [
        f"{STAFF_LINE} (UBND xã Đắk Ui).",
        f"{FUNDS_LINE} (UBND xã Đắk Mar).",
        "- Thiếu người trông coi tủ sách thôn (UBND xã Đắk La).",
        "- Nhà văn hóa thôn xuống cấp (UBND xã Đắk Long).",
    ]


def test_a_text_that_fits_no_theme_sent_by_two_units_is_said_once(themed):
    lines = grouped(
        themed,
        "shortcomings",
        ("XA-DAKLA", "Thiếu người trông coi tủ sách thôn."),
        ("XA-HAMON", "thiếu người trông coi tủ sách thôn"),  # the same, in other case
        ("XA-DAKUI", "- Thiếu người trông coi tủ sách thôn!"),  # the same, as a list item
    )
    assert len(lines) == 1
    assert lines[0].startswith("- Thiếu người trông coi tủ sách thôn (UBND xã Đắk La")


def test_a_text_two_units_sent_names_both_units(themed):
    lines = grouped(
        themed,
        "shortcomings",
        ("XA-DAKLA", "Thiếu người trông coi tủ sách thôn."),
        ("XA-HAMON", "thiếu người trông coi tủ sách thôn"),
    )
    assert lines == ["- Thiếu người trông coi tủ sách thôn (UBND xã Đắk La, UBND xã Hà Mòn)."]


def test_a_text_on_two_themes_is_counted_under_both(themed):
    lines = grouped(themed, "shortcomings", ("XA-DAKLA", "Thiếu kinh phí bồi dưỡng cán bộ"))
    assert lines == [f"{STAFF_LINE} (UBND xã Đắk La).", f"{FUNDS_LINE} (UBND xã Đắk La)."]


def test_a_listed_text_that_fits_no_theme_becomes_one_sentence(themed):
    text = "- Thiếu sách cho thiếu nhi;\n- Phòng đọc chật.\n"
    assert grouped(themed, "shortcomings", ("XA-DAKLA", text)) == [
        "- Thiếu sách cho thiếu nhi; Phòng đọc chật (UBND xã Đắk La)."
    ]


def test_points_raised_by_more_units_come_first_and_past_the_limit_are_counted(themed):
    said = [
        ("XA-DAKLA", "Thiếu người trông coi tủ sách thôn."),
        ("XA-DAKMAR", "Kinh phí mua sách còn ít"),
        ("XA-DAKUI", "Cán bộ kiêm nhiệm"),
        ("XA-HAMON", "Kinh phí hoạt động thấp"),
        ("XA-DAKLONG", "Nhà văn hóa thôn xuống cấp"),
    ]
    opinions = [Opinion(unit, "shortcomings", text) for unit, text in said]
    lines = by_theme(opinions, "shortcomings", themed, themed.unit_names, limit=2)
    assert lines == [
        f"{FUNDS_LINE} (UBND xã Đắk Mar, UBND xã Hà Mòn).",  # two units: first
        f"{STAFF_LINE} (UBND xã Đắk Ui).",  # then the themes' own order
        "- Các ý kiến khác của đơn vị (2 ý) được tổng hợp nguyên văn tại Biểu 7 kèm theo.",
    ]
    everything = by_theme(opinions, "shortcomings", themed, themed.unit_names, limit=0)
    assert len(everything) == 4 and not any("Biểu 7" in line for line in everything)
    assert by_theme(opinions, "shortcomings", themed, themed.unit_names, limit=4) == everything


def test_each_section_states_as_many_points_as_the_profile_says(sample_config):
    figures = with_texts(
        *[
            (code, "proposals", f"Đề nghị hỗ trợ nội dung riêng số {i} cho đơn vị")
            for i, code in enumerate(COMMUNES)
        ]
    )
    three = replace(sample_config, profile=replace(sample_config.profile, points_per_section=3))
    lines = assessment.proposals(figures, three, BODY)
    assert lines[1:] == [
        "- Đề nghị hỗ trợ nội dung riêng số 0 cho đơn vị (UBND thị trấn Đắk Hà).",
        "- Đề nghị hỗ trợ nội dung riêng số 1 cho đơn vị (UBND xã Đắk Hring).",
        "- Đề nghị hỗ trợ nội dung riêng số 2 cho đơn vị (UBND xã Đắk La).",
        "- Các ý kiến khác của đơn vị (2 ý) được tổng hợp nguyên văn tại Biểu 7 kèm theo.",
    ]


def test_no_texts_no_lines(themed):
    assert grouped(themed, "shortcomings") == []


def test_without_themes_every_text_stands_as_written(sample_config):
    bare = replace(sample_config, themes=())
    lines = grouped(
        bare,
        "shortcomings",
        ("XA-DAKLA", "Cán bộ kiêm nhiệm"),
        ("XA-DAKMAR", "Cán bộ văn hóa kiêm nhiệm."),
    )
    assert lines == [
        "- Cán bộ kiêm nhiệm (UBND xã Đắk La).",
        "- Cán bộ văn hóa kiêm nhiệm (UBND xã Đắk Mar).",
    ]


def test_a_text_about_rules_is_not_called_a_funding_problem(sample_config):
    lines = grouped(
        sample_config,
        "shortcomings",
        ("XA-DAKLA", "Chưa ban hành quy chế hoạt động của thư viện xã"),
    )
    assert lines == ["- Chưa ban hành quy chế hoạt động của thư viện xã (UBND xã Đắk La)."]


# The sections, with the repository's themes.toml ------------------------------------------------


def with_texts(*texts):
    """The sample year with these (unit, field, text) as the units' Đánh giá sheets."""
    return sample_figures(assessments=texts)


def test_proposals_are_put_to_the_recipient_without_the_content_free_ones(sample_config):
    figures = with_texts(
        ("XA-DAKLA", "proposals", "Đề nghị hỗ trợ máy tính cho thư viện xã"),
        ("XA-DAKMAR", "proposals", "Không có đề xuất."),
        ("XA-DAKUI", "proposals", "Đề nghị tỉnh hỗ trợ kinh phí mua máy tính, kết nối internet"),
        ("XA-HAMON", "proposals", "Tiếp tục."),
        ("HKH", "proposals", "Biểu dương, khen thưởng các gia đình học tập tiêu biểu"),
    )
    lines = assessment.proposals(figures, sample_config, BODY)
    assert lines == [
        LEAD,
        "- Hỗ trợ kinh phí mua sắm máy tính, phần mềm quản lý thư viện và kết nối Internet "
        "(UBND xã Đắk La, UBND xã Đắk Ui).",
        "- Quan tâm bố trí kinh phí thực hiện Chương trình, hướng dẫn lập dự toán riêng cho nhiệm "
        "vụ học tập suốt đời (UBND xã Đắk Ui).",
        "- Khen thưởng kịp thời các tập thể, cá nhân tiêu biểu trong phong trào học tập suốt đời "
        "(Hội Khuyến học huyện).",
    ]
    assert not any("Đắk Mar" in line or "Hà Mòn" in line for line in lines)


def test_when_no_unit_proposes_anything_section_v_says_so_without_the_lead(sample_config):
    figures = with_texts(
        ("XA-DAKMAR", "proposals", "Không có đề xuất."),
        ("XA-HAMON", "proposals", "Không có kiến nghị"),
        ("XA-DAKLA", "shortcomings", "Kinh phí mua sách còn hạn chế"),
    )
    assert assessment.proposals(figures, sample_config, BODY) == []
    assert build_context(figures, sample_config)["proposals"] == ["Không có."]


def test_shortcomings_start_from_the_figures_then_the_units_points(sample_config):
    lines = assessment.shortcomings(sample_figures(), sample_config)
    assert lines == [
        "Còn 1/8 chỉ tiêu chưa đạt so với mốc năm 2025; khoảng cách lớn nhất ở chỉ tiêu “Thư "
        "viện cơ sở giáo dục ứng dụng công nghệ thông tin, chuyển đổi số” (65,7%, chỉ tiêu 70%, "
        "cần thêm 2 thư viện).",
        "Còn 1 đơn vị chưa gửi báo cáo: UBND xã Ngọk Wang.",
        "Báo cáo của các đơn vị có 1 lỗi số liệu (ô ghi sai, thiếu hoặc tệp không đọc được); phần "
        "số liệu có lỗi phải để ngoài số liệu tổng hợp (chi tiết tại Biểu 6 của Phụ lục).",
        "- Kinh phí dành cho hoạt động học tập suốt đời còn thấp; nguồn xã hội hóa chưa được huy "
        "động tương xứng (UBND xã Đắk La).",
    ]  # Hà Mòn's missing date is a warning, not one of the errors counted


def test_strengths_name_the_target_met_by_the_widest_margin(sample_config):
    first = assessment.strengths(sample_figures(), sample_config)[0]
    assert first == (
        "Có 7/8 chỉ tiêu đạt so với mốc năm 2025; vượt nhiều nhất là chỉ tiêu “Thư viện công "
        "cộng cấp xã cung cấp dịch vụ phục vụ học tập suốt đời” (33,3%, chỉ tiêu 20%)."
    )  # 33,3% against 20% is 13,3 points; the district library's 100% is exactly its target


def test_strengths_name_the_busiest_units_and_the_communes_most_read(sample_config):
    figures = sample_figures()
    others = (  # the schools and the district library serve more readers than any commune
        UnitFigures("PGDDT", "PGDDT", 35, 26, 25, 43_000, 0, 0, 4, 3_022, 0, 0),
        UnitFigures("TTVHTT", "TTVHTT", 1, 1, 1, 28_640, 0, 0, 7, 5_129, 0, 0),
    )
    lines = assessment.strengths(
        replace(figures, per_unit=figures.per_unit + others), sample_config
    )
    assert lines[1:3] == [
        "Các đơn vị tổ chức hoạt động thu hút nhiều người tham gia nhất: Trung tâm Văn hóa - "
        "Thể thao - Du lịch và Truyền thông (7 hoạt động, 5.129 lượt người tham gia); Phòng Giáo "
        "dục và Đào tạo (4 hoạt động, 3.022 lượt người tham gia).",
        "Thư viện, tủ sách cấp xã phục vụ nhiều lượt bạn đọc nhất: UBND xã Ngọk Réo (1.009 lượt); "
        "UBND xã Hà Mòn (1.008 lượt).",
    ]


def test_the_final_year_carries_unmet_targets_into_the_next_phase(sample_config):
    figures = sample_figures(
        year=2030,
        milestone=2030,
        assessments=(("PGDDT", "next_year", "Nâng cấp phần mềm quản lý thư viện"),),
    )
    assert assessment.directions(figures, sample_config) == [
        "- Tiếp tục thực hiện chỉ tiêu “Thư viện cơ sở giáo dục ứng dụng công nghệ thông tin, "
        "chuyển đổi số” (65,7%, chỉ tiêu 70%, cần thêm 2 thư viện) trong giai đoạn tiếp theo.",
        "- Tham mưu xây dựng Kế hoạch thực hiện Chương trình giai đoạn tiếp theo trên cơ sở kết "
        "quả tổng kết giai đoạn 2023 - 2030.",
        "- Đẩy mạnh ứng dụng công nghệ thông tin, phần mềm quản lý và số hóa tài liệu trong thư "
        "viện (Phòng Giáo dục và Đào tạo).",
    ]


# A review year judges growth on the period's average: so must sections III.1 and III.2 ----------


def _midterm(share_code=None, numerator=0, denominator=0, **growth):
    """2025, the midterm review: growth judged on 2023-2025's average, one share changed."""
    figures = sample_figures()
    indicators = []
    for r in figures.indicators:
        if r.code == "TV_LUOT_TANG":
            r = replace(r, average_since=2023, on_average=True, **growth)
        elif r.code == share_code:
            value = Fraction(numerator, denominator)
            r = replace(
                r,
                numerator=numerator,
                denominator=denominator,
                value=value,
                met=value >= r.target,
                gap_units=0 if value >= r.target else 1,
            )
        indicators.append(r)
    return replace(figures, indicators=tuple(indicators))


def test_an_unmet_growth_is_ranked_by_its_average(sample_config):
    # One year's 11,1% beside a 5,4% average; schools 24/35 = 68,6% against 70%.
    figures = _midterm(
        "TV_CDS_GD",
        24,
        35,
        value=Fraction(111, 1000),
        average_growth=0.054,
        met=False,
        gap_units=None,
    )
    first = assessment.shortcomings(figures, sample_config)[0]
    assert first.startswith("Còn 2/8 chỉ tiêu chưa đạt so với mốc năm 2025;")
    assert "khoảng cách lớn nhất ở chỉ tiêu “Tăng số lượt người sử dụng thư viện" in first


def test_a_growth_met_on_average_is_not_said_to_exceed_by_one_years_jump(sample_config):
    # One year's 30% beside an 8,2% average: 0,2 points over 8%; communes 33,3% against 20%.
    figures = _midterm(value=Fraction(30, 100), average_growth=0.082, met=True, gap_units=0)
    first = assessment.strengths(figures, sample_config)[0]
    assert first == (
        "Có 7/8 chỉ tiêu đạt so với mốc năm 2025; vượt nhiều nhất là chỉ tiêu “Thư viện công "
        "cộng cấp xã cung cấp dịch vụ phục vụ học tập suốt đời” (33,3%, chỉ tiêu 20%)."
    )
