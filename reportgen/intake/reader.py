"""Reading every unit workbook of one year into typed returns, problems and a file list."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from .. import vocab
from ..config import Config, Unit
from ..files import year_files
from ..models import (
    ERROR,
    WARNING,
    FileStatus,
    InputFile,
    Intake,
    Problem,
    RowWatch,
    UnitInfo,
    UnitReturn,
)
from . import cells, evidence, rows
from .rows import Collector
from .sheets import find_sheet, label_values, sheets_named
from .units import from_file_name, identify
from .workbook import Grid, Unreadable, read_grids

_TABLE_SHEETS = (
    vocab.SHEET_LIBRARIES,
    vocab.SHEET_INSTITUTIONS,
    vocab.SHEET_ACTIVITIES,
    vocab.SHEET_FUNDING,
)
_ALL_SHEETS = (vocab.SHEET_INFO, *_TABLE_SHEETS, vocab.SHEET_ASSESSMENT)


@dataclass(frozen=True)
class FileOutcome:
    """What one file gave: a return (None when skipped), its problems, and how to rank it."""

    name: str
    sha256: str
    unit: str
    ret: UnitReturn | None
    problems: tuple[Problem, ...]
    made_on: date | None
    modified: float


def _info(grid: Grid | None, out: Collector, year: int) -> tuple[UnitInfo, dict[str, str]]:
    """The `Thông tin` sheet read (code left as written); also where each label's value is."""
    values = label_values(grid, vocab.INFO_LABELS) if grid else {}
    where = {field: ref for field, (_, ref) in values.items()}

    def get(field: str) -> object:
        return values.get(field, (None, ""))[0]

    made_on = cells.day(get("made_on"))
    if isinstance(made_on, cells.Bad):
        assert grid is not None
        out.add(made_on.code, WARNING, made_on.message, grid.name, where["made_on"])
        made_on = None
    info = UnitInfo(
        code=cells.text(get("code")),
        name=cells.text(get("name")),
        year=cells.year(get("year")),
        author=cells.text(get("author")),
        phone=cells.text(get("phone")),
        made_on=made_on,
    )
    return info, where


def _unit(
    grid: Grid | None, info: UnitInfo, name: str, config: Config, out: Collector
) -> Unit | None:
    """The registry unit of a file, from its code or name, else (with a warning) its file name."""
    if info.code or info.name:
        found = identify(config, info.code, info.name)
        if found.unit is None:
            out.add("unknown-unit", ERROR, f"{found.message} — tệp bị bỏ qua")
        return found.unit
    unit = from_file_name(config, name)
    if unit is None:
        sheet = "không có sheet Thông tin" if grid is None else "sheet Thông tin không ghi"
        out.add(
            "unknown-unit",
            ERROR,
            f"{sheet} Mã đơn vị / Tên đơn vị, tên tệp cũng không cho biết đơn vị — tệp bị bỏ qua",
        )
        return None
    out.unit = unit.code
    sheet = "không có sheet Thông tin" if grid is None else "sheet Thông tin không ghi đơn vị"
    msg = f"{sheet}; đã nhận là {unit.name} theo tên tệp — hãy kiểm tra"
    out.add("unit-from-file-name", WARNING, msg)
    return unit


def read_file(
    name: str, data: bytes, year: int, config: Config, watch: RowWatch | None = None
) -> tuple[UnitReturn | None, list[Problem]]:
    """One workbook's return (None when the file is skipped) and every problem found in it;
    `watch` is told how far the reading of a long sheet has come."""
    out = Collector(name, year=year, limits=dict(config.plan.limits), watch=watch)
    try:
        grids = read_grids(data)
    except Unreadable as exc:
        out.add(exc.code, ERROR, f"{exc} — tệp bị bỏ qua", exc.sheet)
        return None, out.problems
    if not any(any(not cells.is_blank(v) for v in row) for g in grids for row in g.rows):
        out.add("file-empty", ERROR, "bảng tính trống, không có dữ liệu — tệp bị bỏ qua")
        return None, out.problems
    grids, notes = evidence.decode(grids, data)
    sheets = {title: find_sheet(grids, title) for title in _ALL_SHEETS}
    read_names = {grid.name for grid in sheets.values() if grid}
    for note in notes:  # a guess in a sheet the tool does not read is no one's concern
        if note.sheet in read_names:
            out.add(note.code, WARNING, note.message, note.sheet, note.cell)
    for title in _ALL_SHEETS:  # a second sheet of a contract name: its rows would be lost
        named = sheets_named(grids, title)
        read = named[0] if named else None
        for other in named[1:]:
            hidden = "" if other.visible else " (sheet ẩn)"
            out.add(
                "sheet-unused",
                WARNING,
                f'sheet "{other.name}"{hidden} cũng mang tên "{title}" nhưng không được đọc; '
                f'chỉ đọc sheet "{read.name if read else ""}" — nếu số liệu nằm ở sheet này, '
                "hãy chép vào sheet đó rồi gửi lại",
                other.name,
            )
    if not any(sheets.values()):
        wanted = ", ".join(f'"{t}"' for t in _ALL_SHEETS)
        found = ", ".join(f'"{g.name}"' for g in grids)
        msg = f"không có sheet nào đúng mẫu (cần {wanted}; tệp có {found}) — tệp bị bỏ qua"
        out.add("sheet-missing", ERROR, msg)
        return None, out.problems
    info_grid = sheets[vocab.SHEET_INFO]
    info, where = _info(info_grid, out, year)
    unit = _unit(info_grid, info, name, config, out)
    if unit is None:
        return None, out.problems
    out.unit = unit.code
    out.problems = [replace(p, unit=unit.code) for p in out.problems]
    if info_grid and info.year is not None and info.year != year:
        msg = f"Năm báo cáo ghi {info.year}, nhưng tệp nằm trong thư mục năm {year} — hãy kiểm tra"
        out.add("year-mismatch", WARNING, msg, info_grid.name, where.get("year", ""))
    info = replace(info, code=unit.code, name=info.name or unit.name)
    ret = UnitReturn(unit.code, name, info)
    if grid := sheets[vocab.SHEET_LIBRARIES]:
        ret = replace(ret, libraries=tuple(rows.libraries(grid, unit.code, out)))
    if grid := sheets[vocab.SHEET_INSTITUTIONS]:
        ret = replace(ret, institutions=tuple(rows.institutions(grid, unit.code, out)))
    if grid := sheets[vocab.SHEET_ACTIVITIES]:
        ret = replace(ret, activities=tuple(rows.activities(grid, unit.code, year, out)))
    if grid := sheets[vocab.SHEET_FUNDING]:
        ret = replace(ret, funding=tuple(rows.funding(grid, unit.code, out)))
    if grid := sheets[vocab.SHEET_ASSESSMENT]:
        values = label_values(grid, vocab.ASSESSMENT_LABELS)
        texts = {field: cells.text(value) for field, (value, _) in values.items()}
        ret = replace(ret, assessment={f: t for f, t in texts.items() if t})
    return replace(ret, left_out=tuple(out.left_out)), out.problems


def _outcome(
    path: Path, name: str, year: int, config: Config, strict: bool, watch: RowWatch | None
) -> FileOutcome:
    try:
        data = path.read_bytes()
    except OSError as exc:
        msg = f"không đọc được tệp ({exc.strerror or type(exc).__name__}) — tệp bị bỏ qua"
        problem = Problem(name, "", "", ERROR, msg, code="file-unreadable")
        return FileOutcome(name, "", "", None, (problem,), None, 0.0)
    digest = hashlib.sha256(data).hexdigest()
    try:
        ret, problems = read_file(name, data, year, config, watch)
    except Exception as exc:  # one strange file must not stop the whole district's report
        if strict:
            raise
        msg = f"lỗi không lường trước khi đọc tệp ({type(exc).__name__}) — tệp bị bỏ qua"
        ret, problems = None, [Problem(name, "", "", ERROR, msg, code="file-unexpected-error")]
    made_on = ret.info.made_on if ret else None
    unit = ret.unit if ret else ""
    return FileOutcome(name, digest, unit, ret, tuple(problems), made_on, path.stat().st_mtime)


# From this many workbooks on, they are read by one process per processor core: a province's
# thousands of communes in a fraction of the time, once the processes have started (~0,2 s).
PARALLEL_FROM = 150
_BATCHES_PER_PROCESS = 4  # smaller batches: the screen tells progress more often


def _read_batch(
    named: list[tuple[Path, str]], year: int, config: Config, strict: bool
) -> list[FileOutcome]:
    return [_outcome(path, name, year, config, strict, None) for path, name in named]


def _outcomes(
    named: list[tuple[Path, str]],
    year: int,
    config: Config,
    strict: bool,
    on_file: Callable[[int, int, str], None] | None,
    on_rows: RowWatch | None,
) -> Iterator[FileOutcome]:
    """Each file's outcome in order, read here or, for many files, by several processes; the
    screen is told of each file before it is read here, or as its batch comes back (and of the
    rows of a long sheet read here)."""
    cores = os.cpu_count() or 1
    if len(named) < PARALLEL_FROM or cores < 2:
        yield from _here(named, list(range(len(named))), year, config, strict, on_file, on_rows)
        return
    import multiprocessing
    import sys
    import threading
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    batches = _batches(named, cores * _BATCHES_PER_PROCESS)
    # A fork starts at once and imports nothing again, but is safe only on Linux and with no
    # other thread running; elsewhere each process is a fresh interpreter.
    alone = sys.platform == "linux" and threading.active_count() == 1
    context = multiprocessing.get_context("fork" if alone else "spawn")
    read: dict[int, FileOutcome] = {}
    try:
        with ProcessPoolExecutor(cores, mp_context=context) as pool:
            reads = {
                pool.submit(_read_batch, [named[i] for i in batch], year, config, strict): batch
                for batch in batches
            }
            for future in as_completed(reads):
                for index, outcome in zip(reads[future], future.result(), strict=True):
                    read[index] = outcome
                    if on_file:
                        on_file(len(read), len(named), outcome.name)
    except (BrokenProcessPool, OSError):  # no process could start here: the rest read here
        rest = [i for i in range(len(named)) if i not in read]
        read |= dict(
            zip(rest, _here(named, rest, year, config, strict, on_file, on_rows), strict=True)
        )
    yield from (read[i] for i in range(len(named)))


def _batches(named: list[tuple[Path, str]], count: int) -> list[list[int]]:
    """The files' indices in `count` batches of about equal bytes, the heaviest batch first,
    so one unit's long workbook does not leave a process idle at the end."""
    sizes = []
    for path, _ in named:
        try:
            sizes.append(path.stat().st_size)
        except OSError:
            sizes.append(0)  # unreadable: its outcome says so, at no cost
    batches: list[list[int]] = [[] for _ in range(min(count, len(named)))]
    loads = [0] * len(batches)
    for index in sorted(range(len(named)), key=lambda i: -sizes[i]):
        lightest = loads.index(min(loads))
        batches[lightest].append(index)
        loads[lightest] += sizes[index]
    order = sorted(range(len(batches)), key=lambda b: -loads[b])
    return [sorted(batches[b]) for b in order if batches[b]]


def _here(
    named: list[tuple[Path, str]],
    indices: list[int],
    year: int,
    config: Config,
    strict: bool,
    on_file: Callable[[int, int, str], None] | None,
    on_rows: RowWatch | None,
) -> Iterator[FileOutcome]:
    """The outcomes of the files at `indices`, read one by one in this process; the screen
    counts on from the files read before them."""
    before = len(named) - len(indices)
    for count, index in enumerate(indices, start=before + 1):
        path, name = named[index]
        if on_file:
            on_file(count, len(named), name)
        yield _outcome(path, name, year, config, strict, on_rows)


def _why(used: FileOutcome, other: FileOutcome) -> str:
    if used.made_on and other.made_on and used.made_on != other.made_on:
        return f"có Ngày lập muộn hơn ({used.made_on:%d/%m/%Y} so với {other.made_on:%d/%m/%Y})"
    if used.made_on and not other.made_on:
        return f"có Ngày lập ({used.made_on:%d/%m/%Y}), tệp này không ghi Ngày lập"
    return "được lưu sau cùng (cùng Ngày lập)"


def _rank(outcome: FileOutcome) -> tuple[date, float, str]:
    return (outcome.made_on or date.min, outcome.modified, outcome.name)


def read_year(
    folder: Path,
    year: int,
    config: Config,
    *,
    on_file: Callable[[int, int, str], None] | None = None,
    on_rows: RowWatch | None = None,
    strict: bool = False,
) -> Intake:
    """Read every workbook in inputs/<year>/ into one Intake; never raises for bad input."""
    # `strict` lets unexpected exceptions (programming errors) through, for tests.
    paths, refused = year_files(folder)
    named = [(path, path.relative_to(folder).as_posix()) for path in paths]
    outcomes = list(_outcomes(named, year, config, strict, on_file, on_rows))
    winners: dict[str, FileOutcome] = {}
    for outcome in outcomes:
        if outcome.ret and (
            outcome.unit not in winners or _rank(outcome) > _rank(winners[outcome.unit])
        ):
            winners[outcome.unit] = outcome
    problems: list[Problem] = []
    files: list[InputFile] = []
    returns: list[UnitReturn] = []
    for outcome in outcomes:
        used = winners.get(outcome.unit)
        status: FileStatus
        if outcome.ret is None:
            status = "skipped"
            problems.extend(outcome.problems)
        elif used is outcome:
            status = "used"
            problems.extend(outcome.problems)
            returns.append(outcome.ret)
        else:
            assert used is not None
            status = "superseded"
            msg = (
                f'{config.unit_name(outcome.unit)} gửi nhiều tệp: dùng tệp "{used.name}" '
                f"vì tệp đó {_why(used, outcome)}; tệp này không được dùng"
            )
            problems.append(
                Problem(outcome.name, "", "", WARNING, msg, outcome.unit, code="duplicate-return")
            )
        files.append(InputFile(outcome.name, outcome.sha256, outcome.unit, status))
    problems += [Problem(name, "", "", ERROR, why, code="file-unreadable") for name, why in refused]
    return Intake(year, tuple(returns), tuple(problems), tuple(files))
