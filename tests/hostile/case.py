"""One case of the hostile corpus: how its file is made and what the tool must say of it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.hostile.parts import Slot, write

Make = Callable[[Path, Slot], str]  # (year folder, unit) -> the file's name as shown


@dataclass(frozen=True)
class Case:
    """A hostile file or folder; `codes` are the problem codes that may name it (one must),
    `uses` the library uses its unit must show when its data is read, `unit` whether it takes
    a unit of its own in the batch (its data is read), `ignored` for clutter never read."""

    id: str
    make: Make
    codes: tuple[str, ...] = ()
    sheet: str = ""
    cell: str = ""
    uses: int | None = None
    unit: bool = False
    ignored: bool = False
    needs: str = ""  # "soffice", "not-root": skipped without it
    says: str = ""  # words one of its problems' messages must hold


def file_case(
    id: str, name: str, data: Callable[[Slot], bytes], *codes: str, **kwargs: object
) -> Case:
    """A case that is one file of the given name and bytes."""

    def make(folder: Path, slot: Slot) -> str:
        write(folder / name, data(slot))
        return name

    return Case(id, make, codes, **kwargs)  # type: ignore[arg-type]


def read_case(id: str, name: str, data: Callable[[Slot], bytes], uses: int, *codes: str) -> Case:
    """A file whose unit's data must be read, showing `uses`; `codes` warnings or errors named."""
    return file_case(id, name, data, *codes, uses=uses, unit=True)
