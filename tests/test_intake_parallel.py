"""Many workbooks are read by several processes: the same intake, in the same order."""

from __future__ import annotations

import concurrent.futures
import shutil

import pytest

from reportgen.intake import read_year, reader
from tests.conftest import ROOT

YEAR = 2025


@pytest.fixture
def year_folder(tmp_path):
    """The sample year, a broken file and a stranger's file among the units' workbooks."""
    folder = tmp_path / str(YEAR)
    shutil.copytree(ROOT / "inputs" / str(YEAR), folder)
    (folder / "hong.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    (folder / "ghi chu.txt").write_text("không phải bảng tính", encoding="utf-8")
    return folder


def _read(folder, config, told):
    return read_year(folder, YEAR, config, on_file=lambda i, n, name: told.append((i, n, name)))


@pytest.mark.parametrize("threads", [1, 2], ids=["forked", "fresh-interpreters"])
def test_reading_in_several_processes_gives_the_same_intake(
    year_folder, sample_config, monkeypatch, threads
):
    told_here: list[tuple[int, int, str]] = []
    here = _read(year_folder, sample_config, told_here)
    monkeypatch.setattr(reader, "PARALLEL_FROM", 2)
    monkeypatch.setattr(reader.os, "cpu_count", lambda: 2)
    # Another thread running: processes are fresh interpreters, never forks of this one.
    monkeypatch.setattr("threading.active_count", lambda: threads)
    batches: list[int] = []

    class Spy(concurrent.futures.ProcessPoolExecutor):
        def submit(self, fn, /, *args, **kwargs):
            batches.append(len(args[0]))
            return super().submit(fn, *args, **kwargs)

    monkeypatch.setattr("concurrent.futures.ProcessPoolExecutor", Spy)
    told_there: list[tuple[int, int, str]] = []
    there = _read(year_folder, sample_config, told_there)
    assert len(batches) > 1 and sum(batches) == len(there.files)
    assert there == here
    assert len(here.returns) == 16
    assert any(p.file == "hong.xlsx" for p in there.problems)
    # The screen hears of every file once, counted in order, whichever process read it.
    assert told_there == told_here
    assert [i for i, _, _ in told_there] == list(range(1, len(told_there) + 1))


def test_processes_that_cannot_start_leave_the_reading_to_this_one(
    year_folder, sample_config, monkeypatch
):
    here = read_year(year_folder, YEAR, sample_config)
    monkeypatch.setattr(reader, "PARALLEL_FROM", 2)
    monkeypatch.setattr(reader.os, "cpu_count", lambda: 2)

    class NoProcesses:
        def __init__(self, *args, **kwargs):
            raise OSError("no more processes allowed")

    monkeypatch.setattr("concurrent.futures.ProcessPoolExecutor", NoProcesses)
    assert read_year(year_folder, YEAR, sample_config) == here
