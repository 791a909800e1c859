"""Turning the rows of one table sheet into validated records and problems."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar, cast

from .. import vocab
from ..models import (
    ERROR,
    WARNING,
    Activity,
    Funding,
    Institution,
    LeftOutRow,
    Library,
    Problem,
    ProblemCode,
    RowWatch,
    Severity,
    Source,
)
from . import cells
from .cells import Bad
from .sheets import Table, find_table
from .workbook import Grid, cell_ref

T = TypeVar("T")

UNCACHED_CODE: ProblemCode = "formula-without-value"
UNCACHED = (
    "ô có công thức nhưng chưa có giá trị đã tính (hãy mở tệp bằng Excel, lưu lại rồi gửi lại)"
)


@dataclass
class Collector:
    """Problems found in one file, each located and tagged with the unit."""

    file: str
    unit: str = ""
    year: int = 0  # the report year, to tell "... năm 2024" from "... năm 2025" columns
    limits: Mapping[str, int] = field(default_factory=lambda: dict(vocab.DEFAULT_LIMITS))
    problems: list[Problem] = field(default_factory=list)
    left_out: list[LeftOutRow] = field(default_factory=list)  # rows dropped for a bad cell
    watch: RowWatch | None = None  # told how far a long sheet's reading has come

    def add(
        self, code: ProblemCode, severity: Severity, message: str, sheet: str = "", cell: str = ""
    ) -> None:
        """Record one problem."""
        self.problems.append(
            Problem(self.file, sheet, cell, severity, message, self.unit, code=code)
        )


def _counted(what: str, out: Collector, column: str) -> Callable[[object], int | cells.Bad]:
    """The reading of a count column, within its plausibility limit."""
    limit = out.limits[column]
    return lambda value: cells.count(value, what, limit)


@dataclass
class _Row:
    """One data row being read: values by field, and whether any indicator cell was bad."""

    grid: Grid
    table: Table
    number: int
    values: Mapping[str, object]
    out: Collector
    dropped: bool = False

    def cell(self, name: str) -> str:
        return cell_ref(self.number, self.table.columns[name])

    def raw(self, name: str, *, indicator: bool) -> object:
        """The cell's value; a formula with no cached value is reported and read as unreadable."""
        if name not in self.table.columns:
            return None
        if (self.number, self.table.columns[name]) in self.grid.uncached:
            if indicator:
                self.dropped = True
                msg = UNCACHED + " — dòng này bị bỏ ra khỏi mọi số liệu"
                self.out.add(UNCACHED_CODE, ERROR, msg, self.grid.name, self.cell(name))
            else:
                msg = UNCACHED + " — ô được coi như để trống"
                self.out.add(UNCACHED_CODE, WARNING, msg, self.grid.name, self.cell(name))
            return _UNREADABLE if indicator else None
        return self.values.get(name)

    def read(self, name: str, parse: Callable[[object], T | Bad]) -> T:
        """An indicator cell parsed; a bad value drops the row, so its placeholder is unused."""
        value = self.raw(name, indicator=True)
        if value is _UNREADABLE:
            return cast(T, None)
        result = parse(value)
        if isinstance(result, Bad):
            self.dropped = True
            self.out.add(result.code, ERROR, result.message, self.grid.name, self.cell(name))
            return cast(T, None)
        return result

    def text(self, name: str) -> str:
        return cells.text(self.raw(name, indicator=False))

    def name(self, name: str, what: str) -> str:
        """The required name cell; blank drops the row."""
        value = self.text(name)
        if not value:
            self.dropped = True
            msg = f"ô trống — cần ghi {what}"
            self.out.add("cell-empty", ERROR, msg, self.grid.name, self.cell(name))
        return value

    def source(self) -> Source:
        return Source(self.out.file, self.grid.name, self.number)

    def kept(self, table: str) -> bool:
        """Whether the row goes into the figures; a dropped row is recorded as left out."""
        if self.dropped:
            self.out.left_out.append(LeftOutRow(self.out.unit, table, self.source()))
        return not self.dropped


_UNREADABLE = object()


def _rows(
    grid: Grid, columns: Mapping[str, str], needed: tuple[str, ...], out: Collector
) -> Iterator[_Row]:
    """The data rows of a table sheet; a missing header or needed column is one sheet error."""
    if not any(not cells.is_blank(v) for row in grid.rows for v in row):
        return
    names = ("name",) if "name" in columns.values() else tuple(columns.values())[1:]
    table = find_table(grid, columns, names, out.year)
    labels = {f: label for label, f in columns.items()}
    if table is None:
        wanted = ", ".join(
            f'"{labels[f]}"' for f in dict.fromkeys(("name", *needed)) if f in labels
        )
        msg = f"không tìm thấy dòng tiêu đề của bảng (cần các cột {wanted}) — cả sheet bị bỏ qua"
        out.add("header-not-found", ERROR, msg, grid.name)
        return
    missing = [f'"{labels[f]}"' for f in needed if f not in table.columns]
    if missing:
        where = f"dòng {table.header_row}"
        msg = f"{where}: không tìm thấy cột {', '.join(missing)} — cả sheet bị bỏ qua"
        out.add("column-missing", ERROR, msg, grid.name)
        return
    for name, candidates in table.rivals.items():
        refs = " và ".join(cell_ref(table.header_row, c) for c in candidates)
        chosen = cell_ref(table.header_row, table.columns[name])
        msg = (
            f'các cột {refs} đều có thể là cột "{labels[name]}" — đã dùng cột {chosen}; '
            "nếu không đúng, hãy xóa hoặc đổi tên cột thừa"
        )
        out.add("column-ambiguous", WARNING, msg, grid.name, chosen)
    total = len(grid.rows) - table.header_row
    watch = out.watch if out.watch and total >= out.watch.long_sheet else None
    step = max(total // 20, 1)  # told 20 times over a long sheet
    told = 0
    for number, values in table.rows():
        if watch and (number - table.header_row) % step == 0:
            told = number - table.header_row
            watch.report(out.file, grid.name, told, total)
        if all(cells.is_blank(v) for f, v in values.items() if f != "stt"):
            continue  # a numbered template row left empty
        yield _Row(grid, table, number, values, out)
    if watch and told != total:  # the last rows were blank or a total row
        watch.report(out.file, grid.name, total, total)


def libraries(grid: Grid, unit: str, out: Collector) -> list[Library]:
    """The `Thư viện` sheet as records; bad rows left out and reported."""
    found = []
    needed = ("kind", "serves_lifelong", "digital", "uses")
    for row in _rows(grid, vocab.LIBRARY_COLUMNS, needed, out):
        name = row.name("name", "tên thư viện")
        kind = row.read("kind", lambda v: cells.choice(v, vocab.LIBRARY_KINDS, "loại thư viện"))
        lifelong = row.read("serves_lifelong", cells.yes_no)
        digital = row.read("digital", cells.yes_no)
        uses = row.read("uses", _counted("số lượt", out, "uses"))
        books = cells.optional_count(row.raw("books", indicator=False), out.limits["books"])
        if isinstance(books, Bad):
            msg = books.message + " — bỏ qua số bản sách"
            row.out.add(books.code, WARNING, msg, grid.name, row.cell("books"))
            books = None
        note = row.text("note")
        if not row.kept(vocab.SHEET_LIBRARIES):
            continue
        if uses == 0 and lifelong:
            msg = (
                "thư viện ghi Có phục vụ học tập suốt đời nhưng 0 lượt người sử dụng — hãy kiểm tra"
            )
            out.add("zero-uses-but-serving", WARNING, msg, grid.name, row.cell("uses"))
        found.append(Library(unit, name, kind, lifelong, digital, uses, books, note, row.source()))
    return found


def institutions(grid: Grid, unit: str, out: Collector) -> list[Institution]:
    """The `Thiết chế văn hóa` sheet as records; bad rows left out and reported."""
    found = []
    needed = ("kind", "has_clubs", "regular_activities", "clubs")
    kinds = vocab.INSTITUTION_KINDS
    for row in _rows(grid, vocab.INSTITUTION_COLUMNS, needed, out):
        name = row.name("name", "tên thiết chế")
        kind = row.read("kind", lambda v: cells.choice(v, kinds, "loại thiết chế"))
        clubs_yes = row.read("has_clubs", cells.yes_no)
        regular = row.read("regular_activities", cells.yes_no)
        clubs = row.read("clubs", _counted("số CLB, nhóm", out, "clubs"))
        note = row.text("note")
        if row.kept(vocab.SHEET_INSTITUTIONS):
            found.append(
                Institution(unit, name, kind, clubs_yes, regular, clubs, note, row.source())
            )
    return found


def activities(grid: Grid, unit: str, year: int, out: Collector) -> list[Activity]:
    """The `Hoạt động` sheet as records; bad rows left out and reported."""
    found = []
    for row in _rows(grid, vocab.ACTIVITY_COLUMNS, ("task", "participants"), out):
        name = row.name("name", "tên hoạt động")
        task = row.read("task", cells.task)
        participants = row.read(
            "participants", _counted("số lượt người tham gia", out, "participants")
        )
        held_on = cells.day(row.raw("held_on", indicator=False))
        if isinstance(held_on, Bad):
            msg = held_on.message + " — bỏ qua ngày"
            out.add(held_on.code, WARNING, msg, grid.name, row.cell("held_on"))
            held_on = None
        occasion, note = row.text("occasion"), row.text("note")
        if not row.kept(vocab.SHEET_ACTIVITIES):
            continue
        if isinstance(held_on, date) and held_on.year != year:
            msg = f"ngày {held_on:%d/%m/%Y} không thuộc năm báo cáo {year} — hãy kiểm tra"
            out.add("date-outside-year", WARNING, msg, grid.name, row.cell("held_on"))
        found.append(
            Activity(
                unit,
                name,
                task,
                occasion,
                held_on,
                participants,
                note,
                row.source(),
            )
        )
    return found


def funding(grid: Grid, unit: str, out: Collector) -> list[Funding]:
    """The `Kinh phí` sheet as records; bad rows left out and reported."""
    found = []
    needed = ("source", "amount")
    sources = vocab.FUNDING_SOURCES
    for row in _rows(grid, vocab.FUNDING_COLUMNS, needed, out):
        source = row.read("source", lambda v: cells.choice(v, sources, "nguồn kinh phí"))
        amount = row.read("amount", _counted("số tiền", out, "amount"))
        content = row.text("content")
        if row.kept(vocab.SHEET_FUNDING):
            found.append(Funding(unit, content, source, amount, row.source()))
    return found
