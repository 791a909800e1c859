"""Cases of strange file names, folders, and workbooks that name their unit badly."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path
from typing import Any

from tests.hostile.case import Case, file_case, read_case
from tests.hostile.parts import Slot, as_xls, form, library, unit_bytes, workbook_bytes, write


def _named(name: str, uses: int) -> Case:
    """A clean return under a strange file name: read, and the name shown as it is."""
    return read_case(f"file-name-{_slug(name)}", name, lambda s: unit_bytes(s, uses), uses)


def _slug(name: str) -> str:
    return "".join(ch if ch.isascii() and ch.isalnum() else "-" for ch in name).strip("-") or "x"


def _ignored(id: str, name: str) -> Case:
    """Clutter: lock, hidden and temporary files of Excel and the system, never read."""
    return file_case(id, name, lambda s: unit_bytes(None, 777_777), ignored=True)


def _directory_named_xlsx(folder: Path, slot: Slot) -> str:
    (folder / "thu muc.xlsx").mkdir(parents=True)
    name = "thu muc.xlsx/ben trong.xlsx"
    write(folder / name, unit_bytes(slot, 501))
    return name


def _nested(folder: Path, slot: Slot) -> str:
    name = "quy 4/thang 12/gui lai/bao cao.xlsx"
    write(folder / name, unit_bytes(slot, 502))
    return name


def _unreadable(folder: Path, slot: Slot) -> str:
    write(folder / "khoa.xlsx", unit_bytes(None))
    os.chmod(folder / "khoa.xlsx", 0)
    return "khoa.xlsx"


def _made_on(workbook: dict[str, list[Any]], day: str) -> dict[str, list[Any]]:
    """The form with its `Ngày lập` changed to `day`: the unit's later sending."""
    info = workbook["Thông tin"]
    workbook["Thông tin"] = [r if r[0] != "Ngày lập" else ("Ngày lập", day) for r in info]
    return workbook


def _twice(folder: Path, slot: Slot) -> str:
    write(folder / "lan 1.xlsx", workbook_bytes(form(slot, library(1))))
    write(folder / "lan 2.xlsx", workbook_bytes(_made_on(form(slot, library(503)), "20/11/2025")))
    return "lan 1.xlsx"


def _xls_and_xlsx(folder: Path, slot: Slot) -> str:
    write(folder / "ban dau.xlsx", workbook_bytes(form(slot, library(2))))
    newer = _made_on(form(slot, library(602)), "21/11/2025")
    write(folder / "gui lai.xls", as_xls(workbook_bytes(newer)))
    return "ban dau.xlsx"


def _from_file_name(folder: Path, slot: Slot) -> str:
    name = f"{slot.code}.xlsx"
    write(folder / name, unit_bytes(None, 504))
    return name


def _unit(code: str, name: str, uses: int = 5) -> object:
    return lambda slot: workbook_bytes(form(Slot(code, name), library(uses)))


def _spaces(slot: Slot) -> bytes:
    return workbook_bytes(form(Slot("   ", "\u00a0 "), library(5)))


CASES: tuple[Case, ...] = (
    _named("=1+1.xlsx", 511),
    _named("+cmd.xlsx", 512),
    _named("-2+3.xlsx", 513),
    _named("@SUM(1).xlsx", 514),
    _named(" khoang trang .xlsx", 515),
    _named(unicodedata.normalize("NFD", "Báo cáo Đắk.xlsx"), 516),
    _named("Báo cáo " + "rất dài " * 20 + ".xlsx", 517),
    _named("CON.xlsx", 518),
    _named("NUL", 519),
    _named("aux.xlsx", 520),
    _named("bao cao\nhai dong.xlsx", 521),
    _named("tab\tva 'nhay' \"kep\".xlsx", 522),
    _ignored("excel-lock-file", "~$bao cao.xlsx"),
    _ignored("libreoffice-lock-file", ".~lock.bao cao.xlsx#"),
    _ignored("hidden-file", ".an.xlsx"),
    _ignored("thumbs-db", "Thumbs.db"),
    _ignored("hidden-folder", ".Trash-1000/files/cu.xlsx"),
    file_case("temp-file", "bao cao.xlsx.tmp", lambda s: b"\0" * 10, "file-empty"),
    Case("directory-named-xlsx", _directory_named_xlsx, uses=501, unit=True),
    Case("nested-subfolders", _nested, uses=502, unit=True),
    Case("unreadable-permissions", _unreadable, ("file-unreadable",), needs="not-root"),
    Case("same-unit-twice", _twice, ("duplicate-return",), uses=503, unit=True),
    file_case(
        "xls-named-xlsx",
        "cu.xlsx",
        lambda s: as_xls(unit_bytes(s, 601)),
        uses=601,
        unit=True,
        needs="soffice",
    ),
    Case(
        "same-unit-xlsx-and-xls",
        _xls_and_xlsx,
        ("duplicate-return",),
        uses=602,
        unit=True,
        needs="soffice",
    ),
    Case("unit-from-file-name", _from_file_name, ("unit-from-file-name",), uses=504, unit=True),
    file_case(
        "two-units-in-one-file",
        "hai don vi.xlsx",
        _unit("", "UBND xã Đắk La, Đắk Mar"),
        "unknown-unit",
    ),  # type: ignore[arg-type]
    file_case("unit-unknown", "la.xlsx", _unit("XA-IACHIM", "UBND xã Ia Chim"), "unknown-unit"),  # type: ignore[arg-type]
    file_case("unit-name-only-spaces", "trang.xlsx", _spaces, "unknown-unit"),
    file_case("unit-missing-no-hint", "khong ten.xlsx", _unit("", ""), "unknown-unit"),  # type: ignore[arg-type]
    file_case("unit-code-formula", "ma.xlsx", _unit('=HYPERLINK("x")', ""), "unknown-unit"),  # type: ignore[arg-type]
)
