"""The seeded school libraries and the reports of Phòng Giáo dục và Đào tạo."""

from __future__ import annotations

import random

from .registry import FUND_SOCIAL, FUND_STATE, LIB_SCHOOL, SCHOOL_COUNTS, SCHOOLS, YEARS
from .rows import FundingRow, LibraryRow, UnitReport, dated, new_report
from .texts import pgddt_assessment


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
            rows[year].append(
                LibraryRow(
                    f"Thư viện {school}",
                    LIB_SCHOOL,
                    serves,
                    digital,
                    year_uses,
                    year_books,
                    school_note(serves, digital),
                )
            )
    return rows


def build_pgddt(rng: random.Random) -> dict[int, UnitReport]:
    """Return the reports of Phòng Giáo dục và Đào tạo per year."""
    libs = school_libraries(rng)
    out = {}
    for year in YEARS:
        report = new_report("PGDDT", year)
        report.libraries = libs[year]
        report.activities = dated(
            rng,
            year,
            (
                "Ngày hội đọc sách trong trường học năm {year}",
                1,
                "Ngày Sách và Văn hóa đọc Việt Nam 21/4",
                (4, 19),
                1450,
                "",
            ),
            (
                "Tập huấn cán bộ thư viện trường học sử dụng phần mềm quản lý thư viện",
                3,
                "",
                (8, 14),
                72,
                "Cán bộ thư viện, giáo viên kiêm nhiệm",
            ),
            ("Luân chuyển sách giữa thư viện các trường tiểu học", 2, "", None, 640, ""),
            (
                "Vận động phụ huynh, nhà hảo tâm quyên góp sách cho thư viện trường học",
                5,
                "Khai giảng năm học mới",
                (9, 5),
                860,
                "Xã hội hóa",
            ),
        )
        report.funding = [
            FundingRow(
                "Bổ sung sách tham khảo, truyện thiếu nhi cho thư viện trường học",
                FUND_STATE,
                186_000_000 if year == 2025 else 164_500_000,
            ),
            FundingRow(
                "Mua bản quyền phần mềm quản lý thư viện cho các trường",
                FUND_STATE,
                42_000_000 if year == 2025 else 28_000_000,
            ),
            FundingRow(
                "Phụ huynh, nhà hảo tâm ủng hộ sách (quy đổi thành tiền)",
                FUND_SOCIAL,
                23_400_000 if year == 2025 else 19_800_000,
            ),
        ]
        report.assessment = pgddt_assessment(report)
        out[year] = report
    return out
