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


def by_name(config: Config, name: str) -> Identified:
    """The registry unit a written name means; unknown or ambiguous names explained."""
    key = name_key(name, config.spellings)
    if not key:
        return Identified(None, "không có tên đơn vị")
    exact = [u for u in config.units if key in _keys(u, config)]
    if len(exact) == 1:
        return Identified(exact[0])
    words = set(key.split())
    contained = [
        (len(k.split()), u)
        for u in config.units
        for k in _keys(u, config)
        if set(k.split()) <= words
    ]
    if contained and not exact:
        best = max(size for size, _ in contained)
        winners = {u.code: u for size, u in contained if size == best}
        if len(winners) == 1:
            return Identified(next(iter(winners.values())))
        exact = list(winners.values())
    if len(exact) > 1:
        names = "; ".join(u.name for u in exact)
        return Identified(None, f'tên đơn vị "{name}" khớp với nhiều đơn vị: {names}')
    return Identified(None, f'không nhận ra đơn vị "{name}"' + _closest(config, key))


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
    stem = re.sub(r"[\d_]+", " ", stem)
    return by_name(config, stem).unit
