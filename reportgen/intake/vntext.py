"""Vietnamese text: NFC, folding for tolerant matching, legacy TCVN3/VNI fonts to Unicode."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .legacy import TABLES, Hint, decode, read


def from_legacy(text: str, hint: Hint | None = None) -> str:
    """Text typed in TCVN3 or VNI-Windows converted to Unicode; anything else returned unchanged."""
    # `hint` is what the cell's font says (".VnTime" is "tcvn3"); without it the text's own
    # shape decides, and text that is also well-formed Unicode ("Sè") is kept as typed.
    return read(text, hint).text


@lru_cache(maxsize=16384)  # headers, list values and names repeat across rows and files
def clean(text: str) -> str:
    """Text as a clerk meant it: legacy fonts converted, NFC, spaces collapsed, ends trimmed."""
    text = unicodedata.normalize("NFC", text)
    text = from_legacy(text)
    return " ".join(text.replace("\xa0", " ").split())


@lru_cache(maxsize=8192)  # headers and fixed values repeat in every row and file
def fold(text: str) -> str:
    """A matching key: no diacritics, lower case, punctuation and line breaks as single spaces."""
    decomposed = unicodedata.normalize("NFD", clean(text).lower()).replace("đ", "d")
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", bare).split())


@lru_cache(maxsize=8192)  # the same Có/Không and list values fill every row
def legacy_readings(text: str) -> tuple[str, ...]:
    """Every way a short legacy value could read ("Cã" -> "Có"), to match a fixed list."""
    readings = {decode(text, encoding) for encoding in TABLES}
    return tuple(sorted(r for r in readings if r != text))
