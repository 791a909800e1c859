"""The sentences the report writes, as templates the clerk may reword in config/phrases.toml.

Each phrase is a text with `{name}` placeholders the tool fills. A reworded phrase may use the
same placeholders, in any order, or fewer; an unknown one is refused with the file and phrase.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field

# The defaults: what the report says when config/phrases.toml rewords nothing.
DEFAULTS: dict[str, str] = {
    # Trích yếu, mở đầu và câu kết.
    "summary_year": "Kết quả thực hiện Chương trình “{programme}” năm {year}",
    "summary_review": (
        "{Review} giai đoạn {first_year} - {year} thực hiện Chương trình “{programme}”"
    ),
    "opening": (
        "Thực hiện Kế hoạch số {plan_number}/KH-{plan_abbr} ngày {plan_date} của {plan_issuer} về "
        "thực hiện Chương trình “{programme}”, {body} báo cáo kết quả thực hiện năm {year} như "
        "sau:"
    ),
    "opening_review": (
        "Thực hiện Kế hoạch số {plan_number}/KH-{plan_abbr} ngày {plan_date} của {plan_issuer} về "
        "thực hiện Chương trình “{programme}”, {body} báo cáo {review} kết quả thực hiện năm "
        "{year} và giai đoạn {first_year} - {year} như sau:"
    ),
    "closing": "Trên đây là báo cáo {summary} của {body}",
    # I. Công tác chỉ đạo, triển khai.
    "reported_none": "Năm {year}, chưa có đơn vị nào gửi báo cáo kết quả thực hiện Chương trình.",
    "reported_all": (
        "Năm {year}, có {received}/{expected} đơn vị gửi báo cáo kết quả thực hiện Chương "
        "trình, đủ các đơn vị phải báo cáo."
    ),
    "reported_but": (
        "Năm {year}, có {received}/{expected} đơn vị gửi báo cáo kết quả thực hiện Chương "
        "trình; đến ngày lập báo cáo, còn {missing} chưa gửi báo cáo."
    ),
    "reported_few": (
        "Năm {year}, có {received}/{expected} đơn vị gửi báo cáo kết quả thực hiện Chương "
        "trình: {units}; {missing_count} đơn vị còn lại chưa gửi báo cáo."
    ),
    "communication": (
        "Công tác tuyên truyền được các đơn vị quan tâm; {units} đơn vị đã tổ chức {activities} "
        "hoạt động tuyên truyền, phổ biến nâng cao nhận thức về học tập suốt đời, thu hút "
        "{participants} lượt người tham gia; nhiều nhất là {busiest}."
    ),
    "communication_none": (
        "Chưa có đơn vị nào báo cáo hoạt động tuyên truyền, phổ biến nâng cao nhận thức về học "
        "tập suốt đời."
    ),
    # II.1. Kết quả thực hiện các chỉ tiêu.
    "indicators_intro": "Kết quả thực hiện các chỉ tiêu của Kế hoạch so với mốc năm {milestone}:",
    "indicators_intro_partial": (
        "Kết quả thực hiện các chỉ tiêu của Kế hoạch so với mốc năm {milestone} ({note}):"
    ),
    "coverage_units": (
        "số liệu tổng hợp từ {received}/{expected} đơn vị; chưa có số liệu của {missing}"
    ),
    "coverage_rows": "không tính {rows} không hợp lệ, chi tiết tại Biểu 6 của Phụ lục",
    "share_goal": "chỉ tiêu năm {milestone} ({target})",
    "share_all": "{scope} có {share} {predicate}",
    "share_reported": "Trong số các đơn vị đã báo cáo, có {share} {predicate}",
    "share_one_done": "{subject} đã {predicate}",
    "share_one_not": "{subject} chưa {predicate}",
    "share_no_data": (
        "Về {subject}: không có số liệu (chưa có {subject} nào được báo cáo), chưa đánh giá được "
        "so với {goal}."
    ),
    "verdict_met": "đạt {goal}",
    "verdict_unmet": "chưa đạt {goal}",
    "verdict_gap": "cần thêm {gap} {word}",
    "unjudged": ("chưa đủ số liệu để đánh giá vì mới có {received}/{expected} đơn vị gửi báo cáo"),
    "uses_head": "Tổng số lượt người sử dụng thư viện năm {year} đạt {uses} lượt",
    "uses_head_partial": (
        "Tổng số lượt người sử dụng thư viện năm {year} của {received} đơn vị đã báo cáo đạt "
        "{uses} lượt"
    ),
    "uses_goal": "chỉ tiêu tăng bình quân {target}",
    "uses_no_earlier_year": "{head}; chưa đủ số liệu năm {earlier_year} để đánh giá {goal}.",
    "uses_against_all": "{change} so với năm {earlier_year} ({earlier} lượt)",
    "uses_against_baseline": (
        "{change} so với năm {earlier_year} ({earlier} lượt, số liệu năm gốc của Kế hoạch)"
    ),
    "uses_like_for_like": (
        "so sánh trên {units} đơn vị có số liệu cả hai năm, {change} so với năm {earlier_year} "
        "(từ {earlier} lên {current} lượt; không tính {left_out})"
    ),
    "uses_only_earlier": "{units}, chưa có số liệu năm {year}",
    "uses_only_current": "{units}, không có số liệu năm {earlier_year}",
    "uses_average": "bình quân giai đoạn {since} - {year} {change}/năm",
    "unjudged_against": "{why} so với {goal}",
    "uses_average_milestone": "(mốc năm {milestone})",
    "left_out_rows": "{count} dòng số liệu {what}",
    "chart_shares": (
        "Biểu đồ {number}. Kết quả các chỉ tiêu năm {year} so với chỉ tiêu {milestones}"
    ),
    "chart_shares_partial": (
        "Biểu đồ {number}. Kết quả các chỉ tiêu năm {year} (các đơn vị đã báo cáo) so với chỉ "
        "tiêu {milestones}"
    ),
    "chart_uses": (
        "Biểu đồ {number}. Số lượt người sử dụng thư viện qua các năm (tổng của các đơn vị đã "
        "báo cáo trong năm)"
    ),
    "chart_period": (
        "Biểu đồ {number}. Các chỉ tiêu qua các năm của giai đoạn {first_year} - {year}"
    ),
    "appendix_title": "SỐ LIỆU KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH NĂM {year}",
    # II.2. Nhiệm vụ, giải pháp; II.3. Kinh phí.
    "group_none": "Chưa có đơn vị nào báo cáo hoạt động thuộc nhóm nhiệm vụ này.",
    "group_one": (
        "{units} đơn vị đã tổ chức {activities} hoạt động, thu hút {participants} lượt người "
        "tham gia; tiêu biểu là {examples}."
    ),
    "group_many": (
        "{units} đơn vị đã tổ chức {activities} hoạt động, thu hút {participants} lượt người "
        "tham gia; tiêu biểu: {examples}."
    ),
    "group_example": "{activity} ({unit}, {participants} lượt)",
    "group_unit_example": "{unit} ({participants} lượt)",
    "funding_none": "Năm {year}, các đơn vị chưa báo cáo kinh phí thực hiện Chương trình.",
    "funding_state_only": (
        "Tổng kinh phí thực hiện Chương trình năm {year} là {total}, toàn bộ từ ngân sách nhà "
        "nước; chưa huy động được nguồn xã hội hóa."
    ),
    "funding_social_only": (
        "Tổng kinh phí thực hiện Chương trình năm {year} là {total}, toàn bộ từ nguồn xã hội hóa."
    ),
    "funding_both": (
        "Tổng kinh phí thực hiện Chương trình năm {year} là {total}, trong đó: ngân sách nhà "
        "nước {state} ({state_share}); xã hội hóa {social} ({social_share})."
    ),
    # III-V khi không có gì để nêu; đề mục IV.
    "strengths_none": "Chưa có kết quả nổi bật được ghi nhận.",
    "shortcomings_none": "Không có.",
    "causes_none": "Các đơn vị chưa nêu nguyên nhân.",
    "directions_none": "Tiếp tục thực hiện các nhiệm vụ của Kế hoạch.",
    "proposals_none": "Không có.",
    "directions_heading": "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {next_year}",
    "directions_heading_last": "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ GIAI ĐOẠN TIẾP THEO",
    # III. Đánh giá chung (viết từ số liệu) và V. Kiến nghị.
    "met_summary": (
        "Có {met}/{indicators} chỉ tiêu đạt so với mốc năm {milestone}; vượt nhiều nhất là chỉ "
        "tiêu “{best}” ({value}, chỉ tiêu {target})."
    ),
    "leaders_participants": (
        "Các đơn vị tổ chức hoạt động thu hút nhiều người tham gia nhất: {units}."
    ),
    "leader_participants": "{unit} ({activities} hoạt động, {participants} lượt người tham gia)",
    "leaders_readers": "Thư viện, tủ sách cấp xã phục vụ nhiều lượt bạn đọc nhất: {units}.",
    "leader_readers": "{unit} ({uses} lượt)",
    "unmet_summary": (
        "Còn {unmet}/{indicators} chỉ tiêu chưa đạt so với mốc năm {milestone}; khoảng cách lớn "
        "nhất ở chỉ tiêu {worst}."
    ),
    "unmet_summary_more": (
        "Còn {unmet}/{indicators} chỉ tiêu chưa đạt so với mốc năm {milestone}; khoảng cách lớn "
        "nhất ở chỉ tiêu {worst}; tiếp đến là chỉ tiêu {rest}."
    ),
    "unmet_indicator": "“{indicator}” ({value}, chỉ tiêu {target}{gap})",
    "no_public_library": "Còn {count} xã, thị trấn chưa có thư viện công cộng cấp xã: {units}.",
    "least_active": (
        "Thiết chế văn hóa có câu lạc bộ, hoạt động thường xuyên còn ít nhất ở {units}."
    ),
    "least_active_unit": "{unit} ({active}/{all} thiết chế)",
    "missing_units": "Còn {count} đơn vị chưa gửi báo cáo: {units}.",
    "data_errors": (
        "Báo cáo của các đơn vị có {errors} lỗi số liệu (ô ghi sai, thiếu hoặc tệp không đọc "
        "được); phần số liệu có lỗi phải để ngoài số liệu tổng hợp (chi tiết tại Biểu {table} "
        "của Phụ lục)."
    ),
    "data_errors_rollup": (
        "Có {errors} tệp số liệu không đưa vào tổng hợp (không đúng lược đồ, khác năm, khác Kế "
        "hoạch hoặc không nhận ra địa phương; chi tiết tại Biểu 4 của Phụ lục)."
    ),
    "theme_line": "- {text} ({units}).",
    "points_in_appendix": (
        "- Các ý kiến khác của đơn vị ({count} ý) được tổng hợp nguyên văn tại Biểu 7 kèm theo."
    ),
    "points_in_workbook": (
        "- Các ý kiến khác của đơn vị ({count} ý) được tổng hợp nguyên văn tại bảng tính phụ lục "
        "kèm theo báo cáo."
    ),
    # Phụ lục của báo cáo có nhiều đơn vị (quá detail_units_max trong profile.toml).
    "ranking_in_workbook": (
        "Báo cáo tổng hợp số liệu của {units} địa phương (trên {most} địa phương), nên bảng xếp "
        "hạng chỉ nêu {ends} địa phương đứng đầu và {ends} địa phương đứng cuối theo từng chỉ "
        "tiêu. Bảng xếp hạng đầy đủ được lập tại bảng tính phụ lục kèm theo báo cáo này (tệp có "
        "tên kết thúc bằng “_phu-luc.xlsx”)."
    ),
    "details_in_workbook": (
        "Báo cáo tổng hợp số liệu của {units} đơn vị (trên {most} đơn vị), nên Phụ lục chỉ nêu "
        "số liệu của từng đơn vị. Danh sách chi tiết {rows} của các đơn vị được lập tại bảng "
        "tính phụ lục kèm theo báo cáo này (tệp có tên kết thúc bằng “_phu-luc.xlsx”)."
    ),
    "proposals_lead": (
        "Trên cơ sở đề xuất của các đơn vị, {body} kiến nghị {recipient} quan tâm, hướng dẫn, hỗ "
        "trợ:"
    ),
    "next_phase_carry": "- Tiếp tục thực hiện chỉ tiêu {indicator} trong giai đoạn tiếp theo.",
    "next_phase_plan": (
        "- Tham mưu xây dựng Kế hoạch thực hiện Chương trình giai đoạn tiếp theo trên cơ sở kết "
        "quả tổng kết giai đoạn {first_year} - {year}."
    ),
    # Năm sơ kết, tổng kết.
    "period_heading": "4. Kết quả thực hiện giai đoạn {first_year} - {year}",
    "period_intro": (
        "Qua từng năm của giai đoạn {first_year} - {year}, các chỉ tiêu và số liệu tổng hợp như "
        "sau (số liệu mỗi năm gồm các đơn vị đã báo cáo năm đó)."
    ),
    "period_years_without_data": "Năm {years} chưa có báo cáo số liệu của các đơn vị.",
    "commendation_lead": (
        "Đề nghị khen thưởng các tập thể, cá nhân có thành tích tiêu biểu trong thực hiện "
        "Chương trình:"
    ),
    "commendation_groups": "- Tập thể: {units}.",
    "commendation_busiest": (
        "{unit} (tổ chức {activities} hoạt động, thu hút {participants} lượt người tham gia năm "
        "{year})"
    ),
    "commendation_readers": "{unit} (thư viện, tủ sách phục vụ {uses} lượt bạn đọc năm {year})",
    "commendation_people": ("- Cá nhân: ………………………………………… (bổ sung theo đề nghị của các đơn vị)."),
    # IV. Nhiệm vụ năm tới theo chỉ tiêu.
    "task_share": (
        "- Tập trung thực hiện chỉ tiêu “{indicator}”, phấn đấu có thêm {gap} {word} để đạt chỉ "
        "tiêu năm {milestone} ({target})."
    ),
    "task_uses": (
        "- Phấn đấu tăng số lượt người sử dụng thư viện {target} (năm {next_year} cần thêm "
        "khoảng {gap} lượt so với năm {year}), theo chỉ tiêu năm {milestone}."
    ),
}

_FORMATTER = string.Formatter()


def placeholders(text: str) -> set[str]:
    """The `{name}` placeholders of a phrase; ValueError when its braces are broken."""
    return {name for _, name, _, _ in _FORMATTER.parse(text) if name is not None}


@dataclass(frozen=True)
class Phrases:
    """The report's phrases: the defaults, with the clerk's rewordings over them."""

    reworded: Mapping[str, str] = field(default_factory=dict)

    def __call__(self, key: str, **values: object) -> str:
        """The phrase `key` with its placeholders filled."""
        return self.reworded.get(key, DEFAULTS[key]).format(**values)
