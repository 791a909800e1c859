"""Fixed facts of the sample district: units, communes, schools, contract words."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

SEED = 20231105
YEARS = (2024, 2025)
MISSING = {2025: ("XA-NGOKWANG",)}
USES_GROWTH_2025 = Fraction(1104, 1000)


ASSESSMENT_LABELS = (
    "Kết quả nổi bật",
    "Tồn tại, hạn chế",
    "Nguyên nhân",
    "Phương hướng năm tới",
    "Đề xuất, kiến nghị",
)


LIB_DISTRICT = "Thư viện huyện"
LIB_COMMUNE = "Thư viện công cộng cấp xã"
LIB_SCHOOL = "Thư viện cơ sở giáo dục"
LIB_POINT = "Tủ sách, điểm đọc cơ sở"
INST_CENTRE = "Trung tâm văn hóa, thể thao xã"
INST_VILLAGE = "Nhà văn hóa - khu thể thao thôn"
FUND_STATE = "Ngân sách nhà nước"
FUND_SOCIAL = "Xã hội hóa"


REGISTRY = (
    ("TT-DAKHA", "UBND thị trấn Đắk Hà"),
    ("XA-DAKHRING", "UBND xã Đắk Hring"),
    ("XA-DAKLA", "UBND xã Đắk La"),
    ("XA-DAKLONG", "UBND xã Đắk Long"),
    ("XA-DAKMAR", "UBND xã Đắk Mar"),
    ("XA-DAKNGOK", "UBND xã Đắk Ngọk"),
    ("XA-DAKPXI", "UBND xã Đắk Pxi"),
    ("XA-DAKUI", "UBND xã Đắk Ui"),
    ("XA-HAMON", "UBND xã Hà Mòn"),
    ("XA-NGOKREO", "UBND xã Ngọk Réo"),
    ("XA-NGOKWANG", "UBND xã Ngọk Wang"),
    ("PGDDT", "Phòng Giáo dục và Đào tạo"),
    ("TTVHTT", "Trung tâm Văn hóa - Thể thao - Du lịch và Truyền thông"),
    ("PLDTBXH", "Phòng Lao động - Thương binh và Xã hội"),
    ("PTCKH", "Phòng Tài chính - Kế hoạch"),
    ("MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam huyện và các tổ chức đoàn thể"),
    ("HKH", "Hội Khuyến học huyện"),
)


@dataclass(frozen=True)
class CommuneSpec:
    """Fixed facts about one commune used to generate its rows."""

    code: str
    place: str
    villages: tuple[str, ...]
    library: dict[int, tuple[bool, bool]] | None
    qualifying: dict[int, int]
    points: int


def _numbered(prefix: str, *numbers: str) -> tuple[str, ...]:
    """Return village labels such as 'thôn 1', 'thôn 2'."""
    return tuple(f"{prefix} {n}" for n in numbers)


def _named(*names: str) -> tuple[str, ...]:
    """Return village labels such as 'thôn Kon Gung'."""
    return tuple(f"thôn {n}" for n in names)


NO, YES = False, True
COMMUNES = (
    CommuneSpec(
        "TT-DAKHA",
        "thị trấn Đắk Hà",
        _numbered("tổ dân phố", "1", "2", "3", "4", "5", "7") + _named("Kon Gung", "Kon Klốc"),
        {2024: (YES, YES), 2025: (YES, YES)},
        {2024: 5, 2025: 6},
        2,
    ),
    CommuneSpec(
        "XA-DAKHRING",
        "xã Đắk Hring",
        _numbered("thôn", "1", "2", "3", "4", "5", "6", "8", "10") + _named("Đắk Kang Pêng"),
        {2024: (NO, NO), 2025: (NO, NO)},
        {2024: 5, 2025: 5},
        3,
    ),
    CommuneSpec(
        "XA-DAKLA",
        "xã Đắk La",
        _numbered("thôn", "1A", "1B", "2", "3", "4", "6", "9") + _named("Kon Mơ Nay Kơ Tu"),
        {2024: (NO, NO), 2025: (NO, NO)},
        {2024: 4, 2025: 5},
        2,
    ),
    CommuneSpec(
        "XA-DAKLONG",
        "xã Đắk Long",
        _named("Kon Brắp Du", "Kon Brắp Ju", "Kon Hring", "Đắk Tiêng", "Kon Dơ"),
        {2024: (NO, NO), 2025: (NO, NO)},
        {2024: 2, 2025: 2},
        1,
    ),
    CommuneSpec(
        "XA-DAKMAR",
        "xã Đắk Mar",
        _numbered("thôn", "1", "2", "3", "5", "7") + _named("Kon Rờ Bàng", "Kon Stiu"),
        {2024: (NO, NO), 2025: (YES, YES)},
        {2024: 3, 2025: 4},
        2,
    ),
    CommuneSpec(
        "XA-DAKNGOK",
        "xã Đắk Ngọk",
        _numbered("thôn", "1", "2", "3", "4", "5") + _named("Tua Tem", "Kon Jong", "Đắk Kơ Đương"),
        {2024: (NO, NO), 2025: (NO, NO)},
        {2024: 4, 2025: 4},
        2,
    ),
    CommuneSpec(
        "XA-DAKPXI",
        "xã Đắk Pxi",
        _named("Đắk Lấp", "Kon Pao Kơ La", "Kon Teo", "Đắk Kđem", "Kon Pông"),
        None,
        {2024: 1, 2025: 2},
        3,
    ),
    CommuneSpec(
        "XA-DAKUI",
        "xã Đắk Ui",
        _named("Đắk Wek", "Kon Tu Peng", "Kon Đào", "Kon Gộp") + _numbered("thôn", "5"),
        {2024: (NO, NO), 2025: (NO, NO)},
        {2024: 3, 2025: 3},
        1,
    ),
    CommuneSpec(
        "XA-HAMON",
        "xã Hà Mòn",
        _numbered("thôn", "1", "2", "3", "4") + _named("Kon Tu", "Kon Kơ Lốk"),
        {2024: (NO, NO), 2025: (YES, NO)},
        {2024: 2, 2025: 3},
        2,
    ),
    CommuneSpec(
        "XA-NGOKREO",
        "xã Ngọk Réo",
        _named("Kon Pring", "Đắk Rơ Wang", "Kon Trang", "Kon Bơ Băn"),
        {2024: (NO, NO), 2025: (NO, NO)},
        {2024: 2, 2025: 2},
        1,
    ),
    CommuneSpec(
        "XA-NGOKWANG",
        "xã Ngọk Wang",
        _named("Kon Jơ Dreh", "Kon Gur", "Kon Rôn", "Kon Bỉu", "Đắk Wâk", "Kon Trang Long Loi"),
        None,
        {2024: 2, 2025: 2},
        2,
    ),
)


SCHOOLS = (
    *(
        f"Trường Mầm non {n}"
        for n in (
            "Hoa Hồng",
            "Họa Mi",
            "Sơn Ca",
            "Hoa Sen",
            "Tuổi Thơ",
            "Bình Minh",
            "Hoa Ban",
            "Đắk Pxi",
        )
    ),
    *(
        f"Trường Tiểu học {n}"
        for n in (
            "Lê Văn Tám",
            "Kim Đồng",
            "Trần Quốc Toản",
            "Nguyễn Văn Trỗi",
            "Võ Thị Sáu",
            "Lý Tự Trọng",
            "Hoàng Văn Thụ",
            "Phan Chu Trinh",
            "Nguyễn Bá Ngọc",
            "Đinh Tiên Hoàng",
            "Lê Lợi",
            "Ngô Mây",
        )
    ),
    *(f"Trường TH&THCS {n}" for n in ("Đắk Pxi", "Ngọk Réo", "Đắk Ui", "Ngọk Wang", "Hà Mòn")),
    "Trường PTDTBT Tiểu học Đắk Long",
    *(
        f"Trường THCS {n}"
        for n in (
            "Nguyễn Huệ",
            "Lương Thế Vinh",
            "Chu Văn An",
            "Nguyễn Du",
            "Trần Phú",
            "Lê Quý Đôn",
            "Quang Trung",
            "Nguyễn Trãi",
        )
    ),
    "Trường PTDTBT THCS Đắk Long",
)
# How many school libraries qualify each year: (serve lifelong learning, apply IT).
SCHOOL_COUNTS = {2024: (21, 18), 2025: (25, 24)}


AUTHORS = (
    "Nguyễn Thị Hồng Nhung",
    "Y Blai",
    "Trần Văn Hùng",
    "A Thuấn",
    "Lê Thị Thu Hà",
    "Phạm Minh Tuấn",
    "Y Hương",
    "Đinh Văn Lực",
    "Hoàng Thị Mai",
    "A Kiên",
    "Võ Thị Ngọc Lan",
    "Nguyễn Văn Sơn",
    "Bùi Thị Thanh Thủy",
    "Đặng Quốc Việt",
    "Lương Thị Hạnh",
    "Trịnh Văn Đức",
    "Y Lan",
)
