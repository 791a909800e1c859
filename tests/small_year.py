"""A small year for tests of drafts: two units' workbooks, Đắk Ui's cells set by the test."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from reportgen import vocab
from tests.unit_workbook import activity, funding_row, library, write_unit_workbook

YEAR = 2025


def write_dak_ui(
    inputs: Path, *, uses: int = 1_290, serves: bool = False, social: int = 7_800_000
) -> None:
    """Đắk Ui's workbook: one commune library, one activity, state and social funding."""
    write_unit_workbook(
        inputs / str(YEAR) / "UBND xã Đắk Ui.xlsx",
        "XA-DAKUI",
        "UBND xã Đắk Ui",
        YEAR,
        libraries=[library("Thư viện xã Đắk Ui", vocab.LIB_COMMUNE, serves, False, uses)],
        activities=[activity("Ngày hội đọc sách", 1, date(YEAR, 4, 21), 150)],
        funding=[
            funding_row("Mua sách", vocab.FUND_STATE, 12_000_000),
            funding_row("Quyên góp sách", vocab.FUND_SOCIAL, social),
        ],
    )


def write_small_year(inputs: Path, **dak_ui: Any) -> None:
    """The district centre's workbook and Đắk Ui's, in inputs/2025/."""
    write_unit_workbook(
        inputs / str(YEAR) / "Trung tâm VHTT.xlsx",
        "TTVHTT",
        "Trung tâm Văn hóa - Thể thao - Du lịch và Truyền thông",
        YEAR,
        libraries=[library("Thư viện huyện Đắk Hà", vocab.LIB_DISTRICT, True, True, 12_000)],
        funding=[funding_row("Vận động xã hội hóa", vocab.FUND_SOCIAL, 90_000_000)],
    )
    write_dak_ui(inputs, **dak_ui)
