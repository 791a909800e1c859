"""The reports of the district-level units other than Phòng GD&ĐT."""

from __future__ import annotations

import random

from .registry import FUND_SOCIAL, FUND_STATE, LIB_DISTRICT, YEARS
from .rows import (
    ActivityRow,
    FundingRow,
    LibraryRow,
    UnitReport,
    assessment,
    dated,
    new_report,
    vn_int,
)
from .texts import ttvhtt_assessment


def build_ttvhtt(rng: random.Random) -> dict[int, UnitReport]:
    """Return the reports of the Trung tâm VH-TT-DL và TT per year."""
    out = {}
    for year in YEARS:
        report = new_report("TTVHTT", year)
        note = (
            "Bổ sung “Sách & báo <mới>” hằng tháng; mở cửa cả thứ Bảy"
            if year == 2025
            else "Mở cửa cả thứ Bảy"
        )
        report.libraries = [
            LibraryRow(
                "Thư viện huyện Đắk Hà",
                LIB_DISTRICT,
                True,
                year == 2025,
                28_640 if year == 2025 else 25_870,
                38_450 if year == 2025 else 36_120,
                note,
            )
        ]
        report.activities = ttvhtt_activities(rng, year)
        report.funding = [
            FundingRow(
                "Bổ sung sách, báo, tài liệu cho Thư viện huyện",
                FUND_STATE,
                60_000_000 if year == 2025 else 55_000_000,
            ),
            FundingRow(
                "Mua sắm trang thiết bị, phần mềm quản lý và số hóa tài liệu",
                FUND_STATE,
                85_000_000 if year == 2025 else 20_000_000,
            ),
            FundingRow(
                "Tổ chức Ngày hội đọc sách và thư viện lưu động",
                FUND_STATE,
                25_000_000 if year == 2025 else 22_000_000,
            ),
            FundingRow(
                "Doanh nghiệp tài trợ sách cho thư viện lưu động",
                FUND_SOCIAL,
                15_000_000 if year == 2025 else 10_000_000,
            ),
        ]
        report.assessment = ttvhtt_assessment(report)
        out[year] = report
    return out


def ttvhtt_activities(rng: random.Random, year: int) -> list[ActivityRow]:
    """Return the activities of the district library for a year."""
    items = [
        (
            "Ngày hội đọc sách huyện Đắk Hà năm {year}",
            1,
            "Ngày Sách và Văn hóa đọc Việt Nam 21/4",
            (4, 21),
            1350,
            "Hội sách, trưng bày sách",
        ),
        ("Triển lãm sách, ảnh “Đắk Hà - đất và người”", 1, "Quốc khánh 2/9", (8, 28), 920, ""),
        (
            "Thư viện lưu động phục vụ các thôn vùng sâu, vùng xa",
            2,
            "",
            None,
            1180,
            "08 đợt xe thư viện lưu động",
        ),
        ("Số hóa tài liệu địa chí huyện Đắk Hà", 2, "", None, 60, "Số hóa 1.250 trang tài liệu"),
        ("Tập huấn nghiệp vụ thư viện cho cán bộ văn hóa xã, thị trấn", 3, "", (6, 18), 64, ""),
        (
            "Phát sóng chuyên mục “Xây dựng xã hội học tập” trên trang thông tin điện tử huyện",
            1,
            "Tuần lễ hưởng ứng học tập suốt đời",
            (10, 1),
            1500,
            "Lượt xem trực tuyến",
        ),
    ]
    if year == 2025:
        items.append(
            (
                "Tọa đàm trực tuyến chia sẻ kinh nghiệm quốc tế về thư viện số phục vụ "
                "học tập suốt đời",
                4,
                "",
                (9, 24),
                55,
                "Do Thư viện tỉnh tổ chức",
            )
        )
    else:
        items = items[:2] + items[3:]
    return dated(rng, year, *items)


def build_pldtbxh(rng: random.Random) -> dict[int, UnitReport]:
    """Return the reports of Phòng LĐ-TB&XH (no vocational school library)."""
    out = {}
    for year in YEARS:
        report = new_report("PLDTBXH", year)
        report.assessment = assessment(
            f"Năm {year}, trên địa bàn huyện chưa có cơ sở giáo dục nghề nghiệp có thư viện; "
            "Phòng đã lồng ghép tuyên truyền học tập suốt đời trong các lớp đào tạo nghề "
            "cho lao động nông thôn.",
            "Chưa có thư viện cơ sở giáo dục nghề nghiệp để triển khai các nhiệm vụ của "
            "Chương trình.",
            "Các lớp đào tạo nghề chủ yếu tổ chức lưu động tại thôn, không có cơ sở đào tạo "
            "cố định.",
            "Phối hợp với Thư viện huyện đưa tài liệu nghề nông, khuyến nông vào tủ sách các thôn.",
            "Không có đề xuất.",
        )
        out[year] = report
    return out


def build_ptckh(rng: random.Random) -> dict[int, UnitReport]:
    """Return the reports of Phòng Tài chính - Kế hoạch (district-level allocations)."""
    out = {}
    for year in YEARS:
        report = new_report("PTCKH", year)
        report.funding = [
            FundingRow(
                "Kinh phí tuyên truyền, in ấn tài liệu về xây dựng xã hội học tập cấp huyện",
                FUND_STATE,
                12_000_000 if year == 2025 else 10_000_000,
            ),
            FundingRow(
                "Kinh phí khen thưởng tập thể, cá nhân tiêu biểu trong phong trào học tập suốt đời",
                FUND_STATE,
                10_000_000 if year == 2025 else 8_000_000,
            ),
        ]
        if year == 2025:
            report.funding.append(
                FundingRow(
                    "Kinh phí tổ chức sơ kết giai đoạn 2023 - 2025 thực hiện Chương trình",
                    FUND_STATE,
                    18_000_000,
                )
            )
        total = sum(row.amount for row in report.funding)
        report.assessment = assessment(
            f"Đã tham mưu bố trí {vn_int(total)} đồng kinh phí sự nghiệp cấp huyện thực hiện "
            f"Chương trình năm {year}, giải ngân đúng tiến độ.",
            "Dự toán của một số xã chưa tách riêng nội dung chi cho hoạt động học tập suốt đời "
            "nên khó tổng hợp.",
            "Nguồn ngân sách địa phương còn hạn hẹp; hướng dẫn lập dự toán chưa cụ thể.",
            f"Năm {year + 1}, hướng dẫn các đơn vị lập dự toán riêng cho nhiệm vụ của Chương "
            "trình, ưu tiên chuyển đổi số thư viện.",
            "Đề nghị các đơn vị gửi dự toán kinh phí thực hiện Chương trình cùng kỳ xây dựng dự "
            "toán ngân sách hằng năm.",
        )
        out[year] = report
    return out


def build_mttq(rng: random.Random) -> dict[int, UnitReport]:
    """Return the reports of the Mặt trận Tổ quốc and mass organisations."""
    out = {}
    for year in YEARS:
        report = new_report("MTTQ", year)
        report.activities = dated(
            rng,
            year,
            (
                "Tuyên truyền xây dựng “Gia đình học tập”, “Dòng họ học tập”, “Cộng đồng học tập”",
                1,
                "",
                None,
                1320,
                "Lồng ghép sinh hoạt chi hội",
            ),
            (
                "Bồi dưỡng kỹ năng tuyên truyền cho cán bộ Mặt trận, đoàn thể cơ sở",
                3,
                "",
                None,
                96,
                "",
            ),
            (
                "Vận động đoàn viên, hội viên quyên góp sách cho tủ sách thôn",
                5,
                "",
                None,
                540,
                "Xã hội hóa",
            ),
        )
        report.assessment = assessment(
            "Các tổ chức đoàn thể lồng ghép tuyên truyền học tập suốt đời trong sinh hoạt chi "
            f"hội; vận động đoàn viên, hội viên quyên góp sách năm {year}.",
            "Hình thức tuyên truyền ở một số chi hội còn đơn điệu, chưa thu hút thanh niên.",
            "Cán bộ đoàn thể cơ sở thường xuyên thay đổi, kỹ năng tuyên truyền trên nền tảng "
            "số còn hạn chế.",
            f"Năm {year + 1}, đẩy mạnh tuyên truyền trên mạng xã hội; phát động phong trào "
            "“Mỗi hội viên tặng một cuốn sách”.",
            "Đề nghị Phòng Văn hóa - Thông tin cung cấp tài liệu tuyên truyền mẫu về học tập "
            "suốt đời.",
        )
        out[year] = report
    return out


def build_hkh(rng: random.Random) -> dict[int, UnitReport]:
    """Return the reports of Hội Khuyến học huyện."""
    out = {}
    for year in YEARS:
        report = new_report("HKH", year)
        report.activities = dated(
            rng,
            year,
            (
                "Phát động Tuần lễ hưởng ứng học tập suốt đời năm {year}",
                1,
                "Tuần lễ hưởng ứng học tập suốt đời",
                (10, 3),
                1200,
                "",
            ),
            (
                "Tập huấn công tác khuyến học và đánh giá “Cộng đồng học tập” cấp xã",
                3,
                "",
                (5, 22),
                85,
                "",
            ),
            (
                "Trao học bổng, tặng sách cho học sinh nghèo hiếu học",
                5,
                "Khai giảng năm học mới",
                (9, 8),
                350,
                "Xã hội hóa",
            ),
        )
        report.funding = [
            FundingRow(
                "Quỹ khuyến học mua sách tặng học sinh nghèo hiếu học",
                FUND_SOCIAL,
                30_000_000 if year == 2025 else 26_500_000,
            )
        ]
        report.assessment = assessment(
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
        )
        out[year] = report
    return out
