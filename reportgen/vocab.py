"""The contract's sheet names, column headers and fixed value lists: one source of truth."""

from __future__ import annotations

SHEET_INFO = "Thông tin"
SHEET_LIBRARIES = "Thư viện"
SHEET_INSTITUTIONS = "Thiết chế văn hóa"
SHEET_ACTIVITIES = "Hoạt động"
SHEET_FUNDING = "Kinh phí"
SHEET_ASSESSMENT = "Đánh giá"

# Label/value sheet `Thông tin`: label in column A -> field name.
INFO_LABELS = {
    "Mã đơn vị": "code",
    "Tên đơn vị": "name",
    "Năm báo cáo": "year",
    "Người lập": "author",
    "Số điện thoại": "phone",
    "Ngày lập": "made_on",
}

# Label/value sheet `Đánh giá`: label in column A -> field name.
ASSESSMENT_LABELS = {
    "Kết quả nổi bật": "highlights",
    "Tồn tại, hạn chế": "shortcomings",
    "Nguyên nhân": "causes",
    "Phương hướng năm tới": "next_year",
    "Đề xuất, kiến nghị": "proposals",
}

# Table sheets: header text -> field name, in the contract's column order.
LIBRARY_COLUMNS = {
    "STT": "stt",
    "Tên thư viện": "name",
    "Loại thư viện": "kind",
    "Phục vụ học tập suốt đời": "serves_lifelong",
    "Ứng dụng CNTT, chuyển đổi số": "digital",
    "Lượt người sử dụng": "uses",
    "Số bản sách": "books",
    "Ghi chú": "note",
}
INSTITUTION_COLUMNS = {
    "STT": "stt",
    "Tên thiết chế": "name",
    "Loại thiết chế": "kind",
    "Có lớp năng khiếu, CLB, nhóm sở thích": "has_clubs",
    "Thường xuyên tổ chức hoạt động VHVN, TDTT": "regular_activities",
    "Số CLB, nhóm": "clubs",
    "Ghi chú": "note",
}
ACTIVITY_COLUMNS = {
    "STT": "stt",
    "Tên hoạt động": "name",
    "Nhiệm vụ": "task",
    "Dịp": "occasion",
    "Thời gian": "held_on",
    "Số lượt người tham gia": "participants",
    "Ghi chú": "note",
}
FUNDING_COLUMNS = {
    "STT": "stt",
    "Nội dung": "content",
    "Nguồn kinh phí": "source",
    "Số tiền (đồng)": "amount",
}

LIB_DISTRICT = "Thư viện huyện"
LIB_COMMUNE = "Thư viện công cộng cấp xã"
LIB_SCHOOL = "Thư viện cơ sở giáo dục"
LIB_VOCATIONAL = "Thư viện cơ sở giáo dục nghề nghiệp"
LIB_READING_POINT = "Tủ sách, điểm đọc cơ sở"
LIBRARY_KINDS = (LIB_DISTRICT, LIB_COMMUNE, LIB_SCHOOL, LIB_VOCATIONAL, LIB_READING_POINT)

INST_COMMUNE_CENTRE = "Trung tâm văn hóa, thể thao xã"
INST_VILLAGE_HOUSE = "Nhà văn hóa - khu thể thao thôn"
INSTITUTION_KINDS = (INST_COMMUNE_CENTRE, INST_VILLAGE_HOUSE)

FUND_STATE = "Ngân sách nhà nước"
FUND_SOCIAL = "Xã hội hóa"
FUNDING_SOURCES = (FUND_STATE, FUND_SOCIAL)

YES = "Có"
NO = "Không"

# Task groups of plan section III, by number.
TASK_GROUPS = {
    1: "Tuyên truyền, phổ biến nâng cao nhận thức về học tập suốt đời",
    2: "Củng cố cơ sở hạ tầng, mạng lưới; ứng dụng công nghệ thông tin, chuyển đổi số",
    3: "Phát triển và nâng cao chất lượng nguồn nhân lực",
    4: "Tăng cường hợp tác quốc tế",
    5: "Đẩy mạnh thực hiện xã hội hóa",
}

# Words that mark a total row, never counted as data.
TOTAL_ROW_WORDS = ("tổng cộng", "cộng", "tổng")

# What a gap counts, by indicator measure (models.Measure values).
GAP_WORDS = {
    "library_share": "thư viện",
    "institution_share": "thiết chế",
    "library_uses_growth": "lượt",
}

# Verdicts on an indicator, everywhere they are printed: report, screen, change list.
MET = "Đạt"
NOT_MET = "Chưa đạt"
NO_DATA = "Không có số liệu"
INSUFFICIENT = "Chưa đủ số liệu"
LOW_COVERAGE = "Chưa đủ số liệu để đánh giá"

SEVERITY_WORDS = {"error": "Lỗi", "warning": "Cảnh báo"}

# Each problem code (models.ProblemCode) with its Vietnamese title, for the problem list.
PROBLEM_TITLES = {
    "file-unreadable": "Tệp không đọc được",
    "file-encrypted": "Tệp có mật khẩu",
    "file-empty": "Tệp trống",
    "file-unexpected-error": "Lỗi không lường trước khi đọc tệp",
    "sheet-missing": "Không có sheet đúng mẫu",
    "unknown-unit": "Không nhận ra đơn vị",
    "unit-from-file-name": "Đơn vị nhận theo tên tệp",
    "duplicate-return": "Đơn vị gửi nhiều tệp",
    "return-missing": "Đơn vị chưa gửi",
    "year-mismatch": "Năm báo cáo không khớp",
    "header-not-found": "Không tìm thấy dòng tiêu đề",
    "column-missing": "Thiếu cột",
    "column-ambiguous": "Hai cột cùng tên",
    "formula-without-value": "Công thức chưa có giá trị",
    "cell-empty": "Ô bắt buộc để trống",
    "cell-not-number": "Không phải là số",
    "cell-negative": "Số âm",
    "cell-not-integer": "Không phải số nguyên",
    "cell-not-yes-no": "Không phải Có/Không",
    "cell-not-in-list": "Không có trong danh mục",
    "cell-not-task": "Sai số nhiệm vụ",
    "cell-not-date": "Không phải là ngày",
    "date-outside-year": "Ngày ngoài năm báo cáo",
    "zero-uses-but-serving": "Phục vụ nhưng 0 lượt",
    "year-on-year-jump": "Chênh lệch lớn so với năm trước",
    "figures-invalid": "Tệp số liệu không đúng lược đồ",
    "plan-mismatch": "Khác Chương trình, Kế hoạch",
    "sheet-unused": "Sheet trùng tên không được đọc",
    "cell-too-large": "Số lớn bất thường",
    "legacy-text-guessed": "Chữ phông cũ chuyển chưa chắc chắn",
    "legacy-text-unconverted": "Chữ phông cũ không chuyển được",
}

# The levels of local government a report can be issued at, as profile.toml's `level` names them.
LEVELS = ("xa", "huyen", "tinh")

# The largest value one cell of a column can plausibly hold (config/plan.toml [limits] may
# change them): past it the cell is an error naming it, never a 300-digit growth in a report.
DEFAULT_LIMITS = {
    "uses": 10_000_000,  # users of one library in a year
    "books": 10_000_000,  # books of one library
    "clubs": 1_000,  # clubs and groups of one institution
    "participants": 1_000_000,  # participants of one activity
    "amount": 1_000_000_000_000,  # one payment, in đồng
}
