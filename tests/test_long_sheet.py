"""A long sheet's reading shows how far it has come on the error stream; the length from which
a sheet counts as long is a parameter (hidden `--long-sheet`), so no test needs 200.000 rows."""

from __future__ import annotations

from datetime import date

import pytest

from reportgen import vocab
from tests.test_intake_reader import clean_form, save

ROWS = 120


@pytest.fixture
def long_year(workspace):
    """Đắk La's workbook with 120 activities."""
    activities = [
        (f"Buổi đọc sách số {n}", 1 + n % 5, "", date(2025, 5, 1), 10, "") for n in range(ROWS)
    ]
    save(workspace / "inputs" / "2025" / "XA-DAKLA.xlsx", clean_form(activities=activities))
    return workspace


@pytest.mark.parametrize("command", ["check", "build"])
def test_a_long_sheet_shows_its_progress(long_year, run, command):
    result = run(command, "--year", "2025", "--long-sheet", "100")
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stderr.splitlines() if line.startswith("Đang đọc")]
    sheet = f"Đang đọc XA-DAKLA.xlsx › {vocab.SHEET_ACTIVITIES}"
    assert lines[0] == f"{sheet}: 6/120 dòng"  # every twentieth of the sheet
    assert lines[-1] == f"{sheet}: 120/120 dòng"
    assert len(lines) == 20 and len(set(lines)) == 20
    assert "Đang đọc" not in result.stdout  # the report on screen stays clean


def test_a_short_sheet_reads_quietly(long_year, run):
    result = run("check", "--year", "2025")  # 120 rows is far from 20.000
    assert result.exit_code == 0, result.output
    assert "Đang đọc" not in result.output


def test_the_length_is_checked(long_year, run):
    result = run("check", "--year", "2025", "--long-sheet", "0")
    assert result.exit_code == 2
