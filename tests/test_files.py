"""Safe writing of the clerk's files: never over one already there, never half a file."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from reportgen.errors import ReportgenError
from reportgen.files import input_files, numbered, write_new
from reportgen.problem_sheet import save_problem_list


def test_write_new_keeps_a_file_already_there(tmp_path):
    target = tmp_path / "bieu-mau" / "XA-DAKLA - UBND xã Đắk La.xlsx"
    assert write_new(target, b"form") is True
    assert write_new(target, b"another form") is False
    assert target.read_bytes() == b"form"


def test_write_new_that_fails_midway_leaves_no_half_file(tmp_path, monkeypatch):
    real_open = Path.open

    class DiskFull:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data):
            self.handle.write(data[:2])
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "open", lambda self, mode: DiskFull(real_open(self, mode)))
    target = tmp_path / "a.xlsx"
    with pytest.raises(ReportgenError, match="ổ đĩa đã đầy") as caught:
        write_new(target, b"a whole form")
    assert str(target) in caught.value.message
    assert list(tmp_path.iterdir()) == []  # a next run must not keep a half form as if whole


def test_numbered_reads_the_number_from_the_name(tmp_path):
    for name in ("KiemTra_2025_01.xlsx", "kiemtra_2025_07.XLSX", "KiemTra_2024_09.xlsx", "x.xlsx"):
        (tmp_path / name).write_bytes(b"")
    found = numbered(tmp_path, r"KiemTra_2025_(\d+)\.xlsx")
    assert {n: p.name for n, p in found.items()} == {
        1: "KiemTra_2025_01.xlsx",
        7: "kiemtra_2025_07.XLSX",
    }
    assert numbered(tmp_path / "none", r"(\d+)") == {}


def test_problem_list_takes_the_next_number_or_reuses_an_identical_newest(tmp_path):
    folder = tmp_path / "kiem-tra"
    first, created = save_problem_list(folder, 2025, b"v1")
    assert (first.name, created) == ("KiemTra_2025_01.xlsx", True)
    assert save_problem_list(folder, 2025, b"v1") == (first, False)
    (folder / "KiemTra_2025_03.xlsx").write_bytes(b"a copy the clerk renamed")
    third, created = save_problem_list(folder, 2025, b"v2")
    assert (third.name, created) == ("KiemTra_2025_04.xlsx", True)
    assert first.read_bytes() == b"v1" and third.read_bytes() == b"v2"


def test_clutter_is_never_an_input(tmp_path):
    year = tmp_path / "2025"
    for name in ("Đắk La.xlsx", "~$Đắk La.xlsx", ".hidden.xlsx", "Thumbs.db", "desktop.ini",
                 "con/Hà Mòn.xlsx", ".git/x.xlsx"):  # fmt: skip
        (year / name).parent.mkdir(parents=True, exist_ok=True)
        (year / name).write_bytes(b"x")
    assert [p.relative_to(year).as_posix() for p in input_files(year)] == [
        "con/Hà Mòn.xlsx",
        "Đắk La.xlsx",
    ]
    assert input_files(tmp_path / "2019") == []
