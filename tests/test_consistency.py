"""Year-on-year warnings: a unit whose counts jump far from last year's."""

from reportgen import vocab
from reportgen.consistency import year_on_year_warnings
from reportgen.models import Intake, Library, Source, UnitInfo, UnitReturn


def unit_year(year: int, uses: list[int]) -> Intake:
    libraries = tuple(
        Library(
            "XA-DAKLA",
            f"TV {i}",
            vocab.LIB_READING_POINT,
            False,
            False,
            n,
            None,
            "",
            Source("Đắk La.xlsx", "Thư viện", i + 2),
        )
        for i, n in enumerate(uses)
    )
    info = UnitInfo("XA-DAKLA", "UBND xã Đắk La", year, "", "", None)
    return Intake(year, (UnitReturn("XA-DAKLA", "Đắk La.xlsx", info, libraries),), (), ())


def test_uses_tripled_is_a_warning_naming_file_and_figures():
    (warning,) = year_on_year_warnings(unit_year(2025, [4_500]), unit_year(2024, [1_500]))
    assert warning.severity == "warning" and warning.unit == "XA-DAKLA"
    assert warning.code == "year-on-year-jump"
    assert warning.location() == "Đắk La.xlsx › Thư viện"
    assert "4.500" in warning.message and "năm 2024 là 1.500" in warning.message


def test_ordinary_growth_and_small_numbers_are_quiet():
    assert year_on_year_warnings(unit_year(2025, [1_650]), unit_year(2024, [1_500])) == ()
    assert year_on_year_warnings(unit_year(2025, [90]), unit_year(2024, [30])) == ()


def test_libraries_halved_is_a_warning():
    warnings = year_on_year_warnings(unit_year(2025, [100] * 2), unit_year(2024, [50] * 6))
    assert any("số thư viện, tủ sách là 2, năm 2024 là 6" in w.message for w in warnings)
    assert {w.code for w in warnings} == {"year-on-year-jump"}
