"""A word's shape: a Vietnamese syllable, a highland name's, an abbreviation, or impossible."""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

# Combining marks, by role.
GRAVE, ACUTE, HOOK, TILDE, DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
CIRC, BREVE, HORN = "\u0302", "\u0306", "\u031b"
TONES = (GRAVE, ACUTE, HOOK, TILDE, DOT)
_LETTER_MARKS = frozenset((CIRC, BREVE, HORN))

WordKind = Literal["plain", "standard", "highland", "abbreviation", "impossible"]

_VOWELS = frozenset("aăâeêioôơuưy")
_VOWEL_CLUSTERS = frozenset(
    "a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê "
    "ui uô uơ ưa ưi ươ ưu uy ya yê iêu yêu oai oay oeo uây uôi ươi ươu uya uyê uyu".split()
)
# Clusters that close the syllable: "ao" takes no final consonant ("Ngaõn" is VNI "Ngân").
_OPEN_ONLY = frozenset(
    "ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui ưa ưi ưu ya iêu yêu oai oay oeo uây uôi ươi "
    "ươu uya uyu".split()
)
# Vowel runs of highland names that Vietnamese words do not have ("Piơr", "Sơmei", "Broăi").
_HIGHLAND_CLUSTERS = frozenset("iơ ei oăi êy ơu ae iơi uă".split())
_SYLLABLE = re.compile(
    r"^(?P<initial>ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx]?)"
    r"(?P<vowels>[aăâeêioôơuưy]+)(?P<final>ch|ng|nh|[cmnpt])?$"
)
# A highland name's syllable ("Hring", "Xiêr", "Păh", "Tẻh", "Đrăng", "Yông"): any run of
# consonants before and after, the vowels still one of Vietnamese's clusters.
_LOOSE = re.compile(
    r"^(?P<initial>y?[bcdđfghjklmnpqrstvwxz]{0,3}(?=[aăâeêioôơuưy]))"
    r"(?P<vowels>[aăâeêioôơuưy]+)(?P<final>[bcdfghjklmnpqrstvwxz]{0,3})$"
)
_CHECKED_TONES = frozenset((ACUTE, DOT))  # the only tones a syllable ending in c, ch, p, t takes
_GLIDES = "iouy"
_Y_ALONE_AFTER = frozenset(("", "h", "k", "l", "m", "n", "s", "t", "v", "qu"))  # "kỳ", never "đy"


def strip_tone(word: str) -> tuple[str, int]:
    """A lower-case word without tone marks (keeping ă â ê ô ơ ư đ), and how many tones it had."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(decomposed.count(t) for t in TONES)
    bare = "".join(ch for ch in decomposed if ch not in TONES)
    return unicodedata.normalize("NFC", bare), tones


def _tone(word: str) -> tuple[str, int] | None:
    """The tone mark of a lower-case NFC word and the index of the letter carrying it."""
    for index, ch in enumerate(word):
        for mark in TONES:
            if mark in unicodedata.normalize("NFD", ch):
                return mark, index
    return None


def _well_cased(word: str) -> bool:
    """Small letters after capitals ("Ngọk", "HLốp"), never a capital after a small ("NghƯ")."""
    rest = word.lstrip("".join(ch for ch in word if ch.isupper()))
    return rest == rest.lower()


def _bad_letters(lower: str) -> bool:
    """A mark no Vietnamese letter has ("ñ", "î"), or a letter Vietnamese has not ("æ")."""
    for ch in lower:
        decomposed = unicodedata.normalize("NFD", ch)
        if ch == "đ" or len(decomposed) == 1:
            if not ch.isascii() and ch != "đ":
                return True  # "æ", "ß", "ð": not a Vietnamese letter
            continue
        base, marks = decomposed[0], decomposed[1:]
        if base not in "aeiouy":
            return True
        letter_marks = [m for m in marks if m in _LETTER_MARKS]
        if any(m not in TONES and m not in _LETTER_MARKS for m in marks) or len(letter_marks) > 1:
            return True
        if letter_marks and base + letter_marks[0] not in _MARKED:
            return True  # "î", "ŭ": a circumflex or breve Vietnamese never puts there
    return False


_MARKED = frozenset(("a" + CIRC, "a" + BREVE, "e" + CIRC, "o" + CIRC, "o" + HORN, "u" + HORN))


def _vowels_ok(
    initial: str, cluster: str, final: str, lower: str, *, highland: bool = False
) -> bool:
    vowels = cluster
    if initial in ("gi", "qu") and vowels not in _VOWEL_CLUSTERS:
        vowels = initial[-1] + vowels
    if vowels not in _VOWEL_CLUSTERS and not (highland and vowels in _HIGHLAND_CLUSTERS):
        return False
    if final and vowels in _OPEN_ONLY:
        return False
    if (
        cluster.endswith("y")
        and final
        and not (cluster == "uy" and final in ("ch", "nh", "t", "n"))
    ):
        return False  # "hỵp" is never Vietnamese: a "y" takes no final consonant
    if cluster == "y" and initial not in _Y_ALONE_AFTER:
        return False
    tone = _tone(lower)
    if tone is None:
        return True
    if final[-1:] in ("c", "h", "p", "t", "k") and final not in ("h", "nh"):
        if tone[0] not in _CHECKED_TONES:
            return False  # "dòp" is VNI "dịp": a syllable ending in c, ch, p, t takes ´ or .
    if len(cluster) > 1 and not final and cluster[-1] in _GLIDES and cluster not in ("uy", "oo"):
        # A falling diphthong carries its tone before the glide ("xão", never "xaõ")
        return tone[1] != len(lower) - 1
    return True


def _standard(lower: str, bare: str) -> bool:
    match = _SYLLABLE.match(bare)
    if not match or match["vowels"] == "oo" and _tone(lower):
        return False  # "oo" is a loanword's ("xoong"); toned, it is TCVN3 "ô" read wrong
    return _vowels_ok(match["initial"], match["vowels"], match["final"] or "", lower)


_JOINED = re.compile(r"([bcdđfghjklmnpqrstvwxz]{0,3})([aăâeêioôơuưy]+)")
_TAIL = re.compile(r"[bcdfghjklmnpqrstvwxz]{0,3}")


def _highland(lower: str, bare: str) -> bool:
    match = _LOOSE.match(bare)
    if match:
        initial, final = match["initial"], match["final"]
        if initial.startswith("y") and initial != "y":
            return False  # a "y" starts a highland syllable only before its vowels ("Yông")
        return _vowels_ok(initial, match["vowels"], final, lower, highland=True)
    # Syllables written as one untoned word ("Sơmei", "Pơnan", "Êwi"): one or two consonants
    # between vowel runs, each run a cluster
    if _tone(lower):
        return False
    clusters: list[str] = []
    end = 0
    for run in _JOINED.finditer(bare):
        if run.start() != end or (clusters and not 0 < len(run[1]) < 3):
            return False
        clusters.append(run[2])
        end = run.end()
    known = _VOWEL_CLUSTERS | _HIGHLAND_CLUSTERS
    return (
        len(clusters) > 1
        and bool(_TAIL.fullmatch(bare[end:]))
        and all(c in known for c in clusters)
    )


def kind(word: str) -> WordKind:
    """The shape of one word (letters only): what Vietnamese text may hold, or "impossible"."""
    if word.isascii():
        return "plain"
    if not word.isalpha() or not _well_cased(word):
        return "impossible"
    lower = unicodedata.normalize("NFC", word.lower())
    if _bad_letters(lower):
        return "impossible"
    bare, tones = strip_tone(lower)
    if not any(ch in _VOWELS for ch in bare):
        # "HĐND", "ĐVT", "đ" (đồng): an abbreviation, in capitals unless it is one letter
        ok = tones == 0 and (word == word.upper() or len(word) == 1)
        return "abbreviation" if ok else "impossible"
    if tones > 1 or "đ" in lower[1:]:  # "cđa" is TCVN3 "của" read through VNI
        return "impossible"
    if _standard(lower, bare):
        return "standard"
    return "highland" if _highland(lower, bare) else "impossible"


def is_vietnamese_word(word: str) -> bool:
    """True for a plain ASCII word or a well-formed Vietnamese syllable (at most one tone)."""
    return kind(word) in ("plain", "standard")
