"""Vietnamese text: NFC, folding for tolerant matching, legacy TCVN3/VNI fonts to Unicode."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Combining marks, by role.
_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
_CIRC, _BREVE, _HORN = "\u0302", "\u0306", "\u031b"
TONES = (_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT)


def _nfc(base: str, *marks: str) -> str:
    return unicodedata.normalize("NFC", base + "".join(marks))


# TCVN3 (ABC, .VnTime fonts): one byte per letter, read back through cp1252/latin-1.
# Bytes 0xA1-0xFE; the font has no upper-case toned letters (those need .VnTimeH).
_TCVN3_LETTERS = {
    "¡": "Ă",
    "¢": "Â",
    "£": "Ê",
    "¤": "Ô",
    "¥": "Ơ",
    "¦": "Ư",
    "§": "Đ",
    "¨": "ă",
    "©": "â",
    "ª": "ê",
    "«": "ô",
    "¬": "ơ",
    "\xad": "ư",
    "®": "đ",
}
# Tone order in each run below: grave, hook, tilde, acute, dot.
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
_TONE_ORDER = (_GRAVE, _HOOK, _TILDE, _ACUTE, _DOT)


def _tcvn3_table() -> dict[str, str]:
    table = dict(_TCVN3_LETTERS)
    for vowel, codes in _TCVN3_TONED.items():
        for code, tone in zip(codes, _TONE_ORDER, strict=True):
            table[code] = _nfc(vowel, tone)
    return table


TCVN3 = _tcvn3_table()

# VNI-Windows: a base letter followed by a modifier byte, plus a few one-byte letters.
_VNI_SINGLE = {
    "Ñ": "Đ",
    "ñ": "đ",
    "Ó": "Ĩ",
    "ó": "ĩ",
    "Ò": "Ị",
    "ò": "ị",
    "Æ": "Ỉ",
    "æ": "ỉ",
    "Î": "Ỵ",
    "î": "ỵ",
    "Ô": "Ơ",
    "ô": "ơ",
    "Ö": "Ư",
    "ö": "ư",
    "Ì": "Ì",
    "ì": "ì",
    "Í": "Í",
    "í": "í",
}
_VNI_TONE = {"ø": _GRAVE, "ù": _ACUTE, "û": _HOOK, "õ": _TILDE, "ï": _DOT}
_VNI_HAT = {"â": (), "á": (_ACUTE,), "à": (_GRAVE,), "å": (_HOOK,), "ã": (_TILDE,), "ä": (_DOT,)}
_VNI_BREVE = {"ê": (), "é": (_ACUTE,), "è": (_GRAVE,), "ú": (_HOOK,), "ü": (_TILDE,), "ë": (_DOT,)}


def _vni_table() -> dict[str, str]:
    lower: dict[str, str] = {}
    for base in "aeouyôö":
        uni_base = _VNI_SINGLE.get(base, base)
        for mod, tone in _VNI_TONE.items():
            lower[base + mod] = _nfc(uni_base, tone)
    for base in "aeo":
        for mod, tones in _VNI_HAT.items():
            lower[base + mod] = _nfc(base, _CIRC, *tones)
    for mod, tones in _VNI_BREVE.items():
        lower["a" + mod] = _nfc("a", _BREVE, *tones)
    table = dict(lower)
    for seq, uni in lower.items():
        table[seq.upper()] = uni.upper()
    table.update(_VNI_SINGLE)
    return table


VNI = _vni_table()

_LEGACY_CHARS = frozenset(chr(c) for c in range(0xA1, 0x100))
_TCVN3_SYMBOLS = frozenset(chr(c) for c in range(0xA1, 0xC0))  # never produced by VNI-Windows
_LEGACY_WORD = re.compile(r"(?:[^\W\d_]|[\xa1-\xff])+")
_VOWEL_CLUSTERS = frozenset(
    "a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê "
    "ui uô uơ ưa ưi ươ ưu uy ya yê iêu yêu oai oay oeo uây uôi ươi ươu uya uyê uyu".split()
)
_SYLLABLE = re.compile(
    r"^(?P<initial>ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvxwzfj]*)"
    r"(?P<vowels>[aăâeêioôơuưy]+)(?P<final>ch|ng|nh|[cmnptk])?$"
)
_WORD = re.compile(r"(?:[^\W\d_]|\xad)+")  # TCVN3 "ư" is the soft hyphen


def strip_tone(word: str) -> tuple[str, int]:
    """A lower-case word without tone marks (keeping ă â ê ô ơ ư đ), and how many tones it had."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(decomposed.count(t) for t in TONES)
    bare = "".join(ch for ch in decomposed if ch not in TONES)
    return unicodedata.normalize("NFC", bare), tones


_CHECKED_TONES = frozenset((_ACUTE, _DOT))  # the only tones a syllable ending in c, ch, p, t takes
_GLIDES = "iouy"


def _tone_slot(word: str) -> int | None:
    """The index of the letter carrying the tone in a lower-case NFC word, or None."""
    for index, ch in enumerate(word):
        if any(t in unicodedata.normalize("NFD", ch) for t in TONES):
            return index
    return None


def is_vietnamese_word(word: str) -> bool:
    """True for a plain ASCII word or a well-formed Vietnamese syllable (at most one tone)."""
    if word.isascii():
        return True
    lower = unicodedata.normalize("NFC", word.lower())
    decomposed = [unicodedata.normalize("NFD", ch) for ch in lower]
    if any(len(d) > 1 and d[0] not in "aeiouy" for d in decomposed):
        return False  # a mark on a consonant ("ñ"): no Vietnamese letter has one
    bare, tones = strip_tone(word)
    match = _SYLLABLE.match(bare)
    if tones > 1 or not match:
        return False
    vowels = match["vowels"]
    if match["initial"] in ("gi", "qu") and vowels not in _VOWEL_CLUSTERS:
        vowels = match["initial"][-1] + vowels
    if vowels not in _VOWEL_CLUSTERS:
        return False
    if not tones:
        return True
    tone = next(t for t in TONES if any(t in d for d in decomposed))
    final = match["final"] or ""
    if final in ("c", "ch", "p", "t") and tone not in _CHECKED_TONES:
        return False  # "dòp" is VNI "dịp", never a Vietnamese syllable
    cluster = match["vowels"]
    if not final and len(cluster) > 1 and cluster[-1] in _GLIDES and cluster not in ("uy", "oo"):
        # A falling diphthong carries its tone before the glide ("xão", never "xaõ")
        return _tone_slot(lower) != len(lower) - 1
    return True


def _reads_as_vietnamese(text: str) -> bool:
    return all(is_vietnamese_word(w) for w in _WORD.findall(text))


def _looks_legacy(word: str) -> bool:
    """True for "Kh«ng" or "phÝ": symbols in a word, or a capital accented after a small letter."""
    if not any(ch.isalpha() for ch in word):
        return False
    if any(not ch.isalpha() for ch in word) or not is_vietnamese_word(word):
        return True
    return any(
        a.islower() and b.isupper() and not b.isascii()
        for a, b in zip(word, word[1:], strict=False)
    )


def _decode(text: str, table: dict[str, str]) -> str:
    out: list[str] = []
    i = 0
    while i < len(text):
        pair = text[i : i + 2]
        if len(pair) == 2 and pair in table:
            out.append(table[pair])
            i += 2
            continue
        out.append(table.get(text[i], text[i]))
        i += 1
    return "".join(out)


def _fully_decoded(text: str, table: dict[str, str]) -> bool:
    """True when every legacy letter of `text` is one the table knows (alone or in a pair)."""
    i = 0
    while i < len(text):
        if text[i : i + 2] in table and len(text[i : i + 2]) == 2:
            i += 2
            continue
        ch = text[i]
        if "\xc0" <= ch <= "\xff" and ch.isalpha() and ch not in table:
            return False  # "é" left over: the text was not typed in this font
        i += 1
    return True


def _shouts(text: str) -> bool:
    """True when the ASCII letters are all capitals: typed in the upper-case .VnTimeH font."""
    letters = [ch for ch in text if ch.isascii() and ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def from_legacy(text: str) -> str:
    """Text typed in TCVN3 or VNI-Windows converted to Unicode; anything else returned unchanged."""
    if text.isascii() or any(ord(ch) > 0xFF for ch in text):
        return text  # pure ASCII, or has letters no legacy font can produce
    if not any(_looks_legacy(w) for w in _LEGACY_WORD.findall(text)):
        return text
    tcvn3_only = any(ch in _TCVN3_SYMBOLS for ch in text)
    for table in (TCVN3,) if tcvn3_only else (VNI, TCVN3):
        converted = _decode(text, table)
        if converted != text and _fully_decoded(text, table) and _reads_as_vietnamese(converted):
            if table is TCVN3 and _shouts(text):
                converted = converted.upper()
            return unicodedata.normalize("NFC", converted)
    return text


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
    readings = {unicodedata.normalize("NFC", _decode(text, t)) for t in (TCVN3, VNI)}
    return tuple(sorted(r for r in readings if r != text))
