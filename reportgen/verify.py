"""Rebuild a final archive's figures from the zip alone and compare them with those it holds."""

from __future__ import annotations

import hashlib
import json
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from . import __version__
from .archive import SUMS, parse_sums
from .changes import describe_changes
from .config import load_config
from .drafts import figures_bytes
from .errors import ReportgenError
from .export import figures_json
from .manifest import MANIFEST, ManifestEntry
from .reproduce import year_figures
from .workspace import Workspace


@dataclass(frozen=True)
class VerifyResult:
    """What rebuilding an archive's figures from the zip alone found."""

    path: Path
    year: int
    number: int
    damaged: tuple[str, ...]  # members that differ from the archive's own SHA256SUMS.txt
    changes: tuple[str, ...]  # the differences in the report's words, by name
    differences: tuple[str, ...]  # every key of the figures JSON that differs
    tool_version: str  # the version that made the draft; the figures may differ across versions

    @property
    def reproduced(self) -> bool:
        """True when nothing differs: the archive reproduces its own figures."""
        return not (self.damaged or self.differences)

    @property
    def same_version(self) -> bool:
        """Whether this reportgen is the version that made the archived draft."""
        return self.tool_version == __version__


def _open(path: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except FileNotFoundError:
        raise ReportgenError(f"Không tìm thấy tệp lưu trữ {path}.") from None
    except (zipfile.BadZipFile, OSError) as exc:
        raise ReportgenError(f"Tệp {path} không phải tệp lưu trữ .zip đọc được ({exc}).") from exc


def _archived_entry(archive: zipfile.ZipFile, path: Path) -> tuple[int, ManifestEntry]:
    """The year and the manifest entry of the draft the archive holds."""
    names = set(archive.namelist())
    try:
        data = json.loads(archive.read(MANIFEST).decode("utf-8"))
        year = int(data["year"])
        entries = [ManifestEntry.from_json(item) for item in data["drafts"]]
    except (KeyError, UnicodeDecodeError, ValueError, TypeError, AttributeError) as exc:
        raise ReportgenError(
            f"Tệp lưu trữ {path} không có {MANIFEST} đọc được nên không biết nó giữ dự thảo nào."
        ) from exc
    held = [e for e in entries if e.json in names and e.docx in names]
    if not held:
        raise ReportgenError(f"Tệp lưu trữ {path} không chứa tệp số liệu của dự thảo nào.")
    return year, next((e for e in held if e.final), held[-1])


def _damaged(archive: zipfile.ZipFile) -> list[str]:
    """Members whose content differs from what the archive's SHA256SUMS.txt records."""
    try:
        text = archive.read(SUMS).decode("utf-8")
    except (KeyError, UnicodeDecodeError):
        return [f"không có {SUMS} đọc được để kiểm tra từng tệp"]
    names = set(archive.namelist())
    lines = []
    for name, digest in parse_sums(text).items():
        if name not in names:
            lines.append(f"thiếu tệp {name}")
        elif hashlib.sha256(archive.read(name)).hexdigest() != digest:
            lines.append(f"tệp {name} khác với mã SHA-256 ghi trong {SUMS}")
    return lines


def _unpack(archive: zipfile.ZipFile, folder: Path) -> None:
    """Every member under `folder`; a name that would land outside it is refused."""
    for name in archive.namelist():
        parts = PurePosixPath(name).parts
        if name.startswith("/") or ".." in parts or (parts and ":" in parts[0]):
            raise ReportgenError(f"Tệp lưu trữ có tên tệp không hợp lệ: {name}; không giải nén.")
        if name.endswith("/"):
            continue
        target = folder.joinpath(*parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(archive.read(name))


def _flat(value: Any, key: str = "") -> dict[str, Any]:
    """Every leaf of a JSON value by its path: `indicators[2].numerator`."""
    if isinstance(value, dict):
        return {
            k: v for name, item in value.items() for k, v in _flat(item, f"{key}.{name}").items()
        } or {key: {}}
    if isinstance(value, list):
        return {
            k: v for i, item in enumerate(value) for k, v in _flat(item, f"{key}[{i}]").items()
        } or {key: []}
    return {key: value}


def _shown(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def key_differences(archived: dict[str, Any], rebuilt: dict[str, Any]) -> tuple[str, ...]:
    """One Vietnamese line for every key whose value differs, is missing or is new."""
    old, new = _flat(archived), _flat(rebuilt)
    lines = []
    for key in sorted(old.keys() | new.keys()):
        name = key.lstrip(".")
        if key not in new:
            lines.append(f"{name}: bản lưu trữ ghi {_shown(old[key])}, tính lại không có")
        elif key not in old:
            lines.append(f"{name}: bản lưu trữ không có, tính lại được {_shown(new[key])}")
        elif old[key] != new[key]:
            lines.append(
                f"{name}: bản lưu trữ ghi {_shown(old[key])}, tính lại được {_shown(new[key])}"
            )
    return tuple(lines)


def verify_archive(path: Path) -> VerifyResult:
    """Unpack an archive to a temporary folder, rebuild its figures there, compare them."""
    with _open(path) as archive:
        year, entry = _archived_entry(archive, path)
        damaged = tuple(_damaged(archive))
        try:
            archived = json.loads(archive.read(entry.json).decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise ReportgenError(f"Tệp {entry.json} trong {path} bị hỏng.") from exc
        with tempfile.TemporaryDirectory(prefix="reportgen-kiem-tra-") as tmp:
            root = Path(tmp)
            _unpack(archive, root)
            workspace = Workspace.at(root)
            config = load_config(workspace)
            made = year_figures(workspace, year, config)
            rebuilt = json.loads(figures_bytes(figures_json(made.figures, config)))
    return VerifyResult(
        path=path,
        year=year,
        number=entry.number,
        damaged=damaged,
        changes=describe_changes(archived, rebuilt),
        differences=key_differences(archived, rebuilt),
        tool_version=entry.tool_version,
    )
