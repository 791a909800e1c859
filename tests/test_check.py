"""`reportgen check`: who has sent what, every problem located, and the exit code."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from reportgen import vocab
from reportgen.completeness import completeness
from reportgen.config import Unit, load_config
from reportgen.intake import read_year
from reportgen.problem_sheet import HEADER_ROW, HEADERS
from reportgen.workspace import Workspace
from tests.unit_workbook import activity, funding_row, institution, library, write_unit_workbook

YEAR = 2025
KIND, CODE, MESSAGE = (HEADERS.index(h) for h in ("Loại vấn đề", "Mã", "Nội dung"))


@pytest.fixture
def check(run):
    """`reportgen check --year 2025` on the workspace, with more options if given."""
    return lambda *args: run("check", "--year", str(YEAR), *args)


def write_year(workspace: Path, units: Sequence[Unit], *, skip: tuple[str, ...] = ()) -> Path:
    """A clean workbook for every registry unit except `skip`."""
    folder = workspace / "inputs" / str(YEAR)
    for unit in units:
        if unit.code in skip:
            continue
        write_unit_workbook(
            folder / f"{unit.code}.xlsx",
            unit.code,
            unit.name,
            YEAR,
            libraries=[library(f"Thư viện {unit.name}", vocab.LIB_COMMUNE, True, False, 1000, 50)],
            institutions=[institution("Nhà văn hóa thôn 1", vocab.INST_VILLAGE_HOUSE, True, True)],
            activities=[activity("Ngày hội đọc sách", 1, date(YEAR, 4, 21), 200)],
            funding=[funding_row("Mua sách", vocab.FUND_STATE, 5_000_000)],
        )
    return folder


def set_cell(path: Path, sheet: str, cell: str, value: object) -> None:
    wb = openpyxl.load_workbook(path)
    wb[sheet][cell] = value
    wb.save(path)


def sheet_rows(path: Path) -> list[tuple]:
    ws = openpyxl.load_workbook(path).active
    return list(ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True))


def checks_dir(workspace: Path) -> Path:
    return workspace / "outputs" / str(YEAR) / "kiem-tra"


def test_clean_year_exits_0_and_writes_nothing_to_send(workspace, sample_config, check):
    write_year(workspace, sample_config.units)
    result = check()
    assert result.exit_code == 0, result.output
    assert f"Bảng tính năm {YEAR}: đã nhận 17/17 đơn vị." in result.output
    assert "Chưa gửi" not in result.output
    assert "Đã nhận       0         0  UBND xã Đắk La\n" in result.output
    assert "tệp: XA-DAKLA.xlsx\n" in result.output
    assert "Không có vấn đề nào" in result.output
    assert not checks_dir(workspace).exists()
    assert not (workspace / "outputs" / str(YEAR) / "bao-cao").exists()


def test_bad_cell_and_missing_unit_exit_1_with_every_problem_named(workspace, sample_config, check):
    folder = write_year(workspace, sample_config.units, skip=("XA-NGOKWANG",))
    set_cell(folder / "XA-DAKLA.xlsx", vocab.SHEET_LIBRARIES, "D2", "chưa rõ")
    result = check()
    assert result.exit_code == 1, result.output
    out = result.output
    assert "đã nhận 16/17 đơn vị" in out
    line = next(x for x in out.splitlines() if "UBND xã Ngọk Wang" in x)
    assert "Chưa gửi" in line
    lines = out.splitlines()
    at = next(i for i, x in enumerate(lines) if x.endswith("UBND xã Đắk La"))
    assert lines[at].split()[1:5] == ["Đã", "nhận", "1", "0"]
    assert lines[at + 1].strip() == "tệp: XA-DAKLA.xlsx"
    assert "XA-DAKLA.xlsx › Thư viện › D2" in out and "chưa rõ" in out
    assert "1 lỗi" in out

    written = checks_dir(workspace) / f"KiemTra_{YEAR}_01.xlsx"
    assert f"Đã ghi danh sách để gửi lại các đơn vị: {written.as_posix()}\n" in out
    rows = sheet_rows(written)
    assert all(r[1] and r[1] != "Không xác định" for r in rows)  # the unit on every row
    bad = next(r for r in rows if r[4] == "D2")
    assert bad[1:6] == ("UBND xã Đắk La", "XA-DAKLA.xlsx", "Thư viện", "D2", "Lỗi")
    assert (bad[KIND], bad[CODE]) == ("Không phải Có/Không", "cell-not-yes-no")
    assert "chưa rõ" in bad[MESSAGE]
    missing = next(r for r in rows if r[1] == "UBND xã Ngọk Wang")
    assert (missing[KIND], missing[CODE]) == ("Đơn vị chưa gửi", "return-missing")
    assert f"trước ngày 10/11/{YEAR}" in missing[MESSAGE]

    same = check()
    assert same.exit_code == 1
    assert f"Danh sách vấn đề không đổi, vẫn là tệp {written.as_posix()}\n" in same.output
    assert sorted(p.name for p in checks_dir(workspace).iterdir()) == [written.name]

    set_cell(folder / "XA-DAKLA.xlsx", vocab.SHEET_LIBRARIES, "E2", "hỏng")
    again = check()
    assert again.exit_code == 1
    second = checks_dir(workspace) / f"KiemTra_{YEAR}_02.xlsx"
    assert second.is_file() and len(sheet_rows(second)) == len(rows) + 1
    assert sheet_rows(written) == rows  # the first list is kept as it was


def test_warnings_alone_exit_0(workspace, sample_config, check):
    folder = write_year(workspace, sample_config.units)
    set_cell(folder / "HKH.xlsx", vocab.SHEET_ACTIVITIES, "E2", date(YEAR - 1, 12, 30))
    result = check()
    assert result.exit_code == 0, result.output
    assert "0 lỗi" in result.output and "1 cảnh báo" in result.output
    assert "HKH.xlsx › Hoạt động › E2" in result.output
    (row,) = sheet_rows(checks_dir(workspace) / f"KiemTra_{YEAR}_01.xlsx")
    assert (row[4], row[5], row[CODE]) == ("E2", "Cảnh báo", "date-outside-year")


def test_file_of_no_known_unit_is_listed_as_unknown(workspace, sample_config, check):
    folder = write_year(workspace, sample_config.units)
    write_unit_workbook(folder / "lạ.xlsx", "", "Xã Không Có Thật", YEAR)
    result = check()
    assert result.exit_code == 1, result.output
    assert "lạ.xlsx" in result.output
    rows = sheet_rows(checks_dir(workspace) / f"KiemTra_{YEAR}_01.xlsx")
    assert [r[1] for r in rows if r[2] == "lạ.xlsx"][0] == "Không xác định"
    assert [r[CODE] for r in rows if r[2] == "lạ.xlsx"] == ["unknown-unit"]


def test_missing_year_folder_is_a_clear_message(workspace, check):
    result = check()
    assert result.exit_code == 1
    assert f"Chưa có thư mục {(workspace / 'inputs' / str(YEAR)).as_posix()}" in result.output
    assert "Traceback" not in result.output
    assert "Bảng tính năm" not in result.output  # fails before printing a table
    assert not (workspace / "outputs").exists()


def test_the_plans_deadline_reaches_the_list_sent_back(workspace, sample_config, check):
    plan = workspace / "config" / "plan.toml"
    plan.write_text(
        plan.read_text("utf-8").replace('deadline = "10/11"', 'deadline = "15/10"'), "utf-8"
    )
    write_year(workspace, sample_config.units, skip=("XA-NGOKWANG",))
    assert check().exit_code == 0
    ws = openpyxl.load_workbook(checks_dir(workspace) / f"KiemTra_{YEAR}_01.xlsx").active
    assert f"trước ngày 15/10/{YEAR}" in ws["A2"].value
    (missing,) = sheet_rows(checks_dir(workspace) / f"KiemTra_{YEAR}_01.xlsx")
    assert missing[CODE] == "return-missing"
    assert f"hạn gửi trước ngày 15/10/{YEAR}" in missing[MESSAGE]


def test_completeness_names_the_file_used_and_the_one_set_aside(workspace, sample_config):
    folder = write_year(workspace, sample_config.units, skip=("PGDDT",))
    write_unit_workbook(
        folder / "XA-DAKLA cũ.xlsx", "XA-DAKLA", "UBND xã Đắk La", YEAR, made_on=date(YEAR, 10, 1)
    )
    config = load_config(Workspace.at(workspace))
    statuses = {s.code: s for s in completeness(read_year(folder, YEAR, config), config)}
    assert [s.code for s in statuses.values()] == [u.code for u in config.units]
    assert not statuses["PGDDT"].received and statuses["PGDDT"].file == ""
    dakla = statuses["XA-DAKLA"]
    assert (dakla.file, dakla.superseded) == ("XA-DAKLA.xlsx", ("XA-DAKLA cũ.xlsx",))
    assert dakla.warnings >= 1 and dakla.errors == 0


def test_help_is_vietnamese(run):
    result = run("check", "--help")
    assert result.exit_code == 0
    assert "Kiểm tra bảng tính" in result.output


def test_a_file_the_system_refuses_is_a_message_not_a_traceback(
    workspace, sample_config, check, monkeypatch
):
    write_year(workspace, sample_config.units)

    def locked(workspace):
        raise PermissionError(13, "Permission denied", str(Path("config") / "units.toml"))

    monkeypatch.setattr("reportgen.jobs.load_config", locked)
    result = check()
    assert result.exit_code == 1
    assert "Không đọc hoặc ghi được tệp config/units.toml (không có quyền" in result.output
    assert "Traceback" not in result.output and result.exception.__class__ is SystemExit
