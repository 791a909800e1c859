"""The manifest of a year's drafts: what each was made from, and which one is final."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, cast, get_args

from .errors import ReportgenError
from .files import atomic_write
from .models import EarlierInput, FileStatus, InputFile

MANIFEST = "manifest.json"


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
    final: bool = False  # the current final version: at most one draft of a year
    replaces: int | None = None  # the final version this one replaced when it was archived
    replaced_by: int | None = None  # a final version no longer: the draft archived after it
    # Earlier years' files the figures came from; empty in manifests written before they were kept
    earlier_inputs: tuple[EarlierInput, ...] = ()
    # The tables workbook of a report too large to list every row; "" when there is none
    tables: str = ""
    tables_sha256: str = ""

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
            "tables": self.tables,
            "tables_sha256": self.tables_sha256,
            "changes": list(self.changes),
            "final": self.final,
            "replaces": self.replaces,
            "replaced_by": self.replaced_by,
            "earlier_inputs": [
                {"year": f.year, "name": f.name, "sha256": f.sha256} for f in self.earlier_inputs
            ],
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
            tables=str(data.get("tables", "")),
            tables_sha256=str(data.get("tables_sha256", "")),
            changes=tuple(str(line) for line in data["changes"]),
            final=bool(data.get("final", False)),
            replaces=_number_or_none(data.get("replaces")),
            replaced_by=_number_or_none(data.get("replaced_by")),
            earlier_inputs=tuple(
                EarlierInput(int(f["year"]), str(f["name"]), str(f["sha256"]))
                for f in data.get("earlier_inputs", ())
            ),
        )


def _file_status(value: object) -> FileStatus:
    """An input's status as the manifest recorded it; ValueError when it is none of them."""
    if value not in get_args(FileStatus):
        raise ValueError(f"unknown input status {value!r}")
    return cast(FileStatus, value)


def _number_or_none(value: object) -> int | None:
    return None if value is None else int(cast(int, value))


def _manifest_path(out_dir: Path) -> Path:
    return out_dir / MANIFEST


def one_final(entries: Sequence[ManifestEntry]) -> list[ManifestEntry]:
    """The entries with at most one final version.

    A manifest written before the chain was kept may mark several drafts final: the highest
    number stays final, each earlier one is read as replaced by the next.
    """
    finals = [e.number for e in entries if e.final]
    later = dict(zip(finals, finals[1:], strict=False))
    earlier = dict(zip(finals[1:], finals, strict=False))
    return [
        replace(e, final=False, replaced_by=e.replaced_by or later[e.number])
        if e.number in later
        else replace(e, replaces=e.replaces or earlier[e.number])
        if e.number in earlier
        else e
        for e in entries
    ]


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
    return one_final(sorted(entries, key=lambda e: e.number))


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


def current_final(entries: Sequence[ManifestEntry]) -> ManifestEntry | None:
    """The draft that is the final version now, if any."""
    return next((e for e in reversed(entries) if e.final), None)


def final_chain(entries: Sequence[ManifestEntry]) -> tuple[int, ...]:
    """The numbers of the final versions, first to current: (2, 3) when 03 replaced 02."""
    by_number = {e.number: e for e in entries}
    chain: list[int] = []
    entry = current_final(entries)
    while entry is not None and entry.number not in chain:
        chain.append(entry.number)
        entry = by_number.get(entry.replaces) if entry.replaces is not None else None
    return tuple(reversed(chain))


def mark_final(
    entries: Sequence[ManifestEntry], number: int
) -> tuple[list[ManifestEntry], int | None]:
    """The entries with draft `number` the final version, and the final version it replaces."""
    current = current_final(entries)
    if current is not None and current.number == number:
        return list(entries), None
    replaced = None if current is None else current.number
    marked = []
    for entry in entries:
        if entry.number == number:
            entry = replace(entry, final=True, replaces=replaced, replaced_by=None)
        elif entry.number == replaced:
            entry = replace(entry, final=False, replaced_by=number)
        marked.append(entry)
    return marked, replaced
