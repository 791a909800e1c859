"""Legacy TCVN3 (.VnTime) and VNI-Windows text read back as Unicode, given its font."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from .syllables import ACUTE, BREVE, CIRC, DOT, GRAVE, HOOK, TILDE, TONES, WordKind, kind

Encoding = Literal["tcvn3", "vni"]
# What a cell's font says of its text: ".VnTime" "tcvn3", ".VnTimeH" "tcvn3-caps" (a capitals
# font: every letter shows as a capital), "VNI-Times" "vni".
Hint = Literal["tcvn3", "tcvn3-caps", "vni"]
ENCODING_NAMES = {"tcvn3": "TCVN3 (.VnTime)", "vni": "VNI-Windows (VNI-Times)"}


def _nfc(base: str, *marks: str) -> str:
    return unicodedata.normalize("NFC", base + "".join(marks))


# TCVN3: one byte per letter, read back through cp1252/latin-1; no capital toned letters.
_TCVN3_LETTERS = dict(zip("¡¢£¤¥¦§¨©ª«¬\xad®", "ĂÂÊÔƠƯĐăâêôơưđ", strict=True))
_TONE_ORDER = (GRAVE, HOOK, TILDE, ACUTE, DOT)  # the order of each run below
_TCVN3_TONED = {
    "a": "µ¶·¸¹",
    "ă": "»¼½¾Æ",
    "â": "ÇÈÉÊË",
    "e": "ÌÎÏÐÑ",
    "ê": "ÒÓÔÕÖ",
    "i": "×ØÜÝÞ",
    "o": "ßáâãä",
    "ô": "åæçèé",
    "ơ": "êëìíî",
    "u": "ïñòóô",
    "ư": "õö÷øù",
    "y": "úûüýþ",
}


def _tcvn3_table() -> dict[str, str]:
    table = dict(_TCVN3_LETTERS)
    for vowel, codes in _TCVN3_TONED.items():
        for code, tone in zip(codes, _TONE_ORDER, strict=True):
            table[code] = _nfc(vowel, tone)
    return table


TCVN3 = _tcvn3_table()

# VNI-Windows: a base letter followed by a modifier byte, plus a few one-byte letters.
_VNI_SINGLE = dict(zip("ÑñÓóÒòÆæÎîÔôÖöÌìÍí", "ĐđĨĩỊịỈỉỴỵƠơƯưÌìÍí", strict=True))
_VNI_TONE = {"ø": GRAVE, "ù": ACUTE, "û": HOOK, "õ": TILDE, "ï": DOT}
_VNI_HAT = {"â": (), "á": (ACUTE,), "à": (GRAVE,), "å": (HOOK,), "ã": (TILDE,), "ä": (DOT,)}
_VNI_BREVE = {"ê": (), "é": (ACUTE,), "è": (GRAVE,), "ú": (HOOK,), "ü": (TILDE,), "ë": (DOT,)}


def _vni_table() -> dict[str, str]:
    lower: dict[str, str] = {}
    for base in "aeouyôö":
        uni_base = _VNI_SINGLE.get(base, base)
        for mod, tone in _VNI_TONE.items():
            lower[base + mod] = _nfc(uni_base, tone)
    for base in "aeo":
        for mod, tones in _VNI_HAT.items():
            lower[base + mod] = _nfc(base, CIRC, *tones)
    for mod, tones in _VNI_BREVE.items():
        lower["a" + mod] = _nfc("a", BREVE, *tones)
    table = dict(lower)
    for seq, uni in lower.items():
        table[seq.upper()] = uni.upper()
    table.update(_VNI_SINGLE)
    return table


VNI = _vni_table()
TABLES: dict[Encoding, dict[str, str]] = {"tcvn3": TCVN3, "vni": VNI}

# Windows' punctuation (“ ” ‘ ’ – — …) stands at the same bytes in both fonts: read through
# cp1252 it is Unicode punctuation; read through latin-1 it is an invisible C1 control.
_C1 = {
    chr(b): bytes([b]).decode("cp1252")
    for b in range(0x80, 0xA0)
    if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)  # bytes cp1252 leaves undefined
}
_WINDOWS_PUNCTUATION = frozenset(_C1.values())
_RUN = re.compile(r"(?:[^\W\d_]|[\xa1-\xff])+")  # a word, legacy symbols ("«", "§") included
_LETTERS = re.compile(r"[^\W\d_]+")
_VNI_PUNCTUATION = frozenset("°±²³¹")  # marks a VNI text may hold beside its letters
_SCORE: dict[WordKind, int] = {
    "plain": 0,
    "standard": 3,
    "abbreviation": 2,
    "highland": 1,
    "impossible": 0,
}


_CLEAR_MARGIN = 2  # a standard syllable against a highland one: one reading is plainly better


_C1_CONTROL = re.compile("[\x80-\x9f]")
_BEYOND_ONE_BYTE = re.compile(
    "[^\x00-\xff" + re.escape("".join(sorted(_WINDOWS_PUNCTUATION))) + "]"
)


def windows_punctuation(text: str) -> str:
    """Invisible C1 controls (\\x93, \\x96) as the quotes and dashes Windows meant (“ –)."""
    if text.isascii() or not _C1_CONTROL.search(text):
        return text
    return _C1_CONTROL.sub(lambda m: _C1.get(m[0], m[0]), text)


def candidate(text: str) -> bool:
    """True when a legacy font could have typed `text`: non-ASCII, every letter one byte."""
    return not text.isascii() and not _BEYOND_ONE_BYTE.search(text)


def _decode(text: str, table: dict[str, str]) -> tuple[str, bool]:
    """The text read through a table, and whether every legacy byte was one the table knows."""
    out: list[str] = []
    whole = True
    i = 0
    while i < len(text):
        pair = text[i : i + 2]
        if len(pair) == 2 and pair in table:
            out.append(table[pair])
            i += 2
            continue
        ch = text[i]
        if ch in table:
            out.append(table[ch])
        else:
            out.append(ch)
            if "\xa1" <= ch <= "\xff":
                # TCVN3 leaves only symbols (°, ±) unread; VNI leaves any stray byte
                whole = whole and ((not ch.isalpha()) if table is TCVN3 else ch in _VNI_PUNCTUATION)
        i += 1
    return unicodedata.normalize("NFC", "".join(out)), whole


def decode(text: str, encoding: Encoding) -> str:
    """The text read through one table, whatever the result."""
    return _decode(text, TABLES[encoding])[0]


@dataclass(frozen=True)
class _Judged:
    text: str
    score: int
    caps: bool  # a word reads only in capitals ("§¾K" -> "ĐẮK"): typed in a capitals font


def _judge(text: str, encoding: Encoding) -> _Judged | None:
    """The text's reading in one table, or None when it has a shape Vietnamese never has."""
    converted, whole = _decode(text, TABLES[encoding])
    if not whole or converted == text:
        return None
    score, caps = 0, False
    for word in _LETTERS.findall(converted):
        shape = kind(word)
        rescued = 0
        if shape == "impossible" and encoding == "tcvn3":
            shape, rescued = kind(word.upper()), 2  # a weaker reading than one as typed
            caps = caps or shape != "impossible"
        if shape == "impossible":
            return None
        score += max(_SCORE[shape] - rescued, 0)
    return _Judged(converted, score, caps or _shouts(text))


_SHOUTED = re.compile(r"\b[A-Z]{2,}[\xa1-\xff]")


def _shouts(text: str) -> bool:
    """True for "CHñ", "PHÝ": capitals then a toned vowel, and no small ASCII letter anywhere."""
    # The .VnTime font has its toned vowels only small; "Ia HLèp" is a name, "X· Hµ Kú" title
    # case
    return not any("a" <= ch <= "z" for ch in text) and bool(_SHOUTED.search(text))


@lru_cache(maxsize=16384)
def reads_as_unicode(text: str) -> bool:
    """True when every word of the text, as it is, has a shape Vietnamese text may have."""
    # A lone symbol ("5 × 3", "§ 2") is punctuation; inside a word ("Kh«ng"), or a TCVN3
    # capital standing alone ("Ia ¥" is "Ia Ơ"), it is a letter
    words = (w for w in _RUN.findall(text) if any(ch.isalpha() or ch in "¡¢£¤¥¦" for ch in w))
    return all(kind(w) != "impossible" for w in words)


def looks_legacy(text: str) -> bool:
    """True for text only a legacy font explains ("Kh«ng", "Xaõ"): the sign to read fonts."""
    return candidate(text) and not reads_as_unicode(windows_punctuation(text))


@dataclass(frozen=True)
class Reading:
    """A cell's text as read: converted (encoding set) or kept, and whether the tool is sure."""

    text: str
    encoding: Encoding | None  # None: kept as typed
    sure: bool
    legacy: bool  # the text as typed is no Unicode text (kept only when no table reads it)


@lru_cache(maxsize=16384)  # names, headers and list values repeat in every row and file
def read(text: str, hint: Hint | None = None, prefer: Encoding | None = None) -> Reading:
    """The text as a clerk meant it, given its cell's font (`hint`) and its workbook's table."""
    # The font is trusted even for text that is also Unicode ("Sè" is "Số"); `prefer` only
    # breaks a tie between the tables for text no Unicode explains.
    text = windows_punctuation(text)
    if not candidate(text):
        return Reading(text, None, True, False)
    judged = {enc: _judge(text, enc) for enc in TABLES}
    if hint is not None:
        encoding: Encoding = "vni" if hint == "vni" else "tcvn3"
        found = judged[encoding]
        if found is not None:
            return Reading(_cased(found, encoding, hint == "tcvn3-caps"), encoding, True, True)
    if reads_as_unicode(text):
        return Reading(text, None, True, False)  # "Sè", "Hà Mòn": Unicode as far as text tells
    readable = [enc for enc, found in judged.items() if found is not None]
    if not readable:
        return Reading(text, None, False, True)
    if len(readable) == 1:
        encoding = readable[0]
        sure = hint is None  # a reading in the table the font does not name is a guess
    elif prefer is not None:
        encoding, sure = prefer, True
    else:  # both tables read it ("Tæ": Tổ or Tỉ): the better-formed words, TCVN3 on a tie
        encoding = max(readable, key=lambda enc: (_score(judged[enc]), enc == "tcvn3"))
        other: Encoding = "vni" if encoding == "tcvn3" else "tcvn3"
        sure = _score(judged[encoding]) - _score(judged[other]) >= _CLEAR_MARGIN
    found = judged[encoding]
    assert found is not None
    return Reading(_cased(found, encoding, False), encoding, sure, True)


def _score(found: _Judged | None) -> int:
    return found.score if found else -1


def _cased(found: _Judged, encoding: Encoding, caps_font: bool) -> str:
    if caps_font or found.caps:
        return found.text.upper()
    return _capitals_restored(found.text) if encoding == "tcvn3" else found.text


def _toned_initial(word: str) -> bool:
    decomposed = unicodedata.normalize("NFD", word[:1])
    return word[:1].islower() and any(t in decomposed for t in TONES)


_SENTENCE_END = re.compile(r"(?:[.!?]|^\s*\w\)|^\s*\d+\.)\s+$")  # "… ", "c) ", "7. "


def _capitals_restored(text: str) -> str:
    """TCVN3 words starting with a toned vowel ("ủy") capitalised where the text shows it meant."""
    # The .VnTime fonts have no capital toned vowels, so a clerk typed the small one: first in
    # a sentence ("Ủy ban"), or among capitalised words ("Ia Ốp"), a capital was meant.
    parts = re.split(r"([^\W\d_]+)", text)
    words = [p for p in parts[1::2]]
    if not words or not any(_toned_initial(w) for w in words):
        return text
    others = [w for w in words if not _toned_initial(w)]
    title = bool(others) and all(w[0].isupper() for w in others)
    for index in range(1, len(parts), 2):
        word, after = parts[index], parts[index + 2 : index + 3]
        named = word == "ủy" and after == ["ban"]  # "Ủy ban nhân dân", but "Đảng ủy"
        starts = index == 1 or _SENTENCE_END.search("".join(parts[max(index - 3, 0) : index]))
        if _toned_initial(word) and (starts or named or title and word != "ủy"):
            parts[index] = word[0].upper() + word[1:]
    return "".join(parts)
