"""A realistic year of figures (2025) built by hand, for the narrative and render tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from fractions import Fraction

from reportgen import vocab
from reportgen.models import (
    ERROR,
    WARNING,
    Activity,
    Comparison,
    Figures,
    Funding,
    IndicatorResult,
    Library,
    Measure,
    Problem,
    Source,
    TaskGroup,
    UnitFigures,
)

COMMUNES = ("TT-DAKHA", "XA-DAKHRING", "XA-DAKLA", "XA-DAKLONG", "XA-DAKMAR", "XA-DAKNGOK")
COMMUNES += ("XA-DAKPXI", "XA-DAKUI", "XA-HAMON", "XA-NGOKREO", "XA-NGOKWANG")
OTHERS = ("PGDDT", "TTVHTT", "PLDTBXH", "PTCKH", "MTTQ", "HKH")
EXPECTED = COMMUNES + OTHERS
RECEIVED = COMMUNES[:-1] + OTHERS  # Ngọk Wang has not sent its workbook


def _ceil(value: Fraction) -> int:
    return -(-value.numerator // value.denominator)


def _share(
    code: str, name: str, num: int, den: int, target: str, measure: Measure, target_2030: str
) -> IndicatorResult:
    """A share against its 2025 target, with what the 2030 milestone (next year's) asks."""
    goal, next_goal = Fraction(target) / 100, Fraction(target_2030) / 100
    if den == 0:
        return IndicatorResult(
            code=code,
            name=name,
            measure=measure,
            numerator=0,
            denominator=0,
            value=None,
            target=goal,
            target_max=None,
            met=None,
            gap_units=None,
            status="no_data",
            next_milestone=2030,
            next_target=next_goal,
        )
    value = Fraction(num, den)
    return IndicatorResult(
        code=code,
        name=name,
        measure=measure,
        numerator=num,
        denominator=den,
        value=value,
        target=goal,
        target_max=None,
        met=value >= goal,
        gap_units=max(0, _ceil(goal * den) - num),
        status="ok",
        next_milestone=2030,
        next_target=next_goal,
        next_gap_units=max(0, _ceil(next_goal * den) - num),
    )


def _src(row: int, sheet: str = vocab.SHEET_ACTIVITIES) -> Source:
    return Source("Đắk La.xlsx", sheet, row)


def sample_figures(**changes: object) -> Figures:
    """2025: 9 commune libraries (3 serving), 35 schools, one unmet target, one missing unit."""
    schools = tuple(
        Library(
            "PGDDT",
            f"Thư viện Trường TH số {i + 1}",
            vocab.LIB_SCHOOL,
            i < 26,
            i < 25,
            1200 + 10 * i,
            3000 if i else None,
            "",
            _src(i + 2, vocab.SHEET_LIBRARIES),
        )
        for i in range(35)
    )
    library = Measure.LIBRARY_SHARE
    indicators = (
        _share("TV_HTSD_HUYEN", "Thư viện huyện cung cấp dịch vụ phục vụ học tập suốt đời",
               1, 1, "100", library, "80"),
        _share("TV_HTSD_XA", "Thư viện công cộng cấp xã cung cấp dịch vụ phục vụ học tập suốt đời",
               3, 9, "20", library, "50"),
        _share("TV_HTSD_GD", "Thư viện cơ sở giáo dục cung cấp dịch vụ phục vụ học tập suốt đời",
               26, 35, "70", library, "80"),
        _share("TV_CDS_HUYEN", "Thư viện huyện ứng dụng công nghệ thông tin, chuyển đổi số",
               1, 1, "100", library, "60"),
        _share("TV_CDS_XA", "Thư viện công cộng cấp xã ứng dụng công nghệ thông tin, chuyển đổi số",
               1, 9, "10", library, "20"),
        _share("TV_CDS_GD", "Thư viện cơ sở giáo dục ứng dụng công nghệ thông tin, chuyển đổi số",
               23, 35, "70", library, "80"),
        # Like for like: Ngọk Wang sent neither year, so the 16 units of 2025 are compared
        # with the same 16 of 2024 and no unit is left out.
        IndicatorResult(code="TV_LUOT_TANG",
                        name="Tăng số lượt người sử dụng thư viện so với năm trước",
                        measure=Measure.LIBRARY_USES_GROWTH, numerator=152340, denominator=138250,
                        value=Fraction(152340, 138250) - 1, target=Fraction(8, 100),
                        target_max=None, met=True, gap_units=0, status="ok",
                        comparison=Comparison(2024, 152340, 138250, 152340, 138250, RECEIVED,
                                              (), ()),
                        next_milestone=2030, next_target=Fraction(8, 100),
                        next_target_max=Fraction(10, 100),
                        next_gap_units=12188),  # ⌈152.340 × 8%⌉ more uses in 2026
        _share("VH_CLB", "Trung tâm văn hóa, thể thao xã, nhà văn hóa - khu thể thao thôn có lớp "
               "năng khiếu, câu lạc bộ, nhóm sở thích, thường xuyên tổ chức hoạt động",
               40, 72, "50", Measure.INSTITUTION_SHARE, "70"),
    )  # fmt: skip
    activities = (
        Activity("XA-DAKLA", "Ngày hội đọc sách & văn hóa <đọc>", 1, "Ngày Sách và Văn hóa "
                 "đọc Việt Nam 21/4", date(2025, 4, 21), 350, "", _src(2)),
        Activity("TTVHTT", "Tuyên truyền lưu động về học tập suốt đời", 1, "", date(2025, 5, 10),
                 1200, "", _src(3)),
        Activity("TTVHTT", "Số hóa tài liệu địa chí", 2, "", date(2025, 8, 1), 40, "", _src(4)),
        Activity("PGDDT", "Tập huấn nghiệp vụ thư viện trường học", 3, "", date(2025, 9, 5), 70,
                 "", _src(5)),
        Activity("HKH", "Vận động quyên góp sách cho tủ sách thôn", 5, "", date(2025, 6, 1), 210,
                 "", _src(6)),
    )  # fmt: skip
    groups = tuple(
        TaskGroup(
            number,
            title,
            tuple(a for a in activities if a.task == number),
            sum(a.participants for a in activities if a.task == number),
            tuple(sorted({a.unit for a in activities if a.task == number})),
        )
        for number, title in vocab.TASK_GROUPS.items()
    )
    funding = (
        Funding("TTVHTT", "Mua sách bổ sung", vocab.FUND_STATE, 45_000_000, _src(2)),
        Funding("HKH", "Sách quyên góp", vocab.FUND_SOCIAL, 12_500_000, _src(3)),
    )
    per_unit = tuple(
        UnitFigures(code, code, 1, 1 if i < 3 else 0, 1 if i < 1 else 0, 1000 + i, 8, 4, 1, 100,
                    1_000_000, 0)
        for i, code in enumerate(COMMUNES[:-1])
    )  # fmt: skip
    figures = Figures(
        year=2025,
        milestone=2025,
        indicators=indicators,
        task_groups=groups,
        state_funding=45_000_000,
        social_funding=12_500_000,
        per_unit=per_unit,
        libraries=schools,
        activities=activities,
        funding=funding,
        assessments=(
            ("XA-DAKLA", "highlights", "Duy trì tủ sách thôn & điểm đọc <mới>\x0b tại 5 thôn"),
            ("PGDDT", "highlights", "26/35 thư viện trường học phục vụ học tập suốt đời"),
            ("XA-DAKLA", "shortcomings", "Kinh phí mua sách còn hạn chế"),
            ("XA-DAKLA", "causes", "Nguồn ngân sách xã còn khó khăn"),
            ("PGDDT", "next_year", "Nâng cấp phần mềm quản lý thư viện"),
            ("XA-DAKLA", "proposals", "Đề nghị hỗ trợ máy tính cho thư viện xã"),
        ),
        expected=EXPECTED,
        received=RECEIVED,
        missing=("XA-NGOKWANG",),
        problems=(
            Problem(
                "Đắk La.xlsx",
                "Thư viện",
                "F7",
                ERROR,
                "“nhiều” không phải là số",
                "XA-DAKLA",
                code="cell-not-number",
            ),
            Problem(
                "Hà Mòn.xlsx",
                "Hoạt động",
                "E4",
                WARNING,
                "Thiếu ngày",
                "XA-HAMON",
                code="cell-not-date",
            ),
        ),
        library_uses=152340,
        library_uses_previous=138250,
    )
    return replace(figures, **changes) if changes else figures


def complete_figures(**changes: object) -> Figures:
    """The same year with every unit in: Ngọk Wang's workbook came (it adds nothing)."""
    return sample_figures(received=EXPECTED, missing=(), **changes)
