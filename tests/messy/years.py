"""The clean, messy and bad years' workspaces: configuration, template and the units' files."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

from tests.messy.data import (
    BAD_CELLS,
    BAD_FILES,
    BASELINE_2024,
    DRAFT,
    EARLIER_SAVED,
    MESSY_FILES,
    MESSY_STYLES,
    OLDER,
    OLDER_DUPLICATE,
    STRANGER_UNITS,
    STRANGERS,
    UNITS,
    YEAR,
    Style,
)
from tests.messy.writer import write_workbook

ROOT = Path(__file__).resolve().parents[2]
SOFFICE = shutil.which("soffice")


def make_workspace(root: Path) -> Path:
    """A clerk's folder: the project's configuration and template, a 2024 baseline, no inputs."""
    shutil.copytree(ROOT / "config", root / "config")
    shutil.copytree(ROOT / "templates", root / "templates")
    plan = root / "config" / "plan.toml"
    text = plan.read_text(encoding="utf-8")
    assert "library_uses = {}" in text
    plan.write_text(
        text.replace("library_uses = {}", f"library_uses = {{ 2024 = {BASELINE_2024} }}"),
        encoding="utf-8",
    )
    (root / "inputs" / str(YEAR)).mkdir(parents=True)
    return root / "inputs" / str(YEAR)


def soffice_convert(path: Path, to: str) -> Path | None:
    """The workbook saved again by LibreOffice (formulas recalculated) as `to`, or None."""
    if SOFFICE is None:
        return None
    profile = path.parent.parent / ".lo-profile"
    outdir = path.parent.parent / ".lo-out"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            str(outdir),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    shutil.rmtree(profile, ignore_errors=True)
    converted = outdir / f"{path.stem}.{to}"
    if not converted.is_file():
        return None
    path.unlink()
    target = path.with_suffix(f".{to}")
    shutil.move(converted, target)
    shutil.rmtree(outdir)
    return target


def _encrypted(data: bytes) -> bytes | None:
    """The workbook protected by the password "matkhau", or None without msoffcrypto."""
    try:
        from msoffcrypto.format.ooxml import OOXMLFile
    except ImportError:
        return None
    out = io.BytesIO()
    OOXMLFile(io.BytesIO(data)).encrypt("matkhau", out)
    return out.getvalue()


def write_clean_year(root: Path) -> Path:
    """Every unit's workbook in the contract's clean form, named "<code> - <name>.xlsx"."""
    folder = make_workspace(root)
    for unit in UNITS:
        write_workbook(folder / f"{unit.code} - {unit.name}.xlsx", unit)
    return root


def write_messy_year(root: Path) -> Path:
    """The same workbooks as each unit's MESSY_STYLES writes them, one saved as a legacy .xls."""
    folder = make_workspace(root)
    for unit in UNITS:
        path = folder / MESSY_FILES[unit.code]
        # PGDDT's formulas get their values from LibreOffice where it is installed
        by_soffice = unit.code == "PGDDT" and SOFFICE is not None
        write_workbook(path, unit, MESSY_STYLES[unit.code], cache=not by_soffice)
        if by_soffice:
            assert soffice_convert(path, "xlsx") == path
    soffice_convert(folder / MESSY_FILES["XA-HAMON"], "xls")
    return root


def write_bad_year(root: Path) -> list[tuple[str, str, str, str]]:
    """The bad year's files; returns each bad cell as (file, sheet as written, cell, words)."""
    folder = make_workspace(root)
    where: list[tuple[str, str, str, str]] = []  # (file, sheet as written, cell, quoted words)
    for unit in UNITS:
        overrides = {key: value for code, key, value, _ in BAD_CELLS if code == unit.code}
        style = MESSY_STYLES["TTVHTT"] if unit.code == "TTVHTT" else None
        cells = write_workbook(folder / BAD_FILES[unit.code], unit, style, overrides)
        for code, key, _, words in BAD_CELLS:
            if code == unit.code:
                where.append((BAD_FILES[unit.code], *cells[key], words))
    write_workbook(folder / OLDER_DUPLICATE, OLDER, Style(None, numbers_as_text=False))
    write_workbook(folder / EARLIER_SAVED, DRAFT)
    newer = (folder / BAD_FILES["XA-NGOKWANG"]).stat().st_mtime
    os.utime(folder / EARLIER_SAVED, (newer - 86_400, newer - 86_400))
    for file, unit in zip(STRANGERS, STRANGER_UNITS, strict=True):
        write_workbook(folder / file, unit, Style(None))
    good = (folder / BAD_FILES["XA-DAKUI"]).read_bytes()
    (folder / "hong.xlsx").write_text("Đây không phải bảng tính", encoding="utf-8")
    (folder / "trong.xlsx").write_bytes(b"")
    (folder / "cat ngang.xlsx").write_bytes(good[: len(good) // 2])
    locked = _encrypted(good)
    if locked is not None:
        (folder / "mat khau.xlsx").write_bytes(locked)
    (folder / "~$PGDDT.xlsx").write_bytes(b"\x0bNguyen Lan" + b"\x00" * 40)
    (folder / ".~lock.PGDDT.xlsx#").write_text(",Lan,MAY-01,05.11.2025 08:00,file:///;")
    (folder / ".bao cao an.xlsx").write_bytes(good[:100])
    return where
