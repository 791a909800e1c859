"""Which encoding each text cell is in: by its font, then its sheet and workbook, then shape."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from ..models import ProblemCode
from .legacy import ENCODING_NAMES, Encoding, Hint, Reading, candidate, looks_legacy, read
from .legacy import reads_as_unicode as _reads_as_unicode
from .workbook import Grid, cell_ref

if TYPE_CHECKING:
    from .fonts import FontKind
    from .package import Cell


@dataclass(frozen=True)
class Note:
    """A conversion to tell the clerk about: where, its stable code and the Vietnamese message."""

    sheet: str
    cell: str
    code: ProblemCode
    message: str


_Vote = Literal["tcvn3", "vni", "unicode"]


@dataclass(frozen=True)
class _Evidence:
    """What the workbook tells: the legacy fonts to trust, and what each sheet's cells are in."""

    trusted: dict[Encoding, bool]
    mixed: dict[Encoding, bool]  # the font holds Unicode text too: its ambiguous cells unsure
    sheets: dict[str, Counter[_Vote]]
    book: Counter[_Vote]

    def around(self, sheet: str) -> _Around:
        """What the rest of the sheet (else the workbook) is typed in."""
        for votes in (self.sheets.get(sheet, Counter()), self.book):
            if votes:
                tcvn3, vni = votes["tcvn3"], votes["vni"]
                legacy: Encoding | None = None
                if tcvn3 + vni:
                    legacy = "tcvn3" if tcvn3 >= vni else "vni"
                agreed = not (tcvn3 and vni)
                many = tcvn3 + vni > max(votes["unicode"], 1)  # never one stray cell alone
                return _Around(legacy, agreed, many)
        return _Around(None, False, False)


@dataclass(frozen=True)
class _Around:
    encoding: Encoding | None  # the legacy table the surely read cells are in, most of them
    agreed: bool  # no surely read cell is in the other table
    legacy: bool  # more cells surely legacy than surely Unicode ("Đắk Hà"), and not just one


def _encoding(kind: FontKind | None) -> Encoding | None:
    if kind in ("tcvn3", "tcvn3-caps"):
        return "tcvn3"
    return "vni" if kind == "vni" else None


@lru_cache(maxsize=16384)  # the same names and list values fill every row
def _legacy(text: str) -> bool:
    return not text.isascii() and looks_legacy(text)


def _texts(grid: Grid) -> dict[Cell, str]:
    return {
        (r, c): value
        for r, row in enumerate(grid.rows, start=1)
        for c, value in enumerate(row, start=1)
        if isinstance(value, str) and not value.isascii()
    }


def decode(grids: list[Grid], data: bytes) -> tuple[list[Grid], list[Note]]:
    """The workbook's grids with legacy text converted to Unicode, and the notes to tell."""
    # Fonts are read only when some cell's text looks legacy: a Unicode workbook costs one
    # look at each distinct value.
    values: set[object] = set()
    for grid in grids:
        for row in grid.rows:
            values.update(row)  # each distinct value looked at once
    if not any(isinstance(v, str) and _legacy(v) for v in values):
        return grids, []
    texts = {grid.name: _texts(grid) for grid in grids}
    from .fonts import cell_fonts, font_kind  # only a legacy workbook's fonts are read

    fonts = cell_fonts(data, {name: set(cells) for name, cells in texts.items()})
    kinds = {
        name: {cell: font_kind(fonts.get(name, {}).get(cell)) for cell in cells}
        for name, cells in texts.items()
    }
    evidence = _weigh(texts, kinds)
    decoded, notes = [], []
    for grid in grids:
        readings = {
            cell: _reading(text, kinds[grid.name][cell], evidence, grid.name)
            for cell, text in texts[grid.name].items()
        }
        rows = [list(row) for row in grid.rows]
        for (r, c), reading in readings.items():
            rows[r - 1][c - 1] = reading.text
            told = _encoding(kinds[grid.name][(r, c)]) or evidence.around(grid.name).encoding
            note = _note(texts[grid.name][(r, c)], reading, bool(told))
            if note:
                notes.append(Note(grid.name, cell_ref(r, c), *note))
        decoded.append(replace(grid, rows=tuple(tuple(row) for row in rows)))
    return decoded, notes


def _weigh(
    texts: dict[str, dict[Cell, str]], kinds: dict[str, dict[Cell, FontKind | None]]
) -> _Evidence:
    """The evidence: which legacy fonts type legacy text here, and what each sheet is in."""
    legacy_in: Counter[Encoding] = Counter()
    unicode_in: Counter[Encoding] = Counter()
    for name, cells in texts.items():
        for cell, text in cells.items():
            encoding = _encoding(kinds[name][cell])
            if encoding is None:
                continue
            if not candidate(text):
                unicode_in[encoding] += 1  # "Đắk Hà" typed in Unicode in a .VnTime cell
            elif _legacy(text) and read(text, encoding).encoding == encoding:
                legacy_in[encoding] += 1
    both: tuple[Encoding, ...] = ("tcvn3", "vni")
    trusted = {e: legacy_in[e] > 0 or unicode_in[e] == 0 for e in both}
    mixed = {e: unicode_in[e] > 0 for e in both}
    sheets: dict[str, Counter[_Vote]] = {}
    for name, cells in texts.items():
        votes = sheets.setdefault(name, Counter())
        for cell, text in cells.items():
            encoding = _encoding(kinds[name][cell])
            hint = _hint(kinds[name][cell]) if encoding and trusted[encoding] else None
            found = read(text, hint)
            if found.encoding and found.sure:
                votes[found.encoding] += 1
            elif not candidate(text):
                votes["unicode"] += 1  # "Đắk Hà": no legacy font types "ắ"
    book: Counter[_Vote] = Counter()
    for votes in sheets.values():
        book.update(votes)
    return _Evidence(trusted, mixed, sheets, book)


def _hint(kind: FontKind | None) -> Hint | None:
    return None if kind is None or kind == "unicode" else kind


def _reading(text: str, kind: FontKind | None, evidence: _Evidence, sheet: str) -> Reading:
    encoding = _encoding(kind)
    if encoding and evidence.trusted[encoding]:
        found = read(text, _hint(kind))
        if found.encoding and evidence.mixed[encoding] and _reads_as_unicode(text):
            return replace(found, sure=False)  # this font also holds Unicode text here
        return found
    around = evidence.around(sheet)
    if kind is None and around.encoding and around.legacy and _reads_as_unicode(text):
        # No font known, and the text is Unicode too ("Sè"): the rest of the workbook decides
        found = read(text, around.encoding)
        return replace(found, sure=False) if found.encoding and not around.agreed else found
    # A Unicode font (or none): only text no Unicode explains, in the workbook's table on a tie
    return read(text, prefer=around.encoding if around.agreed else None)


def _note(typed: str, reading: Reading, legacy_here: bool) -> tuple[ProblemCode, str] | None:
    """The note for a cell: unreadable text only where its font or its workbook is legacy."""
    # "Müller" in a Unicode workbook is no one's concern
    if reading.encoding and not reading.sure:
        return (
            "legacy-text-guessed",
            f"chữ gõ bằng phông cũ, đã chuyển theo bảng mã {ENCODING_NAMES[reading.encoding]} "
            f'thành "{reading.text}" nhưng không chắc chắn — hãy kiểm tra; nếu sai, hãy gõ lại '
            "ô này bằng Unicode",
        )
    if reading.encoding is None and reading.legacy and legacy_here:
        return (
            "legacy-text-unconverted",
            f'chữ "{typed}" có vẻ gõ bằng phông cũ (TCVN3 hoặc VNI) nhưng không chuyển được '
            "sang Unicode — đã giữ nguyên; hãy gõ lại ô này bằng Unicode",
        )
    return None
