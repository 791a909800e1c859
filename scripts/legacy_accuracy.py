"""How well the intake reads legacy-font text: every string of the plan, a hand-written list of
Central Highlands names and a unit's report words, encoded in TCVN3 and VNI-Windows by an
encoder written here from UniKey's byte tables (not from the intake's), then read back."""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import cast

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reportgen.intake.evidence import decode  # noqa: E402
from reportgen.intake.legacy import Hint, read  # noqa: E402
from reportgen.intake.workbook import Grid  # noqa: E402

SEED = Path("/work/shared/seed/ke-hoach-hoc-tap-suot-doi-dak-ha.md")
DATA = ROOT / "tests" / "data"

# UniKey's (vnconv) order for a vowel: the letter, then acute, grave, hook, tilde, dot.
_TONE_MARKS = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
_BASES = {  # Unicode base letter (lower case) -> (letter, combining marks)
    "a": "a",
    "â": "a\u0302",
    "ă": "a\u0306",
    "e": "e",
    "ê": "e\u0302",
    "i": "i",
    "o": "o",
    "ô": "o\u0302",
    "ơ": "o\u031b",
    "u": "u",
    "ư": "u\u031b",
    "y": "y",
}
# TCVN3, as UniKey's SingleByteTables row: capital and small letter without tone, then one
# byte a tone (acute, grave, hook, tilde, dot) that serves both cases (.VnTime has no toned
# capitals).
_TCVN3_ROWS = {
    "a": ("A", "a", "¸µ¶·¹"),
    "â": ("¢", "©", "ÊÇÈÉË"),
    "ă": ("¡", "¨", "¾»¼½Æ"),
    "e": ("E", "e", "ÐÌÎÏÑ"),
    "ê": ("£", "ª", "ÕÒÓÔÖ"),
    "i": ("I", "i", "Ý×ØÜÞ"),
    "o": ("O", "o", "ãßáâä"),
    "ô": ("¤", "«", "èåæçé"),
    "ơ": ("¥", "¬", "íêëìî"),
    "u": ("U", "u", "óïñòô"),
    "ư": ("¦", "\xad", "øõö÷ù"),
    "y": ("Y", "y", "ýúûüþ"),
}
# VNI-Windows, as UniKey's DoubleByteTables row for the small letters: the base byte(s),
# then each toned letter; a capital is the same bytes in capitals. "i" and "y" dot are
# one-byte letters.
_VNI_ROWS = {
    "a": ("a", ("aù", "aø", "aû", "aõ", "aï")),
    "â": ("aâ", ("aá", "aà", "aå", "aã", "aä")),
    "ă": ("aê", ("aé", "aè", "aú", "aü", "aë")),
    "e": ("e", ("eù", "eø", "eû", "eõ", "eï")),
    "ê": ("eâ", ("eá", "eà", "eå", "eã", "eä")),
    "i": ("i", ("í", "ì", "æ", "ó", "ò")),
    "o": ("o", ("où", "oø", "oû", "oõ", "oï")),
    "ô": ("oâ", ("oá", "oà", "oå", "oã", "oä")),
    "ơ": ("ô", ("ôù", "ôø", "ôû", "ôõ", "ôï")),
    "u": ("u", ("uù", "uø", "uû", "uõ", "uï")),
    "ư": ("ö", ("öù", "öø", "öû", "öõ", "öï")),
    "y": ("y", ("yù", "yø", "yû", "yõ", "î")),
}


def _encoders() -> tuple[dict[str, str], dict[str, str]]:
    tcvn3 = {"Đ": "§", "đ": "®"}
    vni = {"Đ": "Ñ", "đ": "ñ"}
    for base, marks in _BASES.items():
        capital_t, small_t, toned_t = _TCVN3_ROWS[base]
        small_v, toned_v = _VNI_ROWS[base]
        for index, tone in enumerate(_TONE_MARKS):
            small = unicodedata.normalize("NFC", marks + tone)
            capital = small.upper()
            if index == 0:
                tcvn3[small], tcvn3[capital] = small_t, capital_t
                vni[small], vni[capital] = small_v, small_v.upper()
            else:
                tcvn3[small] = tcvn3[capital] = toned_t[index - 1]
                vni[small], vni[capital] = toned_v[index - 1], toned_v[index - 1].upper()
    return tcvn3, vni


TCVN3_OF, VNI_OF = _encoders()
_WINDOWS = set("“”‘’–—…•")  # cp1252 punctuation both fonts keep at the same bytes


def encode(text: str, table: dict[str, str]) -> str | None:
    """The bytes a legacy font shows as `text`, read as latin-1/cp1252; None if it cannot."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in table:
            out.append(table[ch])
        elif ch.isascii() or ch in _WINDOWS:
            out.append(ch)
        else:
            return None
    return "".join(out)


def _plan_strings(plan: Path | None) -> tuple[list[str], list[str]]:
    """The plan's paragraphs (markdown marks taken off) and its distinct words."""
    text = plan.read_text(encoding="utf-8") if plan and plan.exists() else ""
    lines = []
    for line in text.splitlines():
        line = re.sub(r"[*#|>]+", " ", line).strip(" -\t")
        line = " ".join(line.split())
        if line and not line.isascii():
            lines.append(line)
    words = sorted({w for line in lines for w in re.findall(r"[^\W\d_]+", line)})
    return lines, [w for w in words if not w.isascii()]


def _listed(name: str) -> list[str]:
    path = DATA / name
    return [
        line.strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


def corpus(plan: Path | None = SEED) -> dict[str, list[str]]:
    """The strings measured, by group (the plan's only where its text is at hand)."""
    lines, words = _plan_strings(plan)
    names = _listed("highland_names.txt")
    return {
        "plan paragraphs": lines,
        "plan words": words,
        "highland names": names,
        "highland names with Xã": [f"Xã {n}" for n in names],
        "report words": _listed("admin_terms.txt"),
        "other places": _listed("other_names.txt"),
    }


# Unicode text no legacy font typed, for the false-positive count only
FOREIGN = ["café", "Müller", "Piñata", "Giá: 5 × 3", "§ 2", "30°C", "«Sách hay»", "Hà Mòn", "Có"]


def _rate(
    strings: Iterable[str], table: dict[str, str], convert: Callable[[str], str]
) -> tuple[int, int, list[tuple[str, str, str]]]:
    strings = list(strings)
    # .VnTime has no toned capitals: "KẾ" and "Kế" are the same bytes, and either reading counts
    meant: dict[str, set[str]] = {}
    for text in strings:
        meant.setdefault(encode(text, table) or "", set()).add(text)
    right = total = 0
    wrong = []
    for text in strings:
        typed = encode(text, table)
        if typed is None or typed == text:
            continue  # nothing a legacy font changes
        total += 1
        got = convert(typed)
        if got in meant[typed]:
            right += 1
        else:
            wrong.append((text, typed, got))
    return right, total, wrong


Reader = tuple[Callable[[str], str], int]  # a group's reading, and the warnings it gives


def _reader(mode: str, encoding: str, strings: list[str], table: dict[str, str]) -> Reader:
    """How the intake reads one group's encoded strings in a mode, and how many warnings."""
    typed = sorted({t for s in strings if (t := encode(s, table)) is not None and t != s})
    if mode == "sheet":  # one sheet holding the whole group, no fonts: the cells are evidence
        (grid,), notes = decode([Grid("Sheet", tuple((t,) for t in typed))], b"")
        read_as = {t: str(row[0]) for t, row in zip(typed, grid.rows, strict=True)}
        return read_as.__getitem__, len(notes)
    hint = cast(Hint, encoding) if mode == "font" else None
    found = {t: read(t, hint) for t in typed}
    warned = sum(
        1 for f in found.values() if f.encoding and not f.sure or not f.encoding and f.legacy
    )
    return (lambda text: found[text].text), warned


MODES = {
    "shape": "text shape only",
    "sheet": "no font, the rest of the sheet as evidence",
    "font": "with the font hint",
}


Rate = tuple[int, int, int]  # right, total, cells warned about


def measure(groups: dict[str, list[str]], show: int = 0) -> dict[tuple[str, str], dict[str, Rate]]:
    """Each encoding's and mode's rate per group, printing the wrong readings when `show`."""
    rates: dict[tuple[str, str], dict[str, Rate]] = {}
    for encoding, table in {"tcvn3": TCVN3_OF, "vni": VNI_OF}.items():
        for mode in MODES:
            found = rates.setdefault((encoding, mode), {})
            for name, strings in groups.items():
                convert, warned = _reader(mode, encoding, strings, table)
                right, total, wrong = _rate(strings, table, convert)
                found[name] = (right, total, warned)
                for text, typed, got in wrong[:show]:
                    print(f"      {encoding} {mode} {typed!r} -> {got!r}, meant {text!r}")
    return rates


def false_positives(groups: dict[str, list[str]]) -> tuple[list[str], int, int]:
    """Plain Unicode strings the intake changes alone, and read as one sheet: changed, warned."""
    plain = [s for strings in groups.values() for s in strings] + FOREIGN
    changed = [s for s in plain if read(s).text != unicodedata.normalize("NFC", s)]
    (sheet,), notes = decode([Grid("Sheet", tuple((s,) for s in plain))], b"")
    kept = sum(row[0] == s for row, s in zip(sheet.rows, plain, strict=True))
    return changed, len(plain) - kept, len(notes)


def _percent(right: int, total: int) -> str:
    return f"{100 * right / max(total, 1):6.2f} %  ({right}/{total})"


def main() -> None:
    """Print the accuracy per encoding and group, and the Unicode strings the intake changes."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show", type=int, default=0, help="wrong readings shown per group")
    parser.add_argument("--plan", type=Path, default=SEED, help="the plan's text (markdown)")
    args = parser.parse_args()
    groups = corpus(args.plan)
    for (encoding, mode), found in measure(groups, args.show).items():
        print(f"{encoding.upper()}, {MODES[mode]}:")
        for name, (right, total, warned) in found.items():
            print(f"  {name:24} {_percent(right, total)}, {warned} warned")
        right, total, warned = (sum(rate[i] for rate in found.values()) for i in range(3))
        print(f"  {'all':24} {_percent(right, total)}, {warned} cells warned about")
    changed, in_sheet, warned = false_positives(groups)
    plain = sum(len(strings) for strings in groups.values()) + len(FOREIGN)
    print(f"False positives (plain Unicode strings changed): {len(changed)} of {plain}")
    for text in changed:
        print(f"      {text!r} -> {read(text).text!r}")
    print(f"  read as one Unicode sheet: {in_sheet} changed, {warned} warned about")


if __name__ == "__main__":
    main()
