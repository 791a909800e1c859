"""Legacy Vietnamese typing: Unicode text as TCVN3 (.VnTime) or VNI-Windows users' files hold it."""

from __future__ import annotations

import unicodedata

# Built from a published TCVN3 (ABC) font table: per vowel, toneless then grave, acute, hook,
# tilde, dot. The font has no upper-case toned letters (those need .VnTimeH): "Ứ" comes out "ứ".
_TCVN3_VOWELS = {
    "a": "aµ¸¶·¹",
    "ă": "¨»¾¼½Æ",
    "â": "©ÇÊÈÉË",
    "e": "eÌÐÎÏÑ",
    "ê": "ªÒÕÓÔÖ",
    "i": "i×ÝØÜÞ",
    "o": "oßãáâä",
    "ô": "«åèæçé",
    "ơ": "¬êíëìî",
    "u": "uïóñòô",
    "ư": "\xadõøö÷ù",
    "y": "yúýûüþ",
}
_TCVN3_CAPS = {"Ă": "¡", "Â": "¢", "Đ": "§", "Ê": "£", "Ô": "¤", "Ơ": "¥", "Ư": "¦", "đ": "®"}
_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")  # none grave acute hook tilde dot
_SHAPES = {"\u0302": "^", "\u0306": "(", "\u031b": "+"}


def _split(ch: str) -> tuple[str, str, str]:
    """A letter as (base, shape mark, tone mark), from its canonical decomposition."""
    marks = unicodedata.normalize("NFD", ch)
    base, rest = marks[0], marks[1:]
    shape = "".join(m for m in rest if m in _SHAPES)
    tone = "".join(m for m in rest if m in _TONES[1:])
    return base, shape, tone


def to_tcvn3(text: str) -> str:
    """What a .VnTime user's Unicode text looks like once read back as cp1252."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in _TCVN3_CAPS:
            out.append(_TCVN3_CAPS[ch])
            continue
        base, shape, tone = _split(ch)
        if not shape and not tone:
            out.append(ch)
            continue
        if base.isupper() and tone:
            base = base.lower()  # .VnTime has no such capital: the driver types the small one
        if base.isupper():
            out.append(_TCVN3_CAPS[unicodedata.normalize("NFC", base + shape)])
            continue
        vowel = unicodedata.normalize("NFC", base + shape)
        out.append(_TCVN3_VOWELS[vowel][_TONES.index(tone)])
    return "".join(out)


# VNI-Windows: base letter, then a byte for the shape and/or tone; i, y-dot and đ are one byte.
_VNI_TONE = {"": "", "\u0300": "ø", "\u0301": "ù", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
_VNI_HAT = {"": "â", "\u0300": "à", "\u0301": "á", "\u0309": "å", "\u0303": "ã", "\u0323": "ä"}
_VNI_BREVE = {"": "ê", "\u0300": "è", "\u0301": "é", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}
_VNI_I = {"\u0300": "ì", "\u0301": "í", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}


def to_vni(text: str) -> str:
    """What a VNI-Times user's Unicode text looks like once read back as cp1252."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        base, shape, tone = _split(ch)
        upper = base.isupper()
        low = base.lower()
        if ch in "đĐ":
            code = "ñ"
        elif not shape and not tone:
            out.append(ch)
            continue
        elif low == "i":
            code = _VNI_I[tone]
        elif low == "y" and tone == "\u0323":
            code = "î"
        elif shape == "\u0302":
            code = low + _VNI_HAT[tone]
        elif shape == "\u0306":
            code = low + _VNI_BREVE[tone]
        elif shape == "\u031b":
            code = {"o": "ô", "u": "ö"}[low] + _VNI_TONE[tone]
        else:
            code = low + _VNI_TONE[tone]
        out.append(code.upper() if upper else code)
    return "".join(out)
