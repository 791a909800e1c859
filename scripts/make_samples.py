"""Generate deterministic sample unit workbooks for Đắk Hà in inputs/2024 and inputs/2025."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import random
import sys
import unicodedata
import zipfile
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cache
from math import ceil
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

SEED = 20231105
YEARS = (2024, 2025)
MISSING = {2025: ("XA-NGOKWANG",)}
DATE_FORMAT = "dd/mm/yyyy"
CREATOR = "Phòng Văn hóa - Thông tin huyện Đắk Hà (mẫu số liệu)"
USES_GROWTH_2025 = Fraction(1104, 1000)

SHEET_INFO = "Thông tin"
SHEET_LIBRARIES = "Thư viện"
SHEET_INSTITUTIONS = "Thiết chế văn hóa"
SHEET_ACTIVITIES = "Hoạt động"
SHEET_FUNDING = "Kinh phí"
SHEET_ASSESSMENT = "Đánh giá"

LIBRARY_HEADERS = (
    "STT", "Tên thư viện", "Loại thư viện", "Phục vụ học tập suốt đời",
    "Ứng dụng CNTT, chuyển đổi số", "Lượt người sử dụng", "Số bản sách", "Ghi chú",
)
INSTITUTION_HEADERS = (
    "STT", "Tên thiết chế", "Loại thiết chế", "Có lớp năng khiếu, CLB, nhóm sở thích",
    "Thường xuyên tổ chức hoạt động VHVN, TDTT", "Số CLB, nhóm", "Ghi chú",
)
ACTIVITY_HEADERS = (
    "STT", "Tên hoạt động", "Nhiệm vụ", "Dịp", "Thời gian", "Số lượt người tham gia", "Ghi chú",
)
FUNDING_HEADERS = ("STT", "Nội dung", "Nguồn kinh phí", "Số tiền (đồng)")
ASSESSMENT_LABELS = (
    "Kết quả nổi bật", "Tồn tại, hạn chế", "Nguyên nhân", "Phương hướng năm tới",
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
    CommuneSpec("TT-DAKHA", "thị trấn Đắk Hà",
                _numbered("tổ dân phố", "1", "2", "3", "4", "5", "7")
                + _named("Kon Gung", "Kon Klốc"),
                {2024: (YES, YES), 2025: (YES, YES)}, {2024: 5, 2025: 6}, 2),
    CommuneSpec("XA-DAKHRING", "xã Đắk Hring",
                _numbered("thôn", "1", "2", "3", "4", "5", "6", "8", "10")
                + _named("Đắk Kang Pêng"),
                {2024: (NO, NO), 2025: (NO, NO)}, {2024: 5, 2025: 5}, 3),
    CommuneSpec("XA-DAKLA", "xã Đắk La",
                _numbered("thôn", "1A", "1B", "2", "3", "4", "6", "9")
                + _named("Kon Mơ Nay Kơ Tu"),
                {2024: (NO, NO), 2025: (NO, NO)}, {2024: 4, 2025: 5}, 2),
    CommuneSpec("XA-DAKLONG", "xã Đắk Long",
                _named("Kon Brắp Du", "Kon Brắp Ju", "Kon Hring", "Đắk Tiêng", "Kon Dơ"),
                {2024: (NO, NO), 2025: (NO, NO)}, {2024: 2, 2025: 2}, 1),
    CommuneSpec("XA-DAKMAR", "xã Đắk Mar",
                _numbered("thôn", "1", "2", "3", "5", "7") + _named("Kon Rờ Bàng", "Kon Stiu"),
                {2024: (NO, NO), 2025: (YES, YES)}, {2024: 3, 2025: 4}, 2),
    CommuneSpec("XA-DAKNGOK", "xã Đắk Ngọk",
                _numbered("thôn", "1", "2", "3", "4", "5")
                + _named("Tua Tem", "Kon Jong", "Đắk Kơ Đương"),
                {2024: (NO, NO), 2025: (NO, NO)}, {2024: 4, 2025: 4}, 2),
    CommuneSpec("XA-DAKPXI", "xã Đắk Pxi",
                _named("Đắk Lấp", "Kon Pao Kơ La", "Kon Teo", "Đắk Kđem", "Kon Pông"),
                None, {2024: 1, 2025: 2}, 3),
    CommuneSpec("XA-DAKUI", "xã Đắk Ui",
                _named("Đắk Wek", "Kon Tu Peng", "Kon Đào", "Kon Gộp") + _numbered("thôn", "5"),
                {2024: (NO, NO), 2025: (NO, NO)}, {2024: 3, 2025: 3}, 1),
    CommuneSpec("XA-HAMON", "xã Hà Mòn",
                _numbered("thôn", "1", "2", "3", "4") + _named("Kon Tu", "Kon Kơ Lốk"),
                {2024: (NO, NO), 2025: (YES, NO)}, {2024: 2, 2025: 3}, 2),
    CommuneSpec("XA-NGOKREO", "xã Ngọk Réo",
                _named("Kon Pring", "Đắk Rơ Wang", "Kon Trang", "Kon Bơ Băn"),
                {2024: (NO, NO), 2025: (NO, NO)}, {2024: 2, 2025: 2}, 1),
    CommuneSpec("XA-NGOKWANG", "xã Ngọk Wang",
                _named("Kon Jơ Dreh", "Kon Gur", "Kon Rôn", "Kon Bỉu", "Đắk Wâk",
                       "Kon Trang Long Loi"),
                None, {2024: 2, 2025: 2}, 2),
)

SCHOOLS = (
    *(f"Trường Mầm non {n}" for n in (
        "Hoa Hồng", "Họa Mi", "Sơn Ca", "Hoa Sen", "Tuổi Thơ", "Bình Minh", "Hoa Ban",
        "Đắk Pxi")),
    *(f"Trường Tiểu học {n}" for n in (
        "Lê Văn Tám", "Kim Đồng", "Trần Quốc Toản", "Nguyễn Văn Trỗi", "Võ Thị Sáu",
        "Lý Tự Trọng", "Hoàng Văn Thụ", "Phan Chu Trinh", "Nguyễn Bá Ngọc", "Đinh Tiên Hoàng",
        "Lê Lợi", "Ngô Mây")),
    *(f"Trường TH&THCS {n}" for n in (
        "Đắk Pxi", "Ngọk Réo", "Đắk Ui", "Ngọk Wang", "Hà Mòn")),
    "Trường PTDTBT Tiểu học Đắk Long",
    *(f"Trường THCS {n}" for n in (
        "Nguyễn Huệ", "Lương Thế Vinh", "Chu Văn An", "Nguyễn Du", "Trần Phú", "Lê Quý Đôn",
        "Quang Trung", "Nguyễn Trãi")),
    "Trường PTDTBT THCS Đắk Long",
)
# How many school libraries qualify each year: (serve lifelong learning, apply IT).
SCHOOL_COUNTS = {2024: (21, 18), 2025: (25, 24)}

AUTHORS = (
    "Nguyễn Thị Hồng Nhung", "Y Blai", "Trần Văn Hùng", "A Thuấn", "Lê Thị Thu Hà",
    "Phạm Minh Tuấn", "Y Hương", "Đinh Văn Lực", "Hoàng Thị Mai", "A Kiên", "Võ Thị Ngọc Lan",
    "Nguyễn Văn Sơn", "Bùi Thị Thanh Thủy", "Đặng Quốc Việt", "Lương Thị Hạnh", "Trịnh Văn Đức",
    "Y Lan",
)


@dataclass
class LibraryRow:
    """One row of sheet Thư viện."""

    name: str
    kind: str
    serves: bool
    digital: bool
    uses: int
    books: int | None
    note: str = ""


@dataclass
class InstitutionRow:
    """One row of sheet Thiết chế văn hóa."""

    name: str
    kind: str
    clubs: bool
    regular: bool
    count: int
    note: str = ""


@dataclass
class ActivityRow:
    """One row of sheet Hoạt động."""

    name: str
    task: int
    occasion: str
    held_on: dt.date
    participants: int
    note: str = ""


@dataclass
class FundingRow:
    """One row of sheet Kinh phí."""

    content: str
    source: str
    amount: int


@dataclass
class UnitReport:
    """Everything one unit reports for one year."""

    code: str
    name: str
    year: int
    author: str
    phone: str
    made_on: dt.date
    libraries: list[LibraryRow] = field(default_factory=list)
    institutions: list[InstitutionRow] = field(default_factory=list)
    activities: list[ActivityRow] = field(default_factory=list)
    funding: list[FundingRow] = field(default_factory=list)
    assessment: dict[str, str] = field(default_factory=dict)


# --------------------------------------------------------------------------- helpers


def nfc(text: str) -> str:
    """Return text in Unicode NFC."""
    return unicodedata.normalize("NFC", text)


def vn_int(number: int) -> str:
    """Format a whole number the Vietnamese way (12.500)."""
    return f"{number:,}".replace(",", ".")


def yes_no(flag: bool) -> str:
    """Return the contract's Có/Không."""
    return "Có" if flag else "Không"


def round_to(value: float, step: int) -> int:
    """Round value to a multiple of step."""
    return int(round(value / step)) * step


def random_date(rng: random.Random, year: int, start: tuple[int, int] = (2, 1),
                end: tuple[int, int] = (10, 25)) -> dt.date:
    """Return a random date of year between start and end (month, day)."""
    first = dt.date(year, *start)
    span = (dt.date(year, *end) - first).days
    return first + dt.timedelta(days=rng.randint(0, span))


def facility_name(village: str) -> str:
    """Return the cultural house name of a village (Nhà rông for named villages)."""
    last = village.split()[-1]
    if last[0].isdigit():
        return f"Nhà văn hóa {village}"
    return f"Nhà rông văn hóa {village}"


# --------------------------------------------------------------------------- communes


def commune_library(spec: CommuneSpec, rng: random.Random) -> dict[int, LibraryRow]:
    """Return the commune public library rows per year."""
    assert spec.library is not None
    uses = rng.randint(1800, 5200) if spec.code != "TT-DAKHA" else rng.randint(6500, 8000)
    books = rng.randint(1500, 4500) if spec.code != "TT-DAKHA" else 7200
    rows = {}
    for year in YEARS:
        serves, digital = spec.library[year]
        note = "Ghép với Trung tâm học tập cộng đồng" if serves else ""
        if digital:
            note = "Quản lý bạn đọc, mượn trả sách bằng phần mềm"
        growth = 1.0 if year == 2025 else 1 / (1 + rng.uniform(0.04, 0.16))
        rows[year] = LibraryRow(f"Thư viện {spec.place}", LIB_COMMUNE, serves, digital,
                                round(uses * growth),
                                books if year == 2025 else books - rng.randint(80, 300), note)
    return rows


def reading_point_names(spec: CommuneSpec) -> list[str]:
    """Return the names of the commune's reading points."""
    names = [f"Điểm Bưu điện - Văn hóa {spec.place}" if spec.code != "TT-DAKHA"
             else "Tủ sách pháp luật thị trấn Đắk Hà"]
    for village in spec.villages[-1:-4:-1]:
        names.append(f"Tủ sách cộng đồng {village}")
    return names[: spec.points]


def reading_points(spec: CommuneSpec, rng: random.Random) -> dict[int, list[LibraryRow]]:
    """Return the commune's reading point rows per year."""
    rows: dict[int, list[LibraryRow]] = {year: [] for year in YEARS}
    for index, name in enumerate(reading_point_names(spec)):
        uses = rng.randint(180, 950)
        books: int | None = rng.randint(200, 800)
        serves = index == 0 or rng.random() < 0.5
        for year in YEARS:
            factor = 1.0 if year == 2025 else 1 / (1 + rng.uniform(0.0, 0.2))
            blank = year == 2025 and spec.code == "XA-DAKLONG"
            note = "Chưa kiểm kê lại vốn sách" if blank else ""
            rows[year].append(LibraryRow(name, LIB_POINT, serves, False, round(uses * factor),
                                         None if blank else books, note))
    return rows


def institution_note(village: str, clubs: bool, regular: bool) -> str:
    """Return a plausible note for a cultural institution."""
    if clubs and regular:
        if village.startswith("thôn K") or village.startswith("thôn Đ"):
            return "CLB cồng chiêng, CLB bóng chuyền"
        return "CLB văn nghệ, CLB dưỡng sinh"
    if clubs:
        return "Chưa duy trì sinh hoạt thường xuyên"
    if regular:
        return "Sinh hoạt văn nghệ theo mùa lễ hội"
    return "Chưa có CLB, nhóm sở thích"


def institution_flags(index: int, qualifying: int) -> tuple[bool, bool]:
    """Return (clubs, regular) of the index-th institution given how many qualify."""
    if index < qualifying:
        return True, True
    return ((True, False), (False, True), (False, False))[index % 3]


def institutions(spec: CommuneSpec, rng: random.Random) -> dict[int, list[InstitutionRow]]:
    """Return the commune's cultural institution rows per year."""
    centre = f"Trung tâm Văn hóa - Thể thao {spec.place}"
    entries = [(centre, INST_CENTRE, spec.place)]
    entries += [(facility_name(v), INST_VILLAGE, v) for v in spec.villages]
    rows: dict[int, list[InstitutionRow]] = {year: [] for year in YEARS}
    for index, (name, kind, village) in enumerate(entries):
        base = rng.randint(3, 7) if kind == INST_CENTRE else rng.randint(1, 3)
        drop = 1 if rng.random() < 0.3 and base > 1 else 0
        for year in YEARS:
            clubs, regular = institution_flags(index, spec.qualifying[year])
            count = (base if year == 2025 else base - drop) if clubs and regular else int(clubs)
            rows[year].append(InstitutionRow(name, kind, clubs, regular, count,
                                             institution_note(village, clubs, regular)))
    return rows


def commune_activity_pool(spec: CommuneSpec) -> list[tuple]:
    """Return (name, task, occasion, (month, day) or None, min, max, note) templates."""
    place, village = spec.place, spec.villages[0]
    far = spec.villages[-1]
    return [
        ("Hưởng ứng Ngày Sách và Văn hóa đọc Việt Nam 21/4", 1,
         "Ngày Sách và Văn hóa đọc Việt Nam 21/4", (4, 21), 150, 650, ""),
        (f"Tuyên truyền về học tập suốt đời trên hệ thống truyền thanh {place}", 1,
         "Tuần lễ hưởng ứng học tập suốt đời", (10, 2), 400, 1500, "Phát sóng 12 buổi"),
        ("Tập huấn sử dụng phần mềm quản lý thư viện", 3, "", None, 50, 90,
         "Cán bộ văn hóa, cộng tác viên tủ sách thôn"),
        (f"Luân chuyển sách về {far}", 2, "", None, 120, 520, "Phối hợp Thư viện huyện"),
        ("Vận động quyên góp sách cho tủ sách cơ sở", 5, "", None, 80, 400, "Xã hội hóa"),
        ("Hội thi kể chuyện theo sách cho thiếu nhi dịp hè", 1, "Hoạt động hè", (7, 12),
         80, 320, ""),
        (f"Ra mắt câu lạc bộ đọc sách tại {facility_name(village)}", 2, "", None, 60, 180, ""),
        ("Trưng bày sách, báo chào mừng Quốc khánh 2/9", 1, "Quốc khánh 2/9", (8, 30),
         100, 450, ""),
        (f"Sinh hoạt chuyên đề “Gia đình học tập” tại {far}", 1, "", None, 60, 200, ""),
        ("Bồi dưỡng nghiệp vụ cho cộng tác viên tủ sách thôn", 3, "", None, 50, 75, ""),
        (f"Doanh nghiệp, nhà hảo tâm tặng tủ sách cho {village}", 5, "", None, 50, 150,
         "Xã hội hóa"),
    ]


def make_activity(template: tuple, year: int, rng: random.Random) -> ActivityRow:
    """Return one activity row from a template."""
    name, task, occasion, day, low, high, note = template
    held_on = dt.date(year, *day) if day else random_date(rng, year)
    return ActivityRow(name, task, occasion, held_on, rng.randint(low, high), note)


def commune_activities(spec: CommuneSpec, rng: random.Random) -> dict[int, list[ActivityRow]]:
    """Return the commune's activity rows per year (2-6 a year)."""
    pool = commune_activity_pool(spec)
    rows = {}
    for year in YEARS:
        count = rng.randint(2, 5) if year == 2024 else rng.randint(3, 6)
        chosen = sorted(rng.sample(range(len(pool)), count))
        acts = [make_activity(pool[i], year, rng) for i in chosen]
        rows[year] = sorted(acts, key=lambda a: a.held_on)
    return rows


def commune_funding(spec: CommuneSpec, rng: random.Random) -> dict[int, list[FundingRow]]:
    """Return the commune's funding rows per year."""
    rows = {}
    for year in YEARS:
        total = round_to(rng.uniform(5e6, 40e6) * (0.85 if year == 2024 else 1.0), 500_000)
        books = round_to(total * rng.uniform(0.4, 0.6), 500_000)
        target = "thư viện" if spec.library else "tủ sách, điểm đọc cơ sở"
        items = [
            FundingRow(f"Mua bổ sung sách, báo cho {target} {spec.place}", FUND_STATE, books),
            FundingRow("Tổ chức các hoạt động hưởng ứng học tập suốt đời, hỗ trợ nhà văn hóa thôn",
                       FUND_STATE, total - books),
        ]
        if rng.random() < 0.55:
            items.append(FundingRow("Vận động xã hội hóa mua sách cho tủ sách thôn",
                                    FUND_SOCIAL, round_to(rng.uniform(2e6, 8e6), 100_000)))
        rows[year] = items
    return rows


# --------------------------------------------------------------------------- assessments

HIGHLIGHTS = (
    "Thư viện {place} phục vụ {uses} lượt bạn đọc; tổ chức {acts} hoạt động hưởng ứng học tập "
    "suốt đời, thu hút {people} lượt người tham gia.",
    "Có {q}/{n} thiết chế văn hóa duy trì câu lạc bộ, nhóm sở thích và hoạt động thường xuyên; "
    "phong trào đọc sách tại {village} được Nhân dân tích cực hưởng ứng.",
    "Hệ thống thư viện, tủ sách cơ sở của {place} phục vụ {uses} lượt bạn đọc; nội dung học tập "
    "suốt đời được lồng ghép trong sinh hoạt thôn, tổ dân phố.",
    "Tổ chức {acts} hoạt động với {people} lượt người tham gia; mô hình tủ sách cộng đồng tại "
    "{village} phát huy hiệu quả, thu hút đông đảo thiếu nhi.",
    "Công tác tuyên truyền được triển khai qua hệ thống truyền thanh và mạng xã hội; thư viện, "
    "tủ sách của {place} phục vụ {uses} lượt bạn đọc, từng bước hình thành thói quen đọc.",
    "Phong trào văn hóa văn nghệ, thể dục thể thao ở {place} có chuyển biến, {q}/{n} thiết chế "
    "văn hóa có câu lạc bộ hoạt động đều đặn.",
)
SHORTCOMINGS = (
    "Cơ sở vật chất, trang thiết bị của thư viện {place} còn thiếu; vốn sách chậm được bổ sung, "
    "chưa đáp ứng nhu cầu đọc của Nhân dân.",
    "Một số nhà văn hóa, trong đó có nhà văn hóa {village}, chưa duy trì được câu lạc bộ, nhóm "
    "sở thích; hoạt động văn hóa văn nghệ chưa thường xuyên.",
    "Việc ứng dụng công nghệ thông tin, chuyển đổi số trong hoạt động thư viện của {place} còn "
    "hạn chế, chưa có phần mềm quản lý bạn đọc.",
    "Số lượt bạn đọc là người dân tộc thiểu số ở các thôn xa trung tâm như {village} còn thấp; "
    "hoạt động tủ sách thôn chưa đều.",
    "Cán bộ phụ trách thư viện {place} làm việc kiêm nhiệm, chưa được bồi dưỡng chuyên sâu về "
    "nghiệp vụ thư viện và chuyển đổi số.",
    "Kinh phí dành cho hoạt động học tập suốt đời tại {place} còn thấp; nguồn lực xã hội hóa "
    "chưa được huy động tương xứng.",
)
CAUSES = (
    "Ngân sách của {place} còn khó khăn, chủ yếu tập trung cho các nhiệm vụ chi thường xuyên; "
    "nguồn xã hội hóa còn hạn chế.",
    "Một bộ phận Nhân dân chưa hình thành thói quen đọc sách; người dân {village} chủ yếu làm "
    "nông nghiệp, ít thời gian tham gia sinh hoạt.",
    "Hạ tầng Internet tại một số thôn của {place} chưa ổn định; máy tính phục vụ bạn đọc đã "
    "xuống cấp.",
    "Cán bộ văn hóa - xã hội của {place} phải kiêm nhiệm nhiều việc, chưa có thời gian đầu tư "
    "cho công tác thư viện.",
    "Sự phối hợp giữa thư viện, nhà văn hóa và trung tâm học tập cộng đồng của {place} chưa "
    "chặt chẽ, thiếu kế hoạch cụ thể.",
    "Địa bàn {place} rộng, giao thông đến {village} còn khó khăn vào mùa mưa nên việc luân "
    "chuyển sách chưa thường xuyên.",
)
DIRECTIONS = (
    "Năm {next}, tiếp tục bổ sung vốn sách, duy trì luân chuyển sách về {village} và các thôn "
    "vùng sâu; phấn đấu tăng số lượt bạn đọc ít nhất 8%.",
    "Củng cố, thành lập mới câu lạc bộ, nhóm sở thích tại các nhà văn hóa thôn của {place} chưa "
    "có; duy trì sinh hoạt thường xuyên hằng tháng trong năm {next}.",
    "Đẩy mạnh ứng dụng công nghệ thông tin trong thư viện {place}, từng bước số hóa tài liệu và "
    "quản lý bạn đọc bằng phần mềm trong năm {next}.",
    "Lồng ghép tuyên truyền học tập suốt đời với phong trào “Toàn dân đoàn kết xây dựng đời "
    "sống văn hóa”; tổ chức tốt Ngày Sách và Văn hóa đọc Việt Nam năm {next} tại {place}.",
    "Tăng cường phối hợp với trường học, trung tâm học tập cộng đồng và Chi hội Khuyến học "
    "{village} tổ chức các hoạt động đọc sách cho thiếu nhi trong năm {next}.",
    "Vận động doanh nghiệp, nhà hảo tâm hỗ trợ sách, trang thiết bị cho tủ sách {village}; mở "
    "rộng mô hình tủ sách cộng đồng trong năm {next}.",
)
PROPOSALS = (
    "Đề nghị UBND huyện quan tâm bố trí kinh phí mua sắm máy tính, kết nối Internet cho thư "
    "viện {place}.",
    "Đề nghị Trung tâm Văn hóa - Thể thao - Du lịch và Truyền thông huyện tăng cường luân "
    "chuyển sách, thư viện lưu động về {place}.",
    "Đề nghị Phòng Văn hóa - Thông tin huyện tổ chức tập huấn nghiệp vụ thư viện, chuyển đổi "
    "số cho cán bộ văn hóa - xã hội và cộng tác viên tủ sách của {place}.",
    "Đề nghị cấp trên hỗ trợ trang thiết bị âm thanh, nhạc cụ dân tộc cho nhà văn hóa {village} "
    "để duy trì hoạt động câu lạc bộ.",
    "Đề nghị UBND huyện có hình thức khen thưởng kịp thời các tập thể, cá nhân tiêu biểu trong "
    "phong trào học tập suốt đời tại {place}.",
    "Đề nghị bổ sung đầu sách song ngữ Việt - Ba Na, Việt - Xơ Đăng phù hợp với đồng bào dân "
    "tộc thiểu số tại {place}.",
)
NO_LIBRARY = {
    "Kết quả nổi bật": "{Place} chưa có thư viện công cộng cấp xã nhưng duy trì {points} tủ "
    "sách, điểm đọc cơ sở, phục vụ {uses} lượt bạn đọc; tổ chức {acts} hoạt động với {people} "
    "lượt người tham gia.",
    "Tồn tại, hạn chế": "{Place} chưa có thư viện công cộng; tủ sách, điểm đọc cơ sở có vốn "
    "sách ít, chủ yếu do luân chuyển từ Thư viện huyện.",
    "Đề xuất, kiến nghị": "Đề nghị UBND huyện hỗ trợ kinh phí, bố trí phòng đọc để thành lập "
    "Thư viện {place} theo quy định của Luật Thư viện.",
}


def commune_assessment(spec: CommuneSpec, report: UnitReport, index: int) -> dict[str, str]:
    """Return the five Đánh giá texts of a commune for its report year."""
    qualifying = [i for i in report.institutions if i.clubs and i.regular]
    values = {
        "place": spec.place, "Place": spec.place[0].upper() + spec.place[1:],
        "next": report.year + 1,
        "village": spec.villages[(index + report.year) % len(spec.villages)],
        "uses": vn_int(sum(lib.uses for lib in report.libraries)),
        "acts": len(report.activities), "points": len(report.libraries),
        "people": vn_int(sum(a.participants for a in report.activities)),
        "q": len(qualifying), "n": len(report.institutions),
    }
    pools = (HIGHLIGHTS, SHORTCOMINGS, CAUSES, DIRECTIONS, PROPOSALS)
    texts = {}
    for step, (label, pool) in enumerate(zip(ASSESSMENT_LABELS, pools, strict=True)):
        template = pool[(index * (step + 1) + report.year + step) % len(pool)]
        if spec.library is None and label in NO_LIBRARY:
            template = NO_LIBRARY[label]
        texts[label] = template.format(**values)
    return texts


# --------------------------------------------------------------------------- units


def unit_name(code: str) -> str:
    """Return the registry name of a unit code."""
    return dict(REGISTRY)[code]


def new_report(code: str, year: int) -> UnitReport:
    """Return an empty report of a unit with its Thông tin filled in."""
    index = [c for c, _ in REGISTRY].index(code)
    rng = random.Random(f"{SEED}-{code}")
    phone = f"09{rng.randint(0, 9)}{rng.randint(1000000, 9999999)}"
    phone = f"{phone[:4]} {phone[4:7]} {phone[7:]}"
    made_on = dt.date(year, 11, 1 + (index * 5 + year) % 9)
    return UnitReport(code, unit_name(code), year, AUTHORS[index], phone, made_on)


def build_communes(rng: random.Random) -> dict[int, list[UnitReport]]:
    """Return the commune reports per year."""
    out: dict[int, list[UnitReport]] = {year: [] for year in YEARS}
    for index, spec in enumerate(COMMUNES):
        library = commune_library(spec, rng) if spec.library else None
        points = reading_points(spec, rng)
        insts = institutions(spec, rng)
        acts = commune_activities(spec, rng)
        funds = commune_funding(spec, rng)
        for year in YEARS:
            report = new_report(spec.code, year)
            report.libraries = ([library[year]] if library else []) + points[year]
            report.institutions = insts[year]
            report.activities = acts[year]
            report.funding = funds[year]
            report.assessment = commune_assessment(spec, report, index)
            out[year].append(report)
    return out


def school_uses(name: str, rng: random.Random) -> tuple[int, int]:
    """Return (uses, books) of a school library in 2025 by school level."""
    if "Mầm non" in name:
        return rng.randint(600, 1900), rng.randint(300, 900)
    if "THCS" in name and "TH&" not in name:
        return rng.randint(4200, 9800), rng.randint(3500, 8500)
    return rng.randint(2800, 8200), rng.randint(1800, 6000)


def school_order(rng: random.Random) -> list[int]:
    """Return school indexes from most to least advanced (kindergartens last)."""
    order = list(range(len(SCHOOLS)))
    rng.shuffle(order)
    return sorted(order, key=lambda i: "Mầm non" in SCHOOLS[i])


def school_flags(rank: int, year: int) -> tuple[bool, bool]:
    """Return (serves, digital) of the school ranked rank in a year."""
    serves, digital = SCHOOL_COUNTS[year]
    # The digital set is mostly inside the serving set, plus one school that only went digital.
    return rank < serves, rank < digital - 1 or rank == serves + 1


def school_note(serves: bool, digital: bool) -> str:
    """Return a plausible note for a school library."""
    if serves and digital:
        return "Mở cửa cho phụ huynh, Nhân dân; quản lý bằng phần mềm"
    if serves:
        return "Mở cửa phục vụ phụ huynh và Nhân dân dịp hè"
    if digital:
        return "Đã dùng phần mềm quản lý thư viện"
    return ""


def school_libraries(rng: random.Random) -> dict[int, list[LibraryRow]]:
    """Return the school library rows per year."""
    rank = {school: position for position, school in enumerate(school_order(rng))}
    rows: dict[int, list[LibraryRow]] = {year: [] for year in YEARS}
    for index, school in enumerate(SCHOOLS):
        uses, books = school_uses(school, rng)
        shrink = 1 / (1 + rng.uniform(0.02, 0.18))
        for year in YEARS:
            serves, digital = school_flags(rank[index], year)
            year_uses = uses if year == 2025 else round(uses * shrink)
            year_books = books if year == 2025 else books - rng.randint(50, 250)
            rows[year].append(LibraryRow(f"Thư viện {school}", LIB_SCHOOL, serves, digital,
                                         year_uses, year_books, school_note(serves, digital)))
    return rows


def dated(rng: random.Random, year: int, *items: tuple) -> list[ActivityRow]:
    """Return activity rows from (name, task, occasion, (month, day) or None, people, note)."""
    rows = []
    for name, task, occasion, day, people, note in items:
        held_on = dt.date(year, *day) if day else random_date(rng, year)
        rows.append(ActivityRow(name.format(year=year), task, occasion, held_on,
                                round(people * (0.9 if year == 2024 else 1.0)), note))
    return sorted(rows, key=lambda a: a.held_on)


def build_pgddt(rng: random.Random) -> dict[int, UnitReport]:
    """Return the reports of Phòng Giáo dục và Đào tạo per year."""
    libs = school_libraries(rng)
    out = {}
    for year in YEARS:
        report = new_report("PGDDT", year)
        report.libraries = libs[year]
        report.activities = dated(
            rng, year,
            ("Ngày hội đọc sách trong trường học năm {year}", 1,
             "Ngày Sách và Văn hóa đọc Việt Nam 21/4", (4, 19), 1450, ""),
            ("Tập huấn cán bộ thư viện trường học sử dụng phần mềm quản lý thư viện", 3, "",
             (8, 14), 72, "Cán bộ thư viện, giáo viên kiêm nhiệm"),
            ("Luân chuyển sách giữa thư viện các trường tiểu học", 2, "", None, 640, ""),
            ("Vận động phụ huynh, nhà hảo tâm quyên góp sách cho thư viện trường học", 5,
             "Khai giảng năm học mới", (9, 5), 860, "Xã hội hóa"),
        )
        report.funding = [
            FundingRow("Bổ sung sách tham khảo, truyện thiếu nhi cho thư viện trường học",
                       FUND_STATE, 186_000_000 if year == 2025 else 164_500_000),
            FundingRow("Mua bản quyền phần mềm quản lý thư viện cho các trường", FUND_STATE,
                       42_000_000 if year == 2025 else 28_000_000),
            FundingRow("Phụ huynh, nhà hảo tâm ủng hộ sách (quy đổi thành tiền)", FUND_SOCIAL,
                       23_400_000 if year == 2025 else 19_800_000),
        ]
        report.assessment = pgddt_assessment(report)
        out[year] = report
    return out


def pgddt_assessment(report: UnitReport) -> dict[str, str]:
    """Return the Đánh giá texts of Phòng Giáo dục và Đào tạo."""
    libs = report.libraries
    serves = sum(lib.serves for lib in libs)
    digital = sum(lib.digital for lib in libs)
    return dict(zip(ASSESSMENT_LABELS, (
        f"{serves}/{len(libs)} thư viện trường học mở cửa phục vụ học tập suốt đời cho phụ "
        f"huynh, Nhân dân; {digital}/{len(libs)} thư viện đã ứng dụng phần mềm quản lý, "
        f"phục vụ {vn_int(sum(lib.uses for lib in libs))} lượt bạn đọc trong năm {report.year}.",
        "Thư viện các trường mầm non và một số điểm trường lẻ còn thiếu phòng đọc riêng; "
        "việc ứng dụng công nghệ thông tin ở các trường vùng sâu chưa đồng bộ.",
        "Phần lớn cán bộ thư viện là giáo viên kiêm nhiệm; kinh phí mua phần mềm, thiết bị "
        "số hóa của các trường còn hạn chế.",
        f"Năm {report.year + 1}, chỉ đạo 100% trường tiểu học, THCS xây dựng kế hoạch phục vụ "
        "học tập suốt đời; mở rộng ứng dụng phần mềm quản lý thư viện.",
        "Đề nghị UBND huyện bố trí kinh phí mua phần mềm quản lý thư viện dùng chung cho các "
        "trường mầm non và trường vùng đặc biệt khó khăn.",
    ), strict=True))


def build_ttvhtt(rng: random.Random) -> dict[int, UnitReport]:
    """Return the reports of the Trung tâm VH-TT-DL và TT per year."""
    out = {}
    for year in YEARS:
        report = new_report("TTVHTT", year)
        note = ("Bổ sung “Sách & báo <mới>” hằng tháng; mở cửa cả thứ Bảy"
                if year == 2025 else "Mở cửa cả thứ Bảy")
        report.libraries = [LibraryRow("Thư viện huyện Đắk Hà", LIB_DISTRICT, True,
                                       year == 2025, 28_640 if year == 2025 else 25_870,
                                       38_450 if year == 2025 else 36_120, note)]
        report.activities = ttvhtt_activities(rng, year)
        report.funding = [
            FundingRow("Bổ sung sách, báo, tài liệu cho Thư viện huyện", FUND_STATE,
                       60_000_000 if year == 2025 else 55_000_000),
            FundingRow("Mua sắm trang thiết bị, phần mềm quản lý và số hóa tài liệu", FUND_STATE,
                       85_000_000 if year == 2025 else 20_000_000),
            FundingRow("Tổ chức Ngày hội đọc sách và thư viện lưu động", FUND_STATE,
                       25_000_000 if year == 2025 else 22_000_000),
            FundingRow("Doanh nghiệp tài trợ sách cho thư viện lưu động", FUND_SOCIAL,
                       15_000_000 if year == 2025 else 10_000_000),
        ]
        report.assessment = ttvhtt_assessment(report)
        out[year] = report
    return out


def ttvhtt_activities(rng: random.Random, year: int) -> list[ActivityRow]:
    """Return the activities of the district library for a year."""
    items = [
        ("Ngày hội đọc sách huyện Đắk Hà năm {year}", 1,
         "Ngày Sách và Văn hóa đọc Việt Nam 21/4", (4, 21), 1350, "Hội sách, trưng bày sách"),
        ("Triển lãm sách, ảnh “Đắk Hà - đất và người”", 1, "Quốc khánh 2/9", (8, 28), 920, ""),
        ("Thư viện lưu động phục vụ các thôn vùng sâu, vùng xa", 2, "", None, 1180,
         "08 đợt xe thư viện lưu động"),
        ("Số hóa tài liệu địa chí huyện Đắk Hà", 2, "", None, 60, "Số hóa 1.250 trang tài liệu"),
        ("Tập huấn nghiệp vụ thư viện cho cán bộ văn hóa xã, thị trấn", 3, "", (6, 18), 64, ""),
        ("Phát sóng chuyên mục “Xây dựng xã hội học tập” trên trang thông tin điện tử huyện", 1,
         "Tuần lễ hưởng ứng học tập suốt đời", (10, 1), 1500, "Lượt xem trực tuyến"),
    ]
    if year == 2025:
        items.append(("Tọa đàm trực tuyến chia sẻ kinh nghiệm quốc tế về thư viện số phục vụ "
                      "học tập suốt đời", 4, "", (9, 24), 55, "Do Thư viện tỉnh tổ chức"))
    else:
        items = items[:2] + items[3:]
    return dated(rng, year, *items)


def ttvhtt_assessment(report: UnitReport) -> dict[str, str]:
    """Return the Đánh giá texts of the Trung tâm VH-TT-DL và TT."""
    library = report.libraries[0]
    digital = ("Thư viện huyện đã đưa phần mềm quản lý thư viện vào sử dụng, số hóa tài liệu "
               "địa chí; " if library.digital else "")
    return dict(zip(ASSESSMENT_LABELS, (
        f"{digital}Thư viện huyện phục vụ {vn_int(library.uses)} lượt bạn đọc, tổ chức "
        f"{len(report.activities)} hoạt động, trong đó có thư viện lưu động về các thôn vùng sâu.",
        "Trụ sở Thư viện huyện chật hẹp, chưa có phòng đọc đa phương tiện; nguồn tài liệu số "
        "còn ít, chưa kết nối với thư viện các xã.",
        "Kinh phí sự nghiệp còn hạn hẹp; đội ngũ làm công tác thư viện mỏng, phải kiêm nhiệm "
        "nhiều nhiệm vụ tuyên truyền, văn nghệ.",
        f"Năm {report.year + 1}, tiếp tục số hóa tài liệu địa chí, duy trì thư viện lưu động "
        "hằng tháng và phối hợp với các trường tổ chức Ngày hội đọc sách.",
        "Đề nghị UBND huyện đầu tư phòng đọc đa phương tiện cho Thư viện huyện và hỗ trợ "
        "kinh phí kết nối dữ liệu với thư viện cấp xã.",
    ), strict=True))


def build_pldtbxh(rng: random.Random) -> dict[int, UnitReport]:
    """Return the reports of Phòng LĐ-TB&XH (no vocational school library)."""
    out = {}
    for year in YEARS:
        report = new_report("PLDTBXH", year)
        report.assessment = dict(zip(ASSESSMENT_LABELS, (
            f"Năm {year}, trên địa bàn huyện chưa có cơ sở giáo dục nghề nghiệp có thư viện; "
            "Phòng đã lồng ghép tuyên truyền học tập suốt đời trong các lớp đào tạo nghề "
            "cho lao động nông thôn.",
            "Chưa có thư viện cơ sở giáo dục nghề nghiệp để triển khai các nhiệm vụ của "
            "Chương trình.",
            "Các lớp đào tạo nghề chủ yếu tổ chức lưu động tại thôn, không có cơ sở đào tạo "
            "cố định.",
            "Phối hợp với Thư viện huyện đưa tài liệu nghề nông, khuyến nông vào tủ sách các "
            "thôn.",
            "Không có đề xuất.",
        ), strict=True))
        out[year] = report
    return out


def build_ptckh(rng: random.Random) -> dict[int, UnitReport]:
    """Return the reports of Phòng Tài chính - Kế hoạch (district-level allocations)."""
    out = {}
    for year in YEARS:
        report = new_report("PTCKH", year)
        report.funding = [
            FundingRow("Kinh phí tuyên truyền, in ấn tài liệu về xây dựng xã hội học tập cấp "
                       "huyện", FUND_STATE, 12_000_000 if year == 2025 else 10_000_000),
            FundingRow("Kinh phí khen thưởng tập thể, cá nhân tiêu biểu trong phong trào học "
                       "tập suốt đời", FUND_STATE, 10_000_000 if year == 2025 else 8_000_000),
        ]
        if year == 2025:
            report.funding.append(FundingRow(
                "Kinh phí tổ chức sơ kết giai đoạn 2023 - 2025 thực hiện Chương trình",
                FUND_STATE, 18_000_000))
        total = sum(row.amount for row in report.funding)
        report.assessment = dict(zip(ASSESSMENT_LABELS, (
            f"Đã tham mưu bố trí {vn_int(total)} đồng kinh phí sự nghiệp cấp huyện thực hiện "
            f"Chương trình năm {year}, giải ngân đúng tiến độ.",
            "Dự toán của một số xã chưa tách riêng nội dung chi cho hoạt động học tập suốt đời "
            "nên khó tổng hợp.",
            "Nguồn ngân sách địa phương còn hạn hẹp; hướng dẫn lập dự toán chưa cụ thể.",
            f"Năm {year + 1}, hướng dẫn các đơn vị lập dự toán riêng cho nhiệm vụ của Chương "
            "trình, ưu tiên chuyển đổi số thư viện.",
            "Đề nghị các đơn vị gửi dự toán kinh phí thực hiện Chương trình cùng kỳ xây dựng dự "
            "toán ngân sách hằng năm.",
        ), strict=True))
        out[year] = report
    return out


def build_mttq(rng: random.Random) -> dict[int, UnitReport]:
    """Return the reports of the Mặt trận Tổ quốc and mass organisations."""
    out = {}
    for year in YEARS:
        report = new_report("MTTQ", year)
        report.activities = dated(
            rng, year,
            ("Tuyên truyền xây dựng “Gia đình học tập”, “Dòng họ học tập”, “Cộng đồng học tập”",
             1, "", None, 1320, "Lồng ghép sinh hoạt chi hội"),
            ("Bồi dưỡng kỹ năng tuyên truyền cho cán bộ Mặt trận, đoàn thể cơ sở", 3, "", None,
             96, ""),
            ("Vận động đoàn viên, hội viên quyên góp sách cho tủ sách thôn", 5, "", None, 540,
             "Xã hội hóa"),
        )
        report.assessment = dict(zip(ASSESSMENT_LABELS, (
            "Các tổ chức đoàn thể lồng ghép tuyên truyền học tập suốt đời trong sinh hoạt chi "
            f"hội; vận động đoàn viên, hội viên quyên góp sách năm {year}.",
            "Hình thức tuyên truyền ở một số chi hội còn đơn điệu, chưa thu hút thanh niên.",
            "Cán bộ đoàn thể cơ sở thường xuyên thay đổi, kỹ năng tuyên truyền trên nền tảng "
            "số còn hạn chế.",
            f"Năm {year + 1}, đẩy mạnh tuyên truyền trên mạng xã hội; phát động phong trào "
            "“Mỗi hội viên tặng một cuốn sách”.",
            "Đề nghị Phòng Văn hóa - Thông tin cung cấp tài liệu tuyên truyền mẫu về học tập "
            "suốt đời.",
        ), strict=True))
        out[year] = report
    return out


def build_hkh(rng: random.Random) -> dict[int, UnitReport]:
    """Return the reports of Hội Khuyến học huyện."""
    out = {}
    for year in YEARS:
        report = new_report("HKH", year)
        report.activities = dated(
            rng, year,
            ("Phát động Tuần lễ hưởng ứng học tập suốt đời năm {year}", 1,
             "Tuần lễ hưởng ứng học tập suốt đời", (10, 3), 1200, ""),
            ("Tập huấn công tác khuyến học và đánh giá “Cộng đồng học tập” cấp xã", 3, "",
             (5, 22), 85, ""),
            ("Trao học bổng, tặng sách cho học sinh nghèo hiếu học", 5,
             "Khai giảng năm học mới", (9, 8), 350, "Xã hội hóa"),
        )
        report.funding = [FundingRow("Quỹ khuyến học mua sách tặng học sinh nghèo hiếu học",
                                     FUND_SOCIAL, 30_000_000 if year == 2025 else 26_500_000)]
        report.assessment = dict(zip(ASSESSMENT_LABELS, (
            f"Hội Khuyến học các cấp tham gia tích cực Tuần lễ hưởng ứng học tập suốt đời năm "
            f"{year}; tặng sách, học bổng cho học sinh nghèo hiếu học.",
            "Việc đưa tiêu chí học tập suốt đời trong thư viện trường học vào đánh giá "
            "“Cộng đồng học tập” chưa đồng đều giữa các xã.",
            "Hội Khuyến học cấp xã hoạt động chủ yếu bằng cán bộ kiêm nhiệm, kinh phí từ quỹ "
            "khuyến học còn ít.",
            f"Năm {year + 1}, phổ biến hướng dẫn của Hội Khuyến học tỉnh đến 100% chi hội "
            "khuyến học thôn, tổ dân phố.",
            "Đề nghị UBND huyện tiếp tục quan tâm hỗ trợ kinh phí cho hoạt động khuyến học, "
            "khuyến tài.",
        ), strict=True))
        out[year] = report
    return out


def scale_uses_2024(reports: dict[int, list[UnitReport]]) -> None:
    """Scale 2024 library uses so 2025 grows by USES_GROWTH_2025 over 2024."""
    total_2025 = total_uses(reports[2025])
    total_2024 = total_uses(reports[2024])
    factor = Fraction(total_2025) / USES_GROWTH_2025 / total_2024
    for report in reports[2024]:
        for library in report.libraries:
            library.uses = round(library.uses * factor)


@cache
def build_dataset() -> dict[int, list[UnitReport]]:
    """Return every unit report of every year, in registry order, missing units left out."""
    rng = random.Random(SEED)
    reports = build_communes(rng)
    for builder in (build_pgddt, build_ttvhtt, build_pldtbxh, build_ptckh, build_mttq,
                    build_hkh):
        for year, report in builder(rng).items():
            reports[year].append(report)
    for year in YEARS:
        reports[year] = [r for r in reports[year] if r.code not in MISSING.get(year, ())]
    # The 2024 assessments quote uses before scaling; rebuild the commune ones afterwards.
    scale_uses_2024(reports)
    refresh_assessments(reports[2024])
    return reports


def refresh_assessments(reports: list[UnitReport]) -> None:
    """Recompute assessment texts that quote figures after 2024 uses were scaled."""
    specs = {spec.code: (index, spec) for index, spec in enumerate(COMMUNES)}
    for report in reports:
        if report.code in specs:
            index, spec = specs[report.code]
            report.assessment = commune_assessment(spec, report, index)
        elif report.code == "PGDDT":
            report.assessment = pgddt_assessment(report)
        elif report.code == "TTVHTT":
            report.assessment = ttvhtt_assessment(report)


# --------------------------------------------------------------------------- figures

TARGETS_2025 = {
    "TV_HTSD_HUYEN": (LIB_DISTRICT, "serves", Fraction(1)),
    "TV_HTSD_XA": (LIB_COMMUNE, "serves", Fraction(20, 100)),
    "TV_HTSD_GD": (LIB_SCHOOL, "serves", Fraction(70, 100)),
    "TV_CDS_HUYEN": (LIB_DISTRICT, "digital", Fraction(1)),
    "TV_CDS_XA": (LIB_COMMUNE, "digital", Fraction(10, 100)),
    "TV_CDS_GD": (LIB_SCHOOL, "digital", Fraction(70, 100)),
}
GROWTH_TARGET = Fraction(8, 100)
CLUB_TARGET = Fraction(50, 100)


def total_uses(reports: list[UnitReport]) -> int:
    """Return the sum of Lượt người sử dụng over all libraries of the reports."""
    return sum(lib.uses for report in reports for lib in report.libraries)


def share(numerator: int, denominator: int, target: Fraction) -> dict:
    """Return a share indicator with exact met test and gap in institutions."""
    if denominator == 0:
        return {"numerator": 0, "denominator": 0, "value": None, "met": None, "gap_units": None}
    value = Fraction(numerator, denominator)
    gap = max(0, ceil(target * denominator) - numerator)
    return {"numerator": numerator, "denominator": denominator, "value": value,
            "target": target, "met": value >= target, "gap_units": gap}


def expected_figures(year: int) -> dict:
    """Return the indicator figures the tool should compute from the samples of year."""
    reports = build_dataset()[year]
    libraries = [lib for report in reports for lib in report.libraries]
    figures = {}
    for code, (kind, attr, target) in TARGETS_2025.items():
        of_kind = [lib for lib in libraries if lib.kind == kind]
        figures[code] = share(sum(getattr(lib, attr) for lib in of_kind), len(of_kind), target)
    current = total_uses(reports)
    if year - 1 in YEARS:
        previous = total_uses(build_dataset()[year - 1])
        value = Fraction(current, previous) - 1
        figures["TV_LUOT_TANG"] = {
            "numerator": current, "denominator": previous, "value": value,
            "target": GROWTH_TARGET, "met": value >= GROWTH_TARGET,
            "gap_units": max(0, ceil(previous * (1 + GROWTH_TARGET)) - current)}
    else:
        figures["TV_LUOT_TANG"] = {"numerator": current, "denominator": None, "value": None,
                                   "target": GROWTH_TARGET, "met": None, "gap_units": None}
    insts = [inst for report in reports for inst in report.institutions]
    figures["VH_CLB"] = share(sum(i.clubs and i.regular for i in insts), len(insts),
                              CLUB_TARGET)
    return figures


def unit_summary(year: int) -> dict:
    """Return totals that are not indicators: units, uses, activities, funding."""
    reports = build_dataset()[year]
    received = [r.code for r in reports]
    funding = [f for r in reports for f in r.funding]
    activities = [a for r in reports for a in r.activities]
    return {
        "received": received,
        "missing": [code for code, _ in REGISTRY if code not in received],
        "uses": total_uses(reports),
        "activities": len(activities),
        "participants": sum(a.participants for a in activities),
        "state": sum(f.amount for f in funding if f.source == FUND_STATE),
        "social": sum(f.amount for f in funding if f.source == FUND_SOCIAL),
    }


def pct(value: Fraction | None) -> str:
    """Format a fraction as a percentage with one decimal and a comma."""
    if value is None:
        return "—"
    return f"{float(value) * 100:.1f}%".replace(".", ",")


def figure_row(code: str, fig: dict) -> str:
    """Return one Markdown table row of an indicator."""
    met = {True: "met", False: "NOT met", None: "no data"}[fig["met"]]
    den = fig["denominator"]
    ratio = f"{vn_int(fig['numerator'])} / {vn_int(den)}" if den is not None else (
        f"{vn_int(fig['numerator'])} / (no previous year)")
    gap = "" if not fig["gap_units"] else vn_int(fig["gap_units"])
    return f"| {code} | {ratio} | {pct(fig['value'])} | {pct(fig['target'])} | {met} | {gap} |"


def summary_text() -> str:
    """Return the expected figures of every year as Markdown."""
    lines = []
    for year in sorted(YEARS, reverse=True):
        totals = unit_summary(year)
        lines += [f"### {year}", "",
                  "| indicator | numerator / denominator | value | target | result | gap |",
                  "|---|---|---|---|---|---|"]
        lines += [figure_row(code, fig) for code, fig in expected_figures(year).items()]
        lines += ["",
                  f"- units received: {len(totals['received'])}/{len(REGISTRY)}; missing: "
                  f"{', '.join(totals['missing']) or 'none'}",
                  f"- total library uses (Σ Lượt người sử dụng): {vn_int(totals['uses'])}",
                  f"- activities: {totals['activities']}, participants: "
                  f"{vn_int(totals['participants'])}",
                  f"- funding: Ngân sách nhà nước {vn_int(totals['state'])} đồng, "
                  f"Xã hội hóa {vn_int(totals['social'])} đồng", ""]
    return "\n".join(lines)


# --------------------------------------------------------------------------- writing


def file_name(report: UnitReport) -> str:
    """Return the NFC file name of a unit workbook."""
    return nfc(f"{report.code} - {report.name}.xlsx")


def write_table(ws, headers: tuple[str, ...], rows: list[tuple], widths: tuple[int, ...],
                date_cols: tuple[int, ...] = ()) -> None:
    """Write a header row and data rows with bold headers and date formats."""
    ws.append([nfc(h) for h in headers])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for row in rows:
        ws.append([nfc(v) if isinstance(v, str) else v for v in row])
        for col in date_cols:
            ws.cell(row=ws.max_row, column=col).number_format = DATE_FORMAT
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = "A2"


def write_labels(ws, pairs: list[tuple[str, object]], width_b: int) -> None:
    """Write label/value pairs in columns A/B."""
    for label, value in pairs:
        ws.append([nfc(label), nfc(value) if isinstance(value, str) else value])
        ws.cell(row=ws.max_row, column=1).font = Font(bold=True)
        cell = ws.cell(row=ws.max_row, column=2)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if isinstance(value, dt.date):
            cell.number_format = DATE_FORMAT
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = width_b


def fill_workbook(wb: Workbook, report: UnitReport) -> None:
    """Fill the six contract sheets of a unit workbook."""
    info = wb.active
    info.title = SHEET_INFO
    write_labels(info, [("Mã đơn vị", report.code), ("Tên đơn vị", report.name),
                        ("Năm báo cáo", report.year), ("Người lập", report.author),
                        ("Số điện thoại", report.phone), ("Ngày lập", report.made_on)], 60)
    write_table(wb.create_sheet(SHEET_LIBRARIES), LIBRARY_HEADERS, [
        (i, r.name, r.kind, yes_no(r.serves), yes_no(r.digital), r.uses, r.books, r.note)
        for i, r in enumerate(report.libraries, start=1)], (6, 48, 28, 14, 14, 12, 12, 50))
    write_table(wb.create_sheet(SHEET_INSTITUTIONS), INSTITUTION_HEADERS, [
        (i, r.name, r.kind, yes_no(r.clubs), yes_no(r.regular), r.count, r.note)
        for i, r in enumerate(report.institutions, start=1)], (6, 44, 30, 16, 16, 10, 40))
    write_table(wb.create_sheet(SHEET_ACTIVITIES), ACTIVITY_HEADERS, [
        (i, r.name, r.task, r.occasion or None, r.held_on, r.participants, r.note or None)
        for i, r in enumerate(report.activities, start=1)], (6, 64, 10, 36, 12, 14, 32),
        date_cols=(5,))
    write_table(wb.create_sheet(SHEET_FUNDING), FUNDING_HEADERS, [
        (i, r.content, r.source, r.amount) for i, r in enumerate(report.funding, start=1)],
        (6, 70, 20, 16))
    for row in wb[SHEET_FUNDING].iter_rows(min_row=2, min_col=4, max_col=4):
        row[0].number_format = "#,##0"
    write_labels(wb.create_sheet(SHEET_ASSESSMENT),
                 [(label, report.assessment.get(label, "")) for label in ASSESSMENT_LABELS], 100)


def set_properties(wb: Workbook, report: UnitReport) -> None:
    """Set fixed document properties derived from the report year."""
    props = wb.properties
    props.creator = CREATOR
    props.lastModifiedBy = nfc(report.author)
    props.title = nfc(f"Báo cáo học tập suốt đời năm {report.year} - {report.name}")
    props.created = dt.datetime(report.year, 11, 1, 7, 30)
    props.modified = dt.datetime.combine(report.made_on, dt.time(16, 0))


def workbook_bytes(report: UnitReport) -> bytes:
    """Return the .xlsx bytes of a report, with fixed zip timestamps."""
    wb = Workbook()
    fill_workbook(wb, report)
    set_properties(wb, report)
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).save()
    return fix_zip_times(raw.getvalue(), (report.year, 11, 1, 0, 0, 0))


def fix_zip_times(data: bytes, stamp: tuple[int, ...]) -> bytes:
    """Return a copy of a zip archive whose members all carry the same timestamp."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=stamp)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o600 << 16
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()


def remove_stale(folder: Path, keep: set[str]) -> None:
    """Delete sample files of registry units that this run does not write (e.g. the missing)."""
    prefixes = tuple(f"{code} - " for code, _ in REGISTRY)
    for path in sorted(folder.glob("*.xlsx")):
        name = nfc(path.name)
        if name.startswith(prefixes) and name not in keep:
            path.unlink()
            print(f"removed stale {path}")
        elif name not in keep:
            print(f"warning: left unrelated file {path}", file=sys.stderr)


def write_year(out: Path, year: int) -> list[Path]:
    """Write all workbooks of a year and return their paths."""
    folder = out / str(year)
    folder.mkdir(parents=True, exist_ok=True)
    reports = build_dataset()[year]
    remove_stale(folder, {file_name(r) for r in reports})
    paths = []
    for report in reports:
        path = folder / file_name(report)
        data = workbook_bytes(report)
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    """Generate the sample workbooks, or print the expected figures with --summary."""
    parser = argparse.ArgumentParser(description=__doc__)
    default_out = Path(__file__).resolve().parent.parent / "inputs"
    parser.add_argument("--out", type=Path, default=default_out,
                        help="folder holding <year>/ subfolders (default: inputs/ of the repo)")
    parser.add_argument("--summary", action="store_true",
                        help="print the expected indicator figures as Markdown; write nothing")
    args = parser.parse_args(argv)
    if args.summary:
        print(summary_text())
        return 0
    for year in YEARS:
        paths = write_year(args.out, year)
        print(f"{year}: {len(paths)} workbooks in {args.out / str(year)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
