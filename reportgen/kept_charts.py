"""Charts drawn before, kept by what they show: a redraft whose charts show the same figures
takes them from here instead of loading matplotlib again (its import and the drawing are 0,5 s
of a district's 0,9 s build).

A chart's key is a SHA-256 over everything its bytes depend on: its kind and data, this
program's drawing code (charts.py and fmt.py, byte for byte), the versions of matplotlib,
Pillow, NumPy and kiwisolver (which solves the constrained layout), and Python's (whose Unicode
tables compose and wrap the labels). Each kept file starts with a digest of its key and its
PNG, so a file damaged on disk (cut short, a bit flipped, saved over by an image editor) is
drawn again, never used. The digest is no signature: whoever can write the workspace could
plant a chart, as they could change config/ or the template. Keeping is best effort: a folder
that cannot be written only means the charts are drawn each time."""

from __future__ import annotations

import hashlib
import os
import re
import sys
import time
import unicodedata
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import TypeVar

from . import charts, fmt
from .errors import ReportgenError
from .files import atomic_write, hide, remove_temp_files

T = TypeVar("T")
KEPT_MOST = 48  # charts kept in the folder; those unused the longest go first
_PNG = b"\x89PNG\r\n\x1a\n"
_DIGEST = 32  # bytes of SHA-256 before the PNG
_NAME = re.compile(r"[0-9a-f]{64}\.chart")  # a kept chart's file name: its key
# What a chart's pixels and PNG bytes depend on outside this program: (package, the files in
# it that change with its version). kiwisolver keeps its version in its compiled module only.
_LIBRARIES = (
    ("matplotlib", "_version.py"),
    ("PIL", "_version.py"),
    ("numpy", "version.py"),
    ("kiwisolver", "_cext*"),
)


def chart(folder: Path | None, draw: Callable[[Sequence[T]], bytes], items: Sequence[T]) -> bytes:
    """The PNG `draw(items)` makes (charts.share_chart and the others): kept in `folder` from
    an earlier run, or drawn now and kept there (never kept when `folder` is None)."""
    key = _key(draw, items)
    if folder is None or key is None:
        return draw(items)
    path = folder / f"{key}.chart"
    png = _kept(path, key)
    if png is None:
        png = draw(items)
        _keep(folder, path, key, png)
    return png


def _key(draw: Callable[[Sequence[T]], bytes], items: Sequence[T]) -> str | None:
    """The chart's key, or None when the libraries' versions cannot be told (never kept)."""
    code = _drawing_code()
    if code is None:
        return None
    # The chart's kind is the function drawing it; its items are frozen dataclasses of str,
    # int and Fraction, whose repr is the same in every run and names every value.
    kind = f"{draw.__module__}.{draw.__qualname__}"
    return hashlib.sha256(code + kind.encode() + b"\0" + repr(tuple(items)).encode()).hexdigest()


@cache
def _drawing_code() -> bytes | None:
    """A digest of the drawing code and of the libraries' versions (read from their version
    files, which costs nothing, where importing matplotlib or importlib.metadata would)."""
    from importlib.util import find_spec

    parts = [f"{sys.version} {unicodedata.unidata_version}".encode()]
    try:
        parts += [Path(charts.__file__).read_bytes(), Path(fmt.__file__).read_bytes()]
        for package, pattern in _LIBRARIES:
            spec = find_spec(package)
            if spec is None or spec.origin is None:
                return None
            found = sorted(Path(spec.origin).parent.glob(pattern))
            if not found:
                return None
            parts += [_version_of(path) for path in found]
    except OSError:  # installed where its files cannot be read (a zip, a frozen program)
        return None
    return hashlib.sha256(b"\0".join(parts)).digest()


def _version_of(path: Path) -> bytes:
    """What tells a library's version in one of its files: a version file's text; for a
    compiled module (megabytes), its name, size and time of installation."""
    found = path.stat()
    if found.st_size <= 65536:
        return path.read_bytes()
    return f"{path.name} {found.st_size} {found.st_mtime_ns}".encode()


def _digest(key: str, png: bytes) -> bytes:
    return hashlib.sha256(key.encode() + png).digest()


def _kept(path: Path, key: str) -> bytes | None:
    """The PNG kept at `path`, or None when there is none or it is not whole and unchanged."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    png = data[_DIGEST:]
    if not png.startswith(_PNG) or data[:_DIGEST] != _digest(key, png):
        return None
    try:
        os.utime(path)  # used now: the last to be let go
    except OSError:
        pass
    return png


def _keep(folder: Path, path: Path, key: str, png: bytes) -> None:
    """Keep a chart, then let go of the charts unused the longest past KEPT_MOST."""
    try:
        if not folder.exists():
            folder.mkdir(parents=True)
            hide(folder)
        atomic_write(path, _digest(key, png) + png, overwrite=True)
        remove_temp_files(folder, older_than=time.time() - 3600)  # of runs stopped midway
        ours = [p for p in folder.iterdir() if _NAME.fullmatch(p.name)]
        for old in sorted(ours, key=_last_used, reverse=True)[KEPT_MOST:]:
            old.unlink(missing_ok=True)
    except (ReportgenError, OSError):
        pass  # not kept: the next run draws it again


def _last_used(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
