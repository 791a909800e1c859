"""The messy year's content: what each unit reports, how messily it writes it, the bad year."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from tests.messy.encodings import to_tcvn3, to_vni

YEAR = 2025
BASELINE_2024 = 25_000  # library uses of 2024, given in the plan's configuration

# ---------------------------------------------------------------- the dataset (typed, Unicode)

D_LIB, C_LIB, S_LIB = "Thư viện huyện", "Thư viện công cộng cấp xã", "Thư viện cơ sở giáo dục"
POINT = "Tủ sách, điểm đọc cơ sở"
CENTRE, HOUSE = "Trung tâm văn hóa, thể thao xã", "Nhà văn hóa - khu thể thao thôn"
STATE, SOCIAL = "Ngân sách nhà nước", "Xã hội hóa"


@dataclass(frozen=True)
class Lib:
    name: str
    kind: str
    serves: bool
    digital: bool
    uses: int
    books: int | None = None


@dataclass(frozen=True)
class Inst:
    name: str
    kind: str
    clubs_yes: bool
    regular: bool
    clubs: int


@dataclass(frozen=True)
class Act:
    name: str
    task: int
    on: date
    people: int
    occasion: str = ""


@dataclass(frozen=True)
class Fund:
    content: str
    source: str
    amount: int


@dataclass(frozen=True)
class UnitData:
    code: str
    name: str
    made_on: date
    libs: tuple[Lib, ...] = ()
    insts: tuple[Inst, ...] = ()
    acts: tuple[Act, ...] = ()
    funds: tuple[Fund, ...] = ()


UNITS = (
    UnitData(
        "TTVHTT",
        "Trung tâm Văn hóa - Thể thao - Du lịch và Truyền thông",
        date(2025, 11, 3),
        libs=(Lib("Thư viện huyện Đắk Hà", D_LIB, True, True, 12_500, 20_000),),
        acts=(
            Act("Ngày Sách và Văn hóa đọc Việt Nam", 1, date(2025, 4, 21), 1_500, "21/4"),
            Act("Tập huấn chuyển đổi số cho cán bộ thư viện", 2, date(2025, 6, 10), 45),
            Act("Bồi dưỡng nghiệp vụ thư viện", 3, date(2025, 8, 15), 30),
        ),
        funds=(
            Fund("Mua sách, báo", STATE, 12_500_000),
            Fund("Tài trợ của doanh nghiệp", SOCIAL, 5_000_000),
        ),
    ),
    UnitData(
        "PGDDT",
        "Phòng Giáo dục và Đào tạo",
        date(2025, 11, 4),
        libs=(
            Lib("Thư viện Trường THCS Nguyễn Huệ", S_LIB, True, True, 3_200, 5_000),
            Lib("Thư viện Trường TH Lê Lợi", S_LIB, True, False, 2_100),
            Lib("Thư viện Trường Mầm non Hoa Hồng", S_LIB, False, False, 450),
            Lib("Thư viện Trường TH Kim Đồng", S_LIB, True, True, 1_800),
            Lib("Thư viện Trường THCS Lý Tự Trọng", S_LIB, True, False, 2_650),
        ),
        acts=(Act("Tuần lễ hưởng ứng học tập suốt đời", 1, date(2025, 10, 2), 2_400),),
        funds=(Fund("Bổ sung sách thư viện trường học", STATE, 30_000_000),),
    ),
    UnitData(
        "XA-DAKLA",
        "UBND xã Đắk La",
        date(2025, 11, 5),
        libs=(
            Lib("Thư viện xã Đắk La", C_LIB, True, True, 1_234, 3_000),
            Lib("Tủ sách thôn 1", POINT, False, False, 150),
        ),
        insts=(
            Inst("Trung tâm văn hóa, thể thao xã Đắk La", CENTRE, True, True, 4),
            Inst("Nhà văn hóa thôn 1", HOUSE, True, False, 1),
            Inst("Nhà văn hóa thôn 2", HOUSE, False, True, 0),
        ),
        acts=(Act("Hội thi kể chuyện theo sách", 1, date(2025, 5, 5), 120),),
        funds=(Fund("Tủ sách thôn", SOCIAL, 2_000_000),),
    ),
    UnitData(
        "XA-DAKPXI",
        "UBND xã Đăk Psi",
        date(2025, 11, 5),
        libs=(Lib("Thư viện xã Đắk Pxi", C_LIB, False, False, 300),),
        insts=(Inst("Nhà văn hóa thôn Kon Stiu", HOUSE, True, True, 2),),
    ),
    UnitData(
        "XA-DAKUI",
        "Ủy ban nhân dân xã Dak Uy",
        date(2025, 11, 6),
        libs=(Lib("Thư viện xã Đắk Ui", C_LIB, False, True, 420),),
        acts=(Act("Vận động xã hội hóa tủ sách", 5, date(2025, 9, 12), 60),),
    ),
    UnitData(
        "TT-DAKHA",
        "TT Đắk Hà",
        date(2025, 11, 5),
        libs=(Lib("Thư viện thị trấn Đắk Hà", C_LIB, True, True, 2_050),),
        insts=(
            Inst("Trung tâm văn hóa, thể thao thị trấn", CENTRE, True, True, 6),
            Inst("Nhà văn hóa tổ dân phố 3", HOUSE, False, False, 0),
        ),
        acts=(Act("Giao lưu văn nghệ đọc sách", 5, date(2025, 11, 5), 300),),
        funds=(Fund("Tổ chức hoạt động", STATE, 8_000_000),),
    ),
    UnitData(  # typed in TCVN3 (.VnTime) in the messy year
        "XA-NGOKWANG",
        "UBND xã Ngok Wang",
        date(2025, 11, 2),
        libs=(Lib("Thư viện xã Ngọk Wang", C_LIB, False, False, 210),),
        insts=(Inst("Nhà văn hóa thôn Đăk Rơ", HOUSE, True, True, 3),),
        acts=(Act("Tuyên truyền học tập suốt đời", 1, date(2025, 3, 8), 85),),
    ),
    UnitData(  # typed in VNI-Windows in the messy year
        "XA-DAKNGOK",
        "UBND XÃ ĐĂK NGỌC",
        date(2025, 11, 1),
        libs=(Lib("Thư viện xã Đắk Ngọk", C_LIB, False, False, 180),),
        acts=(Act("Đọc sách cùng con", 1, date(2025, 6, 1), 50),),
    ),
    UnitData(  # a legacy .xls in the messy year
        "XA-HAMON",
        "UBND XA HA MON",
        date(2025, 11, 7),
        libs=(Lib("Thư viện xã Hà Mòn", C_LIB, True, False, 640),),
        insts=(Inst("Trung tâm văn hóa, thể thao xã Hà Mòn", CENTRE, True, False, 2),),
        acts=(Act("Lớp kỹ năng số cho người dân", 2, date(2025, 7, 20), 40),),
        funds=(Fund("Mua máy tính", STATE, 15_000_000),),
    ),
)
BY_CODE = {u.code: u for u in UNITS}

# ------------------------------------------------------------------------- the messy year


@dataclass(frozen=True)
class Style:
    """How messily one unit fills its workbook (None of these in the contract's clean form)."""

    code: str | None  # Mã đơn vị as written; None: the unit is named only
    encode: Callable[[str], str] = lambda s: s  # TCVN3 / VNI typing
    legacy: bool = False  # a legacy font: no upper-casing tricks (they cannot be typed)
    formulas: bool = False  # counts as formulas with cached values, total rows as SUM()
    dates: tuple[str, ...] = ("excel", "dmy", "d-m-y")
    numbers_as_text: bool = True


MESSY_STYLES = {
    "TTVHTT": Style("TTVHTT", formulas=True),
    "PGDDT": Style(" pgddt ", dates=("d-m-y",), formulas=True),
    "XA-DAKLA": Style("XA-DAKLA", formulas=True, dates=("dmy",)),
    "XA-DAKPXI": Style(None),
    "XA-DAKUI": Style(None, dates=("excel",)),
    "TT-DAKHA": Style(None, dates=("dmy",)),
    "XA-NGOKWANG": Style(None, encode=to_tcvn3, legacy=True, numbers_as_text=False),
    "XA-DAKNGOK": Style(None, encode=to_vni, legacy=True),
    "XA-HAMON": Style(None),
}
MESSY_FILES = {
    "TTVHTT": "Trung tâm VHTT - báo cáo 2025.xlsx",
    "PGDDT": "PGD.xlsx",
    "XA-DAKLA": "Bao cao Dak La.xlsx",
    "XA-DAKPXI": "bc (1).xlsx",
    "XA-DAKUI": "bc (2).xlsx",
    "TT-DAKHA": "bao cao thi tran.xlsx",
    "XA-NGOKWANG": "BC HTSD.xlsx",
    "XA-DAKNGOK": "BaoCao.xlsx",
    "XA-HAMON": "bc hm.xlsx",
}

# ---------------------------------------------------------------------------- the bad year

LIB, INST, ACT, FUND = "Thư viện", "Thiết chế văn hóa", "Hoạt động", "Kinh phí"
# Bad cells: (unit, (sheet, row index, column), value written, words the message must quote).
BAD_CELLS = (
    ("XA-DAKLA", (LIB, 1, "Loại thư viện"), "Thư viện tư nhân", '"Thư viện tư nhân"'),
    ("XA-DAKLA", (INST, 1, "Có lớp năng khiếu, CLB, nhóm sở thích"), "chưa rõ", '"chưa rõ"'),
    ("TT-DAKHA", (INST, 1, "Số CLB, nhóm"), -2, '"-2"'),
    ("TTVHTT", (ACT, 2, "Số lượt người tham gia"), "nhiều", '"nhiều"'),
    ("XA-DAKUI", (ACT, 0, "Nhiệm vụ"), 7, '"7"'),
    ("PGDDT", (FUND, 0, "Nguồn kinh phí"), "Vốn vay", '"Vốn vay"'),
    ("PGDDT", (LIB, 3, "Lượt người sử dụng"), "=900+900", "công thức"),  # no cached value
)
# The problem code each bad cell must be reported with, by the words its message quotes.
BAD_CELL_CODES = {
    '"Thư viện tư nhân"': "cell-not-in-list",
    '"chưa rõ"': "cell-not-yes-no",
    '"-2"': "cell-negative",
    '"nhiều"': "cell-not-number",
    '"7"': "cell-not-task",
    '"Vốn vay"': "cell-not-in-list",
    "công thức": "formula-without-value",
}
BAD_FILES = {
    "TTVHTT": "Trung tâm VHTT.xlsx",
    "PGDDT": "PGDDT.xlsx",
    "XA-DAKLA": "Dak La.xlsx",
    "XA-DAKPXI": "Dak Psi.xlsx",
    "XA-DAKUI": "Dak Ui.xlsx",
    "TT-DAKHA": "Thi tran.xlsx",
    "XA-NGOKWANG": "Ngok Wang.xlsx",
    "XA-DAKNGOK": "Dak Ngok.xlsx",
    "XA-HAMON": "Ha Mon.xlsx",
}
BROKEN = ("hong.xlsx", "trong.xlsx", "cat ngang.xlsx", "mat khau.xlsx")
STRANGERS = ("Ia Chim.xlsx", "Dak La - Dak Long.xlsx")  # unknown unit, ambiguous unit
OLDER_DUPLICATE = "Dak Psi (ban cu).xlsx"  # an earlier Ngày lập
EARLIER_SAVED = "Ngok Wang (nhap).xlsx"  # the same Ngày lập, saved a day before
IGNORED = ("~$PGDDT.xlsx", ".~lock.PGDDT.xlsx#", ".bao cao an.xlsx")
# A second Đắk Pxi workbook with an earlier Ngày lập, and a draft of Ngok Wang's (same Ngày lập).
OLDER = replace(
    BY_CODE["XA-DAKPXI"],
    made_on=date(2025, 11, 1),
    libs=(Lib("Thư viện xã Đắk Pxi", C_LIB, True, True, 999),),
)
DRAFT = replace(BY_CODE["XA-NGOKWANG"], libs=(Lib("Thư viện xã", C_LIB, True, True, 5555),))
# Workbooks named only, for a unit not in the configuration and for two units at once.
STRANGER_UNITS = tuple(
    UnitData("", name, date(2025, 11, 5), libs=(Lib("Thư viện xã", C_LIB, True, True, 777),))
    for name in ("UBND xã Ia Chim", "UBND xã Đắk La, Đắk Long")
)
