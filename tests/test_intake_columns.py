"""Two columns that could be the same contract column: the report year decides, or a warning."""

from pathlib import Path

from openpyxl import Workbook

from reportgen.intake import read_year


def write(folder: Path, first: str, second: str) -> None:
    wb = Workbook()
    info = wb.active
    info.title = "Thông tin"
    info.append(["Mã đơn vị", "XA-DAKLA"])
    info.append(["Năm báo cáo", 2025])
    ws = wb.create_sheet("Thư viện")
    ws.append(["STT", "Tên thư viện", "Loại thư viện", "Phục vụ học tập suốt đời",
               "Ứng dụng CNTT, chuyển đổi số", first, second])  # fmt: skip
    ws.append([1, "Thư viện xã Đắk La", "Thư viện công cộng cấp xã", "Có", "Không", 900, 1_200])
    folder.mkdir(parents=True, exist_ok=True)
    wb.save(folder / "Đắk La.xlsx")


def test_the_column_naming_the_report_year_is_used(tmp_path, sample_config):
    write(tmp_path, "Lượt người sử dụng năm 2024", "Lượt người sử dụng năm 2025")
    intake = read_year(tmp_path, 2025, sample_config)
    assert [lib.uses for r in intake.returns for lib in r.libraries] == [1_200]
    assert intake.problems == ()


def test_two_equally_likely_columns_are_named_in_a_warning(tmp_path, sample_config):
    write(tmp_path, "Lượt người sử dụng đợt 1", "Lượt người sử dụng đợt 2")
    intake = read_year(tmp_path, 2025, sample_config)
    assert [lib.uses for r in intake.returns for lib in r.libraries] == [900]
    (warning,) = intake.problems
    assert (warning.file, warning.sheet, warning.cell, warning.severity, warning.code) == (
        "Đắk La.xlsx",
        "Thư viện",
        "F1",
        "warning",
        "column-ambiguous",
    )
    assert warning.message.startswith('các cột F1 và G1 đều có thể là cột "Lượt người sử dụng"')
