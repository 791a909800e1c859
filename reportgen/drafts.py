"""Numbered drafts in outputs/<Y>/, written atomically and recorded in a manifest."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any, cast, get_args

from .changes import describe_changes
from .errors import ReportgenError
from .files import atomic_write, numbered, sha256_bytes
from .models import FileStatus, InputFile

MANIFEST = "manifest.json"


@dataclass(frozen=True)
class DraftFiles:
    """The files of one draft."""

    number: int
    docx: Path
    json: Path
    problems: Path


@dataclass(frozen=True)
class ManifestEntry:
    """What the manifest records about one draft."""

    number: int
    time: str  # ISO 8601, from the clock the caller passed in
    tool_version: str
    config_sha256: str
    template_sha256: str
    inputs: tuple[InputFile, ...]
    fingerprint: str
    docx: str  # file names, relative to outputs/<Y>/
    docx_sha256: str
    json: str
    json_sha256: str
    problems: str
    problems_sha256: str
    problem_count: int
    changes: tuple[str, ...]
    final: bool = False

    def as_json(self) -> dict[str, Any]:
        """The entry as the manifest stores it, keys in a fixed order."""
        return {
            "number": self.number,
            "time": self.time,
            "tool_version": self.tool_version,
            "config_sha256": self.config_sha256,
            "template_sha256": self.template_sha256,
            "inputs": [
                {"name": f.name, "sha256": f.sha256, "unit": f.unit, "status": f.status}
                for f in self.inputs
            ],
            "fingerprint": self.fingerprint,
            "docx": self.docx,
            "docx_sha256": self.docx_sha256,
            "json": self.json,
            "json_sha256": self.json_sha256,
            "problems": self.problems,
            "problems_sha256": self.problems_sha256,
            "problem_count": self.problem_count,
            "changes": list(self.changes),
            "final": self.final,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ManifestEntry:
        """Read an entry back; KeyError/TypeError/ValueError when it is malformed."""
        inputs = tuple(
            InputFile(str(f["name"]), str(f["sha256"]), str(f["unit"]), _file_status(f["status"]))
            for f in data["inputs"]
        )
        return cls(
            number=int(data["number"]),
            time=str(data["time"]),
            tool_version=str(data["tool_version"]),
            config_sha256=str(data["config_sha256"]),
            template_sha256=str(data["template_sha256"]),
            inputs=inputs,
            fingerprint=str(data["fingerprint"]),
            docx=str(data["docx"]),
            docx_sha256=str(data["docx_sha256"]),
            json=str(data["json"]),
            json_sha256=str(data["json_sha256"]),
            problems=str(data["problems"]),
            problems_sha256=str(data["problems_sha256"]),
            problem_count=int(data["problem_count"]),
            changes=tuple(str(line) for line in data["changes"]),
            final=bool(data.get("final", False)),
        )


def _file_status(value: object) -> FileStatus:
    """An input's status as the manifest recorded it; ValueError when it is none of them."""
    if value not in get_args(FileStatus):
        raise ValueError(f"unknown input status {value!r}")
    return cast(FileStatus, value)


@dataclass(frozen=True)
class PublishResult:
    """What a build did: a new draft, or nothing because nothing changed."""

    draft: DraftFiles
    created: bool  # False: identical inputs/config/template to the latest draft, nothing written
    changes: tuple[str, ...]  # Vietnamese lines; empty for the first draft


def draft_files(out_dir: Path, year: int, number: int) -> DraftFiles:
    """The paths of draft `number` of `year`."""
    stem = f"BaoCao_{year}_du-thao-{number:02d}"
    return DraftFiles(
        number, out_dir / f"{stem}.docx", out_dir / f"{stem}.json", out_dir / f"{stem}_van-de.xlsx"
    )


def _manifest_path(out_dir: Path) -> Path:
    return out_dir / MANIFEST


def read_manifest(out_dir: Path, year: int) -> list[ManifestEntry]:
    """The drafts the manifest records, oldest first; empty when there is no manifest."""
    path = _manifest_path(out_dir)
    if not path.exists():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if int(data.get("year", year)) != year:
            raise ValueError("year")
        entries = [ManifestEntry.from_json(item) for item in data["drafts"]]
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ReportgenError(
            f"Tệp {path} bị hỏng hoặc không đúng năm {year} nên không đọc được danh sách dự thảo."
            " Hãy khôi phục tệp này từ bản sao lưu (không xóa các dự thảo đã có) rồi chạy lại."
        ) from exc
    return sorted(entries, key=lambda e: e.number)


def manifest_bytes(year: int, entries: Sequence[ManifestEntry]) -> bytes:
    """The manifest file's bytes: UTF-8, readable, keys in a fixed order."""
    data = {"year": year, "drafts": [e.as_json() for e in sorted(entries, key=lambda e: e.number)]}
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write_manifest(out_dir: Path, year: int, entries: Sequence[ManifestEntry]) -> None:
    """Replace the manifest atomically."""
    atomic_write(_manifest_path(out_dir), manifest_bytes(year, entries), overwrite=True)


def list_drafts(out_dir: Path, year: int) -> list[ManifestEntry]:
    """The drafts of a year, oldest first (for `history`)."""
    return read_manifest(out_dir, year)


def find_draft(out_dir: Path, year: int, number: int | None) -> ManifestEntry:
    """One draft of the manifest, the latest when `number` is None."""
    entries = read_manifest(out_dir, year)
    if not entries:
        raise ReportgenError(
            f"Chưa có dự thảo nào của năm {year} trong {out_dir}. Hãy chạy `reportgen build` trước."
        )
    if number is None:
        return entries[-1]
    for entry in entries:
        if entry.number == number:
            return entry
    known = ", ".join(str(e.number) for e in entries)
    raise ReportgenError(f"Không có dự thảo số {number} của năm {year} (các dự thảo có: {known}).")


def _highest_number_on_disk(out_dir: Path, year: int) -> int:
    """The highest draft number any file in the folder carries (even one not in the manifest)."""
    return max(numbered(out_dir, rf"(?:LuuTru_)?BaoCao_{year}_du-thao-(\d+)(?:[._].*)?"), default=0)


def fingerprint(
    inputs: Sequence[InputFile],
    config_digest: str,
    template_digest: str,
    docx_sha256: str,
    json_sha256: str,
) -> str:
    """What makes a draft different from another: neither the time nor the tool version."""
    digest = hashlib.sha256()
    for f in sorted(inputs, key=lambda f: f.name):
        digest.update(f"input\0{f.name}\0{f.sha256}\0{f.unit}\0{f.status}\n".encode())
    for label, value in (
        ("config", config_digest),
        ("template", template_digest),
        ("docx", docx_sha256),
        ("json", json_sha256),
    ):
        digest.update(f"{label}\0{value}\n".encode())
    return digest.hexdigest()


def figures_bytes(figures: Mapping[str, Any]) -> bytes:
    """The JSON of figures as written beside the draft."""
    return (json.dumps(figures, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def load_figures(path: Path) -> dict[str, Any]:
    """Read a draft's JSON of figures back."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ReportgenError(f"Không tìm thấy tệp {path}.") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ReportgenError(f"Tệp {path} bị hỏng, không đọc được số liệu trong đó.") from exc
    if not isinstance(data, dict):
        raise ReportgenError(f"Tệp {path} không phải tệp số liệu của một dự thảo.")
    return data


def _changes_since(
    out_dir: Path, previous: ManifestEntry | None, figures: Mapping[str, Any]
) -> tuple[str, ...]:
    """Change lines against the previous draft's JSON, or a note when it cannot be read."""
    if previous is None:
        return ()
    try:
        old = load_figures(out_dir / previous.json)
    except ReportgenError as exc:  # gone or damaged: say which, as load_figures words it
        return (f"Không so sánh được với dự thảo {previous.number:02d}: {exc.message}",)
    return describe_changes(old, figures)


def publish_draft(
    out_dir: Path,
    year: int,
    *,
    docx: bytes,
    figures: dict[str, Any],
    problems_xlsx: bytes,
    inputs: Sequence[InputFile],
    config_digest: str,
    template_digest: str,
    tool_version: str,
    now: datetime,
) -> PublishResult:
    """Write a new numbered draft unless it would be identical to the latest one."""
    json_data = figures_bytes(figures)
    docx_sha, json_sha = sha256_bytes(docx), sha256_bytes(json_data)
    mark = fingerprint(inputs, config_digest, template_digest, docx_sha, json_sha)
    entries = read_manifest(out_dir, year)
    latest = entries[-1] if entries else None
    # A clerk may reword the latest .docx in Word: unchanged inputs must not replace it.
    # Only when that draft's .docx is gone is a new draft worth writing.
    if latest is not None and latest.fingerprint == mark and (out_dir / latest.docx).exists():
        return PublishResult(draft_files(out_dir, year, latest.number), False, ())
    highest = max([_highest_number_on_disk(out_dir, year)] + [e.number for e in entries])
    files = draft_files(out_dir, year, highest + 1)
    changes = _changes_since(out_dir, latest, figures)
    entry = ManifestEntry(
        number=files.number,
        time=now.isoformat(timespec="seconds"),
        tool_version=tool_version,
        config_sha256=config_digest,
        template_sha256=template_digest,
        inputs=tuple(sorted(inputs, key=lambda f: f.name)),
        fingerprint=mark,
        docx=files.docx.name,
        docx_sha256=docx_sha,
        json=files.json.name,
        json_sha256=json_sha,
        problems=files.problems.name,
        problems_sha256=sha256_bytes(problems_xlsx),
        problem_count=len(figures.get("problems", ())),
        changes=changes,
    )
    written: list[Path] = []
    try:
        for path, data in (
            (files.docx, docx),
            (files.json, json_data),
            (files.problems, problems_xlsx),
        ):
            atomic_write(path, data)
            written.append(path)
        write_manifest(out_dir, year, [*entries, entry])
    except ReportgenError:
        for path in written:  # this draft's own, incomplete files; earlier drafts untouched
            path.unlink(missing_ok=True)
        raise
    return PublishResult(files, True, changes)


def mark_final(out_dir: Path, year: int, number: int) -> list[ManifestEntry]:
    """The manifest's entries with draft `number` marked final (not written)."""
    entries = read_manifest(out_dir, year)
    return [replace(e, final=True) if e.number == number else e for e in entries]
