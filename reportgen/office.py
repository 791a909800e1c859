"""The office programs a machine has to make PDFs (LibreOffice, else Word), and the official font.

Each finder takes the platform and the environment (this machine's when not given), so tests
stand a Windows or a macOS machine in for this one; the Windows registry is read through
`winreg`, imported only there.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

LIBREOFFICE = "LibreOffice"
WORD = "Microsoft Word"
_ON_PATH = ("soffice", "libreoffice")
_MACOS_APP = "/Applications/LibreOffice.app/Contents/MacOS/soffice"
_REGISTRY_LIBREOFFICE = r"SOFTWARE\LibreOffice\UNO\InstallPath"  # value: <install>\program
_REGISTRY_WORD = r"Word.Application\CLSID"  # under HKEY_CLASSES_ROOT, where Word is installed
FONT = "Times New Roman"
_WINDOWS_FONT_FILE = "times.ttf"


@dataclass(frozen=True)
class Converter:
    """A program that turns a .docx into PDF, named as the clerk knows it."""

    name: str  # LIBREOFFICE or WORD, said on screen
    kind: Literal["libreoffice", "word"]
    program: str  # soffice; for Word, the Python that drives it through pywin32


def _registry_value(root: str, key: str) -> str | None:
    """The default value of a key of the Windows registry, or None where there is none."""
    winreg: Any = importlib.import_module("winreg")  # Windows only; Any: typed for win32 alone
    for view in (0, winreg.KEY_WOW64_32KEY):  # 64-bit programs, then 32-bit ones
        try:
            with winreg.OpenKey(getattr(winreg, root), key, 0, winreg.KEY_READ | view) as handle:
                value = winreg.QueryValueEx(handle, "")[0]
        except OSError:
            continue
        return str(value)
    return None


def _libreoffice_places(platform: str, environ: Mapping[str, str]) -> list[Path]:
    """Where LibreOffice's program is when its installer does not put it on PATH."""
    if platform == "darwin":
        return [Path(_MACOS_APP), Path(environ.get("HOME", "~"), _MACOS_APP.lstrip("/"))]
    if platform != "win32":
        return []
    places = []
    for root in ("HKEY_LOCAL_MACHINE", "HKEY_CURRENT_USER"):
        if folder := _registry_value(root, _REGISTRY_LIBREOFFICE):
            places.append(Path(folder, "soffice.exe"))
    for variable in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)", "LOCALAPPDATA"):
        if folder := environ.get(variable):
            sub = ("Programs",) if variable == "LOCALAPPDATA" else ()
            places.append(Path(folder, *sub, "LibreOffice", "program", "soffice.exe"))
    return places


def find_libreoffice(
    platform: str | None = None, environ: Mapping[str, str] | None = None
) -> str | None:
    """LibreOffice's program: on PATH, else where its installer puts it; None without it."""
    platform, environ = platform or sys.platform, os.environ if environ is None else environ
    search = environ.get("PATH", os.defpath)
    for name in _ON_PATH:
        if found := shutil.which(name, path=search):
            return found
    return next((str(p) for p in _libreoffice_places(platform, environ) if p.is_file()), None)


def word_installed(platform: str | None = None) -> bool:
    """Whether Microsoft Word is registered for automation on this (Windows) machine."""
    return (platform or sys.platform) == "win32" and _registry_value(
        "HKEY_CLASSES_ROOT", _REGISTRY_WORD
    ) is not None


def word_bridge_installed() -> bool:
    """Whether pywin32, which drives Word, is installed (the `word` extra)."""
    return importlib.util.find_spec("win32com") is not None


def find_converter(
    platform: str | None = None, environ: Mapping[str, str] | None = None
) -> Converter | None:
    """LibreOffice if the machine has it, else Word (with pywin32), else None."""
    if program := find_libreoffice(platform, environ):
        return Converter(LIBREOFFICE, "libreoffice", program)
    if word_installed(platform) and word_bridge_installed():
        return Converter(WORD, "word", sys.executable)
    return None


def _font_files(platform: str, environ: Mapping[str, str]) -> list[Path]:
    """Where the font's file is on Windows and macOS, system-wide or for this user."""
    if platform == "win32":
        return [
            Path(environ.get("WINDIR", r"C:\Windows"), "Fonts", _WINDOWS_FONT_FILE),
            Path(environ.get("LOCALAPPDATA", ""), "Microsoft", "Windows", "Fonts", "times.ttf"),
        ]
    home = environ.get("HOME", "~")
    return [
        Path(folder, f"{FONT}.ttf")
        for folder in (
            "/Library/Fonts",
            "/System/Library/Fonts/Supplemental",
            f"{home}/Library/Fonts",
        )
    ]


def has_official_font(
    platform: str | None = None, environ: Mapping[str, str] | None = None
) -> bool | None:
    """Whether Times New Roman is installed; None where the machine cannot tell."""
    platform, environ = platform or sys.platform, os.environ if environ is None else environ
    if platform in ("win32", "darwin") and any(p.is_file() for p in _font_files(platform, environ)):
        return True
    if platform == "win32":
        return False
    fc_match = shutil.which("fc-match", path=environ.get("PATH", os.defpath))
    if fc_match is None:
        return False if platform == "darwin" else None
    try:
        found = subprocess.run(
            [fc_match, "--format=%{family}", FONT],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return FONT.lower() in found.lower()  # fontconfig names its substitute when it has none
