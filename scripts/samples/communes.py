"""The seeded rows of the 11 communes and their reports."""

from __future__ import annotations

import datetime as dt
import random

from .registry import (
    COMMUNES,
    FUND_SOCIAL,
    FUND_STATE,
    INST_CENTRE,
    INST_VILLAGE,
    LIB_COMMUNE,
    LIB_POINT,
    YEARS,
    CommuneSpec,
)
from .rows import (
    ActivityRow,
    FundingRow,
    InstitutionRow,
    LibraryRow,
    UnitReport,
    new_report,
    random_date,
)
from .texts import commune_assessment


def round_to(value: float, step: int) -> int:
    """Round value to a multiple of step."""
    return int(round(value / step)) * step


def facility_name(village: str) -> str:
    """Return the cultural house name of a village (Nhà rông for named villages)."""
    last = village.split()[-1]
    if last[0].isdigit():
        return f"Nhà văn hóa {village}"
    return f"Nhà rông văn hóa {village}"


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
        rows[year] = LibraryRow(
            f"Thư viện {spec.place}",
            LIB_COMMUNE,
            serves,
            digital,
            round(uses * growth),
            books if year == 2025 else books - rng.randint(80, 300),
            note,
        )
    return rows


def reading_point_names(spec: CommuneSpec) -> list[str]:
    """Return the names of the commune's reading points."""
    names = [
        f"Điểm Bưu điện - Văn hóa {spec.place}"
        if spec.code != "TT-DAKHA"
        else "Tủ sách pháp luật thị trấn Đắk Hà"
    ]
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
            rows[year].append(
                LibraryRow(
                    name,
                    LIB_POINT,
                    serves,
                    False,
                    round(uses * factor),
                    None if blank else books,
                    note,
                )
            )
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
            rows[year].append(
                InstitutionRow(
                    name, kind, clubs, regular, count, institution_note(village, clubs, regular)
                )
            )
    return rows


def commune_activity_pool(spec: CommuneSpec) -> list[tuple]:
    """Return (name, task, occasion, (month, day) or None, min, max, note) templates."""
    place, village = spec.place, spec.villages[0]
    far = spec.villages[-1]
    return [
        (
            "Hưởng ứng Ngày Sách và Văn hóa đọc Việt Nam 21/4",
            1,
            "Ngày Sách và Văn hóa đọc Việt Nam 21/4",
            (4, 21),
            150,
            650,
            "",
        ),
        (
            f"Tuyên truyền về học tập suốt đời trên hệ thống truyền thanh {place}",
            1,
            "Tuần lễ hưởng ứng học tập suốt đời",
            (10, 2),
            400,
            1500,
            "Phát sóng 12 buổi",
        ),
        (
            "Tập huấn sử dụng phần mềm quản lý thư viện",
            3,
            "",
            None,
            50,
            90,
            "Cán bộ văn hóa, cộng tác viên tủ sách thôn",
        ),
        (f"Luân chuyển sách về {far}", 2, "", None, 120, 520, "Phối hợp Thư viện huyện"),
        ("Vận động quyên góp sách cho tủ sách cơ sở", 5, "", None, 80, 400, "Xã hội hóa"),
        (
            "Hội thi kể chuyện theo sách cho thiếu nhi dịp hè",
            1,
            "Hoạt động hè",
            (7, 12),
            80,
            320,
            "",
        ),
        (f"Ra mắt câu lạc bộ đọc sách tại {facility_name(village)}", 2, "", None, 60, 180, ""),
        (
            "Trưng bày sách, báo chào mừng Quốc khánh 2/9",
            1,
            "Quốc khánh 2/9",
            (8, 30),
            100,
            450,
            "",
        ),
        (f"Sinh hoạt chuyên đề “Gia đình học tập” tại {far}", 1, "", None, 60, 200, ""),
        ("Bồi dưỡng nghiệp vụ cho cộng tác viên tủ sách thôn", 3, "", None, 50, 75, ""),
        (
            f"Doanh nghiệp, nhà hảo tâm tặng tủ sách cho {village}",
            5,
            "",
            None,
            50,
            150,
            "Xã hội hóa",
        ),
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
            FundingRow(
                "Tổ chức các hoạt động hưởng ứng học tập suốt đời, hỗ trợ nhà văn hóa thôn",
                FUND_STATE,
                total - books,
            ),
        ]
        if rng.random() < 0.55:
            items.append(
                FundingRow(
                    "Vận động xã hội hóa mua sách cho tủ sách thôn",
                    FUND_SOCIAL,
                    round_to(rng.uniform(2e6, 8e6), 100_000),
                )
            )
        rows[year] = items
    return rows


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
