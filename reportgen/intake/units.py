"""Identifying the reporting unit of a workbook by its code or, tolerantly, by its name."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..config import Config, Unit
from .vntext import fold

# Words of any unit's name that say what it is, not which one it is (after fold()).
_GENERIC = re.compile(r"\b(?:uy ban nhan dan|ubnd|thi tran|tt|xa|va)\b")


def name_key(name: str, spellings: Sequence[tuple[str, str]] = ()) -> str:
    """A unit name reduced to what identifies it: "UBND xã Đăk Psi" -> "dak pxi".

    `spellings` are the locality's own (config units.toml [spellings]): "Psi" = "Pxi".
    """
    key = _GENERIC.sub(" ", fold(name))
    for written, canonical in spellings:
        key = re.sub(rf"\b{re.escape(fold(written))}\b", fold(canonical), key)
    return " ".join(key.split())


@dataclass(frozen=True)
class Identified:
    """The unit found, or why none was: a Vietnamese message."""

    unit: Unit | None
    message: str = ""


def by_code(config: Config, code: str) -> Unit | None:
    """The registry unit with this code, ignoring case and spaces."""
    wanted = re.sub(r"\s+", "", code).upper().replace("_", "-")
    return config.units_by_code.get(wanted)


def _keys(unit: Unit, config: Config) -> list[str]:
    return [name_key(n, config.spellings) for n in (unit.name, *unit.aliases)]


# Levels of local government as written in names (after fold()), longest first; "tt" is the
# usual short form of "thị trấn".
_LEVELS = ("thanh pho", "thi tran", "thi xa", "phuong", "huyen", "quan", "tinh", "tt", "xa")
_LEVEL = re.compile(r"\b(" + "|".join(_LEVELS) + r")\b(?! hoi\b)")  # not "xã hội"
# A level above the commune, then its place: "huyen dak glei", "tinh quang ngai".
_ABOVE = re.compile(r"\b(huyen|tinh|thanh pho|quan|thi xa) ((?:(?!\b(?:" + "|".join(_LEVELS)
                    + r")\b)\w+ ?){1,3})")  # fmt: skip


def _level(folded: str) -> str:
    """The level word a name opens with ("xa", "thi tran", "huyen"), "" when none."""
    found = _LEVEL.search(folded)
    if not found:
        return ""
    return "thi tran" if found[1] == "tt" else found[1]


def _own_places(config: Config) -> set[str]:
    """The registry's own district and province, as a name's qualifier may give them."""
    return {fold(p) for p in (config.profile.place, config.profile.province) if p}


def _unqualified(folded: str, config: Config) -> tuple[str, str]:
    """The name without the district or province it names as its own (", huyện Đắk Hà"), and
    that part when it names another place ("huyen dak glei"), else ""."""
    ours = _own_places(config)
    for found in _ABOVE.finditer(folded):
        place = found[2].strip()
        if any(place == own or place.startswith(own + " ") for own in ours):
            folded = folded.replace(found[0], " ")
        else:
            return folded, found[0].strip()
    return " ".join(folded.split()), ""


def _at_level(config: Config, level: str) -> list[Unit]:
    """The units a name at `level` may mean: of that level, or of none (an office, a school)."""
    return [u for u in config.units if not level or _level(fold(u.name)) in ("", level)]


def _matching(config: Config, key: str, level: str) -> list[Unit]:
    """The units whose name (or alias) is `key`, or is contained in it, at `level` if given."""
    units = _at_level(config, level)
    exact = [u for u in units if key in _keys(u, config)]
    if exact:
        return exact
    words = set(key.split())
    contained = [
        (len(k.split()), u) for u in units for k in _keys(u, config) if set(k.split()) <= words
    ]
    if contained:
        best = max(size for size, _ in contained)
        return list({u.code: u for size, u in contained if size == best}.values())
    # "DakHring", "ĐăkLa", "BC_DakHring_2025": a name written without its spaces
    written = {key.replace(" ", ""), *key.split()}
    return [u for u in units if written & {k.replace(" ", "") for k in _keys(u, config)}]


def by_name(config: Config, name: str) -> Identified:
    """The registry unit a written name means; unknown or ambiguous names explained.

    Never a guess across places or levels: a name that gives another district or province
    ("Xã Đắk Long, huyện Đắk Glei"), or another level than the unit's ("UBND huyện Đắk Hà" is
    not the town of Đắk Hà), is no unit of the registry.
    """
    whole = name_key(name, config.spellings)
    if not whole:
        return Identified(None, "không có tên đơn vị")
    folded, elsewhere = _unqualified(fold(name), config)
    level = _level(folded)
    exact = [u for u in _at_level(config, level) if whole in _keys(u, config)]
    if len(exact) == 1:
        return Identified(exact[0])
    if elsewhere:
        return Identified(
            None,
            f'tên đơn vị "{name}" ghi "{elsewhere}", không phải địa bàn '
            f"{config.profile.place}" + _closest(config, whole),
        )
    key = name_key(folded, config.spellings)
    if not key:
        return Identified(
            None,
            f'"{name}" là tên của chính {config.profile.place}, không phải một đơn vị trong danh '
            "sách. Hãy ghi đúng Mã đơn vị ở sheet Thông tin",
        )
    found = exact or _matching(config, key, level)
    if len(found) == 1:
        return Identified(found[0])
    if len(found) > 1:
        names = "; ".join(u.name for u in found)
        return Identified(None, f'tên đơn vị "{name}" khớp với nhiều đơn vị: {names}')
    return Identified(None, f'không nhận ra đơn vị "{name}"' + _closest(config, whole))


def _closest(config: Config, key: str) -> str:
    scored = sorted(
        (
            (max(difflib.SequenceMatcher(None, key, k).ratio() for k in _keys(u, config)), u.name)
            for u in config.units
        ),
        reverse=True,
    )
    names = [name for score, name in scored[:3] if score >= 0.4]
    hint = f" — gần nhất: {'; '.join(names)}" if names else ""
    return hint + ". Hãy ghi đúng Mã đơn vị ở sheet Thông tin"


def identify(config: Config, code: str, name: str) -> Identified:
    """The unit of a workbook from its `Mã đơn vị`, else from its `Tên đơn vị`."""
    if code:
        unit = by_code(config, code)
        if unit:
            return Identified(unit)
        found = by_name(config, name) if name else Identified(None)
        if found.unit:
            return found
        return Identified(
            None,
            f'mã đơn vị "{code}" không có trong danh sách đơn vị'
            + _closest(config, name_key(name or code, config.spellings)),
        )
    return by_name(config, name)


def from_file_name(config: Config, file_name: str) -> Unit | None:
    """A unit named unambiguously by a file name such as "BC Đắk La 2025.xlsx", else None."""
    stem = re.sub(r"\.[A-Za-z0-9]+$", "", file_name.rsplit("/", 1)[-1])
    if unit := by_code(config, stem):  # "TTVHTT.xlsx": named by its code alone
        return unit
    stem = re.sub(r"[\d_]+", " ", stem)
    return by_name(config, stem).unit
