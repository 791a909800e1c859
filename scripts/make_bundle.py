"""Build the offline bundle for offices with a poor connection: one zip the clerk unpacks.

It holds reportgen and every dependency as wheels for 64-bit Windows and each supported
Python, the .bat files the clerk double-clicks (scripts/windows/), a short guide, and the
workspace's config/ and templates/. The wheels are checked complete, for each Python, by
resolving reportgen from them alone.

    python scripts/make_bundle.py [--out dist]         # reportgen-<version>-windows-x64.zip
    python scripts/make_bundle.py --here [--out DIR]   # the same for this machine and Python

`--here` is the Linux (or macOS) counterpart the tests install offline into a fresh venv.
"""

from __future__ import annotations

import argparse
import email.parser
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from packaging.requirements import Requirement
from packaging.tags import compatible_tags, cpython_tags
from packaging.utils import canonicalize_name, parse_wheel_filename

from reportgen.files import is_clutter, stable_zip

ROOT = Path(__file__).resolve().parents[1]
WINDOWS = ROOT / "scripts" / "windows"
WINDOWS_PLATFORM = "win_amd64"
WINDOWS_PYTHONS = ("3.10", "3.11", "3.12", "3.13", "3.14")  # requires-python >= 3.10
REQUIREMENT = "reportgen[word]"  # Word's automation (pywin32) comes along on Windows
WORKSPACE_FOLDERS = ("config", "templates")
_CACHES = shutil.ignore_patterns("__pycache__", "*.pyc")
ZIP_TIME = (2025, 1, 1, 0, 0, 0)
SOURCE_DATE_EPOCH = "1735689600"  # the same moment: the tool's own wheel is reproducible too


class BundleError(Exception):
    """pip could not make or check the bundle; the message holds what pip said."""


@dataclass(frozen=True)
class Target:
    """Whose wheels: a platform and Python versions, or (None, ()) for this interpreter."""

    platform: str | None
    pythons: tuple[str, ...]

    def pip_options(self, python: str | None) -> list[str]:
        """pip's options choosing binary wheels of this target (and of one of its Pythons)."""
        if self.platform is None:
            return ["--only-binary=:all:"]
        return [
            "--only-binary=:all:",
            f"--platform={self.platform}",
            f"--python-version={python}",
            "--implementation=cp",
        ]

    def versions(self) -> tuple[str | None, ...]:
        return self.pythons or (None,)


WINDOWS_TARGET = Target(WINDOWS_PLATFORM, WINDOWS_PYTHONS)
HERE_TARGET = Target(None, ())


def pip_environment(*, isolated: bool = False) -> dict[str, str]:
    """The environment pip runs in; isolated: no pip configuration, so no other wheel folders."""
    if not isolated:
        return {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    kept = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    return {**kept, "PIP_CONFIG_FILE": os.devnull, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}


def _pip(*args: str, isolated: bool = False) -> str:
    """Run this Python's pip; its output, or BundleError with it."""
    environ = pip_environment(isolated=isolated)
    done = subprocess.run(
        [sys.executable, "-m", "pip", *args],
        capture_output=True,
        text=True,
        env=environ,
        check=False,
    )
    if done.returncode != 0:
        raise BundleError(f"pip {' '.join(args[:2])} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def own_wheel(folder: Path) -> Path:
    """reportgen's own wheel, built from a copy of this checkout (left clean: no build/)."""
    source = folder / "source"
    shutil.copytree(ROOT / "reportgen", source / "reportgen", ignore=_CACHES)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    _pip("wheel", "--quiet", "--no-deps", "--wheel-dir", str(folder), str(source))
    (wheel,) = folder.glob("reportgen-*.whl")
    return wheel


def windows_markers(python: str) -> dict[str, str]:
    """The environment markers of 64-bit CPython `python` on Windows."""
    return {
        "os_name": "nt",
        "sys_platform": "win32",
        "platform_system": "Windows",
        "platform_machine": "AMD64",
        "implementation_name": "cpython",
        "platform_python_implementation": "CPython",
        "python_version": python,
        "python_full_version": f"{python}.0",
    }


def _serves(wheel: Path, python: str) -> bool:
    """Whether pip on 64-bit Windows with CPython `python` could install this wheel."""
    version = tuple(int(part) for part in python.split("."))
    supported = {
        *cpython_tags(version, platforms=[WINDOWS_PLATFORM]),
        *compatible_tags(version, f"cp{python.replace('.', '')}", [WINDOWS_PLATFORM]),
    }
    return bool(set(parse_wheel_filename(wheel.name)[3]) & supported)


def _requirements(wheel: Path) -> list[Requirement]:
    """The Requires-Dist lines of a wheel's METADATA."""
    with zipfile.ZipFile(wheel) as z:
        (name,) = [n for n in z.namelist() if n.endswith(".dist-info/METADATA")]
        metadata = email.parser.BytesParser().parsebytes(z.read(name))
    return [Requirement(line) for line in metadata.get_all("Requires-Dist") or []]


def unmet(folder: Path, python: str) -> list[str]:
    """Requirements that apply on Windows with `python` and that no wheel in `folder` meets.

    pip judges markers (`sys_platform == 'win32'`, `python_version < '3.11'`) by the machine
    it runs on, whatever `--platform` says; this judges them as the clerk's machine will.
    """
    wheels = [w for w in sorted(folder.glob("*.whl")) if _serves(w, python)]
    have = {canonicalize_name(parse_wheel_filename(w.name)[0]) for w in wheels}
    wanted: set[str] = set()
    for wheel in wheels:
        extras = ("", "word") if wheel.name.startswith("reportgen-") else ("",)
        for requirement in _requirements(wheel):
            marker = requirement.marker
            applies = marker is None or any(
                marker.evaluate({**windows_markers(python), "extra": extra}) for extra in extras
            )
            if applies and canonicalize_name(requirement.name) not in have:
                requirement.marker = None
                wanted.add(str(requirement))
    return sorted(wanted)


def download(wheel: Path, target: Target, folder: Path) -> None:
    """Every wheel reportgen needs on the target, for each of its Pythons, into `folder`."""
    requirement = f"{REQUIREMENT} @ {wheel.resolve().as_uri()}"
    for python in target.versions():
        _pip("download", "--quiet", *target.pip_options(python), "--dest", str(folder), requirement)
        if target.platform != WINDOWS_PLATFORM or python is None:
            continue
        while missing := unmet(folder, python):  # Windows-only ones, and their own
            _pip(
                "download", "--quiet", *target.pip_options(python), "--dest", str(folder), *missing
            )


def check_complete(folder: Path, target: Target) -> None:
    """Resolve reportgen from `folder` alone, as the offline install will, for each Python."""
    for python in target.versions():
        if target.platform == WINDOWS_PLATFORM and python and (missing := unmet(folder, python)):
            raise BundleError(f"no wheel for Python {python} on Windows: {', '.join(missing)}")
        with tempfile.TemporaryDirectory() as scratch:
            _pip(
                "download",
                "--quiet",
                "--no-index",
                f"--find-links={folder}",
                *target.pip_options(python),
                "--dest",
                scratch,
                REQUIREMENT,
                isolated=True,
            )


def crlf(data: bytes) -> bytes:
    """Text with Windows line endings, whatever a checkout made of them."""
    return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def _files(folder: Path) -> Iterator[Path]:
    return (
        p
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not is_clutter(p.relative_to(folder).as_posix())
    )


def members(wheels: Path) -> list[tuple[str, bytes]]:
    """What the zip holds, by name: the clerk's files first, then the workspace and wheels."""
    found = [(p.name, crlf(p.read_bytes())) for p in _files(WINDOWS)]
    for name in WORKSPACE_FOLDERS:
        found += [(p.relative_to(ROOT).as_posix(), p.read_bytes()) for p in _files(ROOT / name)]
    found += [(f"wheels/{p.name}", p.read_bytes()) for p in sorted(wheels.glob("*.whl"))]
    return found


def bundle_name(version: str, target: Target) -> str:
    """reportgen-0.1.0-windows-x64.zip, or e.g. reportgen-0.1.0-linux-x86_64-py3.11.zip."""
    if target.platform == WINDOWS_PLATFORM:
        return f"reportgen-{version}-windows-x64.zip"
    here = f"{sysconfig.get_platform()}-py{sys.version_info.major}.{sys.version_info.minor}"
    return f"reportgen-{version}-{here}.zip"


def make_bundle(out: Path, target: Target = WINDOWS_TARGET) -> Path:
    """Build, check and write the bundle into `out`; its path."""
    with tempfile.TemporaryDirectory(prefix="reportgen-bundle-") as work:
        wheel = own_wheel(Path(work, "own"))
        wheels = Path(work, "wheels")
        download(wheel, target, wheels)
        check_complete(wheels, target)
        version = wheel.name.split("-")[1]
        path = out / bundle_name(version, target)
        out.mkdir(parents=True, exist_ok=True)
        path.write_bytes(stable_zip(members(wheels), ZIP_TIME))
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="folder of the zip")
    parser.add_argument(
        "--here", action="store_true", help="wheels for this machine and Python, not Windows"
    )
    args = parser.parse_args(argv)
    try:
        path = make_bundle(args.out, HERE_TARGET if args.here else WINDOWS_TARGET)
    except BundleError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"{path} ({path.stat().st_size // 1_000_000} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
