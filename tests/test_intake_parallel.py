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
    # The screen hears of every file once, counted as they come back, whichever process read it.
    assert sorted(name for _, _, name in told_there) == sorted(name for _, _, name in told_here)
    assert [(i, n) for i, n, _ in told_there] == [(i, n) for i, n, _ in told_here]


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


def test_batches_are_even_by_bytes_the_heaviest_first(tmp_path):
    sizes = [10, 5_000, 20, 30, 1_000, 40, 50, 60]
    named = []
    for i, size in enumerate(sizes):
        path = tmp_path / f"{i}.xlsx"
        path.write_bytes(b"x" * size)
        named.append((path, path.name))
    batches = reader._batches(named, 3)
    assert sorted(i for batch in batches for i in batch) == list(range(len(sizes)))
    loads = [sum(sizes[i] for i in batch) for batch in batches]
    assert batches[0] == [1] and loads == sorted(loads, reverse=True)  # the long one alone, first
