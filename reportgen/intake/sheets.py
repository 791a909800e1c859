"""Finding the contract's sheets, header rows and columns in a clerk's workbook."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

from .. import vocab
from .cells import is_blank, text
from .vntext import fold, legacy_readings
from .workbook import Grid

HEADER_SEARCH_ROWS = 50  # a unit may put a long title block above its table
_TOTAL_KEYS = frozenset(fold(w) for w in vocab.TOTAL_ROW_WORDS)


def readings(value: object) -> tuple[str, ...]:
    """A cell's text, then every legacy-font reading of it: "Sè CLB, nhãm" is "Số CLB, nhóm"."""
    # Text matched against a fixed list may try every reading; free text is converted only
    # when unambiguous (vntext.from_legacy), since "Sè" and "nhãm" are also Unicode syllables.
    raw = text(value)
    if raw.isascii() or any(ord(ch) > 0xFF and ch.isalpha() for ch in raw):
        return (raw,)  # plain ASCII, or a Unicode Vietnamese letter no legacy font produces
    return (raw, *legacy_readings(raw))


def sheets_named(grids: list[Grid], name: str) -> list[Grid]:
    """The sheets whose name matches the contract's (ignoring case, diacritics, spaces and the
    Unicode form), visible ones first: a hidden sheet is read only when no visible one is."""
    key = _sheet_keys(name)[0]
    found = [g for g in grids if key in _sheet_keys(g.name)]
    return sorted(found, key=lambda g: not g.visible)


@lru_cache(maxsize=1024)  # every unit's workbook has the same few sheet names
def _sheet_keys(name: str) -> tuple[str, ...]:
    """A sheet name's matching keys, per reading, without spaces."""
    return tuple(fold(r).replace(" ", "") for r in readings(name))


def find_sheet(grids: list[Grid], name: str) -> Grid | None:
    """The sheet read for one of the contract's: the first visible one of that name."""
    found = sheets_named(grids, name)
    return found[0] if found else None


def _keys(raw: str) -> tuple[str, str]:
    return fold(raw), fold(re.sub(r"\(.*?\)", " ", raw))


@lru_cache(maxsize=8192)  # the same headers come back in every unit's workbook
def header_keys(value: object) -> tuple[tuple[str, str], ...]:
    """A header cell's matching keys, per reading: whole text folded, and without (notes)."""
    return tuple(_keys(r) for r in readings(value))


def _strength(cell: tuple[tuple[str, str], ...], expected: tuple[str, str]) -> int:
    """How well a header cell names a contract column: 3 exact, 2 without notes, 1 prefix, 0 no."""
    return max(_strength_of(found, expected) for found in cell)


def _strength_of(found: tuple[str, str], expected: tuple[str, str]) -> int:
    if not found[0]:
        return 0
    if found[0] == expected[0]:
        return 3
    if found[1] and found[1] == expected[1]:
        return 2
    if found[0].startswith(expected[0] + " ") and " " in expected[0]:
        return 1
    return 0


def match_columns(
    header: tuple[object, ...], columns: Mapping[str, str], year: int = 0
) -> tuple[dict[str, int], dict[str, tuple[int, ...]]]:
    """Field -> 1-based column for the contract columns found, and fields two columns claim."""
    # A row of texts is looked up (1 and True would share a key: other rows are matched afresh).
    texts = all(v is None or type(v) is str for v in header)
    match = _matched if texts else _match
    placed, rivals = match(header, tuple(columns.items()), year)
    return dict(placed), dict(rivals)


_Matched = tuple[tuple[tuple[str, int], ...], tuple[tuple[str, tuple[int, ...]], ...]]


@lru_cache(maxsize=4096)  # every unit's workbook repeats the same few header rows
def _matched(
    header: tuple[object, ...], columns: tuple[tuple[str, str], ...], year: int
) -> _Matched:
    return _match(header, columns, year)


def _match(header: tuple[object, ...], columns: tuple[tuple[str, str], ...], year: int) -> _Matched:
    """The matching of `match_columns`, as tuples a cache may keep.

    When several columns name a field equally well ("Lượt người sử dụng năm 2024",
    "... năm 2025"), the one naming the report year wins; otherwise the first, as a rival.
    """
    found = [header_keys(v) for v in header]
    expected = {field: _keys(label) for label, field in columns}
    placed: dict[str, int] = {}
    rivals: dict[str, tuple[int, ...]] = {}
    for strength in (3, 2, 1):
        for field, key in expected.items():
            if field in placed:
                continue
            candidates = [
                index + 1
                for index, cell in enumerate(found)
                if index + 1 not in placed.values() and _strength(cell, key) == strength
            ]
            if not candidates:
                continue
            of_year = [c for c in candidates if year and str(year) in text(header[c - 1])]
            if len(of_year) == 1:
                placed[field] = of_year[0]
                continue
            placed[field] = candidates[0]
            if len(candidates) > 1:
                rivals[field] = tuple(candidates)
    return tuple(placed.items()), tuple(rivals.items())


@dataclass(frozen=True)
class Table:
    """A table sheet located: its header row and the column of each contract field found."""

    grid: Grid
    header_row: int
    columns: Mapping[str, int]
    rivals: Mapping[str, tuple[int, ...]]  # fields that more than one column could be

    def rows(self) -> Iterator[tuple[int, dict[str, object]]]:
        """(row number, field -> value) for each data row; blank and total rows skipped."""
        for number in range(self.header_row + 1, len(self.grid.rows) + 1):
            raw = self.grid.rows[number - 1]
            if all(is_blank(v) for v in raw) or _is_total(raw):
                continue
            yield number, {f: self.grid.value(number, c) for f, c in self.columns.items()}


_TOTAL_FIRST_WORDS = frozenset(key.split()[0] for key in _TOTAL_KEYS)


def _is_total(row: tuple[object, ...]) -> bool:
    for value in row[:4]:
        if isinstance(value, str) and value.strip():
            # The first word first: it repeats from row to row ("Thư viện thôn 1", "... 2"),
            # so whether it can start a total is cached, and only a "Tổng ..." row reads on.
            if not _may_start_total(value.split()[0]):
                return False
            keys = [fold(r) for r in readings(value)]
            return any(k in _TOTAL_KEYS or k.startswith("tong cong") for k in keys)
    return False


@lru_cache(maxsize=4096)
def _may_start_total(word: str) -> bool:
    """Whether a word, in any of its readings (alone, "Tæng" also reads as VNI), starts a total
    row's words: "Tổng", "Cộng"."""
    firsts = {fold(r).partition(" ")[0] for r in (*readings(word), *legacy_readings(word))}
    return not firsts.isdisjoint(_TOTAL_FIRST_WORDS)


def find_table(
    grid: Grid, columns: Mapping[str, str], keys: tuple[str, ...] = ("name",), year: int = 0
) -> Table | None:
    """The header row among the first rows: the one naming the most contract columns."""
    best: Table | None = None
    for number in range(1, min(len(grid.rows), HEADER_SEARCH_ROWS) + 1):
        placed, rivals = match_columns(grid.rows[number - 1], columns, year)
        if any(k in placed for k in keys) and len(placed) >= 2:
            if best is None or len(placed) > len(best.columns):
                best = Table(grid, number, placed, rivals)
            if len(placed) == len(columns):
                break  # every column named: no later row can name more
    return best


def label_values(grid: Grid, labels: Mapping[str, str]) -> dict[str, tuple[object, str]]:
    """For a label/value sheet: field -> (value in column B, its cell), labels matched loosely."""
    expected = {field: _keys(label) for label, field in labels.items()}
    found: dict[str, tuple[object, str]] = {}
    for number, row in enumerate(grid.rows, start=1):
        if not row or is_blank(row[0]):
            continue
        keys = header_keys(row[0])
        for field, key in expected.items():
            if field not in found and _strength(keys, key) >= 2:
                found[field] = (row[1] if len(row) > 1 else None, f"B{number}")
                break
    return found
