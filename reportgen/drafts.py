"""Numbered drafts in outputs/<Y>/, published whole and registered in the manifest.

Publishing holds the folder's lock, so two builds never take the same number nor lose each
other's manifest entry. A draft's files are written under hidden temporary names, renamed
into place, and registered in the manifest last: a build stopped at any point leaves a
complete registered draft, or files the manifest does not know, which are no draft (their
numbers are still never given again).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from .changes import describe_changes
from .errors import ReportgenError
from .files import atomic_write, discard, move_into_place, sha256_bytes, write_temp
from .lock import folder_lock
from .manifest import (
    MANIFEST,
    ManifestEntry,
    current_final,
    find_draft,
    list_drafts,
    read_manifest,
    write_manifest,
)
from .models import EarlierInput, InputFile


@dataclass(frozen=True)
class DraftFiles:
    """The files of one draft."""

    number: int
    docx: Path
    json: Path
    problems: Path
    tables: Path | None = None  # the tables workbook, beside a report too large to list rows


PRISTINE_DIR = ".ban-goc"  # each draft as generated, before any edit: the next merge's base


@dataclass(frozen=True)
class CarryOver:
    """What became of the clerk's Word edits of the previous draft."""

    from_draft: int
    carried: bool  # False: edits were found but not carried (see `reason`)
    kept: int = 0
    added: int = 0
    deleted: int = 0
    to_review: tuple[str, ...] = ()  # the clerk's texts put beside changed figures, highlighted
    reason: Literal["", "no-merge", "no-base", "unreadable", "locked"] = ""


def pristine_path(out_dir: Path, docx_name: str) -> Path:
    """Where the draft `docx_name` is kept as generated."""
    return out_dir / PRISTINE_DIR / docx_name


def _carry(
    out_dir: Path, latest: ManifestEntry | None, docx: bytes, merge: bool
) -> tuple[bytes, CarryOver | None]:
    """The new draft with the clerk's edits of the latest one in it, and what was done."""
    if latest is None or not (out_dir / latest.docx).is_file():
        return docx, None
    try:
        edited = (out_dir / latest.docx).read_bytes()
    except OSError:  # open in Word on Windows, or its rights taken away: the new draft is made
        return docx, CarryOver(latest.number, False, reason="locked")
    if sha256_bytes(edited) == latest.docx_sha256:
        return docx, None  # not edited since it was written
    if not merge:
        return docx, CarryOver(latest.number, False, reason="no-merge")
    base = pristine_path(out_dir, latest.docx)
    if not base.is_file():
        return docx, CarryOver(latest.number, False, reason="no-base")
    from .merge import carry_edits

    try:
        merged = carry_edits(base.read_bytes(), edited, docx)
    except Exception:  # a file Word or another program left unreadable: say so, lose nothing
        return docx, CarryOver(latest.number, False, reason="unreadable")
    return merged.docx, CarryOver(
        latest.number, True, merged.kept, merged.added, merged.deleted, merged.to_review
    )


def _earlier_changes(
    latest: ManifestEntry | None, earlier: Sequence[EarlierInput]
) -> tuple[str, ...]:
    """Earlier years' workbooks that changed since the previous draft, each named with its year.

    A draft written before these were recorded has none to compare: nothing is said then.
    """
    if latest is None or not latest.earlier_inputs:
        return ()
    was = {(f.year, f.name): f.sha256 for f in latest.earlier_inputs}
    now = {(f.year, f.name): f.sha256 for f in earlier}
    lines = [
        f"Bảng tính năm {year} đã sửa: {name}"
        for (year, name), digest in now.items()
        if (year, name) in was and was[(year, name)] != digest
    ]
    lines += [f"Bảng tính năm {y} mới thêm: {n}" for (y, n) in now if (y, n) not in was]
    lines += [f"Bảng tính năm {y} không còn: {n}" for (y, n) in was if (y, n) not in now]
    return tuple(lines)


def _keep_pristine(out_dir: Path, docx_name: str, docx: bytes) -> None:
    """Keep the draft as generated, the base of the next merge; without it, that merge says so."""
    try:
        atomic_write(pristine_path(out_dir, docx_name), docx, overwrite=True)
    except ReportgenError:
        pass  # the draft itself is whole and registered: only the next merge is lost, and told


@dataclass(frozen=True)
class PublishResult:
    """What a build did: a new draft, or nothing because nothing changed."""

    draft: DraftFiles
    created: bool  # False: identical inputs/config/template to the latest draft, nothing written
    changes: tuple[str, ...]  # Vietnamese lines; empty for the first draft
    after_final: int | None = None  # the final version a new draft came after: archive again
    notes: tuple[str, ...] = ()  # Vietnamese: a stale lock taken over, a number skipped
    carry: CarryOver | None = None  # the clerk's edits of the previous draft, carried or not


def draft_files(out_dir: Path, year: int, number: int, prefix: str = "") -> DraftFiles:
    """The paths of draft `number` of `year`, after the locality's `prefix` (may be empty)."""
    stem = f"{prefix}BaoCao_{year}_du-thao-{number:02d}"
    return DraftFiles(
        number, out_dir / f"{stem}.docx", out_dir / f"{stem}.json", out_dir / f"{stem}_van-de.xlsx"
    )


def _numbers_on_disk(out_dir: Path, year: int) -> dict[str, int]:
    """Every file of the folder whose name carries a draft number, with that number."""
    pattern = re.compile(
        rf"(?:LuuTru_)?(?:[A-Za-z0-9-]+_)?BaoCao_{year}_du-thao-(\d+)(?:[._].*)?", re.IGNORECASE
    )
    if not out_dir.is_dir():
        return {}
    return {
        path.name: int(match.group(1))
        for path in sorted(out_dir.iterdir())
        if (match := pattern.fullmatch(path.name))
    }


def unregistered_files(
    out_dir: Path, year: int, entries: Sequence[ManifestEntry]
) -> tuple[str, ...]:
    """Files named as drafts whose number the manifest does not know: no draft at all."""
    known = {e.number for e in entries}
    return tuple(
        name for name, number in _numbers_on_disk(out_dir, year).items() if number not in known
    )


def fingerprint(
    inputs: Sequence[InputFile],
    config_digest: str,
    template_digest: str,
    docx_sha256: str,
    json_sha256: str,
    earlier_inputs: Sequence[EarlierInput] = (),
) -> str:
    """What makes a draft different from another: neither the time nor the tool version."""
    digest = hashlib.sha256()
    for f in sorted(inputs, key=lambda f: f.name):
        digest.update(f"input\0{f.name}\0{f.sha256}\0{f.unit}\0{f.status}\n".encode())
    # An earlier year's workbook edited without changing a figure is still a different source:
    # the draft made before it can no longer be archived, so a build must make a new one.
    for e in sorted(earlier_inputs, key=lambda e: (e.year, e.name)):
        digest.update(f"earlier\0{e.year}\0{e.name}\0{e.sha256}\n".encode())
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


def _registered(out_dir: Path, year: int, number: int) -> bool:
    """Whether the manifest on disk records draft `number`."""
    try:
        return any(e.number == number for e in read_manifest(out_dir, year))
    except ReportgenError:
        return False


def _write_draft(
    out_dir: Path,
    year: int,
    contents: Sequence[tuple[Path, bytes]],
    entries: Sequence[ManifestEntry],
    entry: ManifestEntry,
) -> None:
    """Every file under a temporary name, then each renamed into place, the manifest last."""
    temps: list[Path] = []
    placed: list[Path] = []
    try:
        for path, data in contents:
            temps.append(write_temp(path, data))
        for tmp, (path, _) in zip(temps, contents, strict=True):
            move_into_place(tmp, path)
            placed.append(path)
        write_manifest(out_dir, year, [*entries, entry])
    except BaseException:  # failed or interrupted (Ctrl+C): this draft's own files go
        if not _registered(out_dir, year, entry.number):
            for path in (*temps, *placed):
                discard(path)
        raise


def _skipped_note(skipped: int, number: int) -> str:
    return (
        f"Đã có tệp mang số dự thảo {skipped:02d} nhưng {MANIFEST} không ghi dự thảo này (có thể"
        " do một lần lập trước bị dừng giữa chừng, hoặc do chép tay): không tính là dự thảo;"
        f" dự thảo mới lấy số {number:02d}."
    )


def publish_draft(
    out_dir: Path,
    year: int,
    *,
    docx: bytes,
    figures: dict[str, Any],
    problems_xlsx: bytes,
    inputs: Sequence[InputFile],
    tables_xlsx: bytes | None = None,
    config_digest: str,
    template_digest: str,
    tool_version: str,
    now: datetime,
    earlier_inputs: Sequence[EarlierInput] = (),
    lock_wait: float | None = None,
    on_wait: Callable[[str], None] | None = None,
    merge: bool = True,
    prefix: str = "",
) -> PublishResult:
    """Write a new numbered draft unless it would be identical to the latest one.

    Its files are named after the locality's `prefix` (`<code>_`, or empty).
    Holds the folder's lock throughout, waiting up to `lock_wait` seconds for another build.
    """
    json_data = figures_bytes(figures)
    docx_sha, json_sha = sha256_bytes(docx), sha256_bytes(json_data)
    earlier = tuple(sorted(earlier_inputs, key=lambda e: (e.year, e.name)))
    mark = fingerprint(inputs, config_digest, template_digest, docx_sha, json_sha, earlier)
    with folder_lock(out_dir, "build", wait=lock_wait, on_wait=on_wait) as held:
        entries = read_manifest(out_dir, year)
        latest = entries[-1] if entries else None
        # A clerk may reword the latest .docx in Word: unchanged inputs must not replace it.
        # Only when that draft's .docx is gone is a new draft worth writing.
        if latest is not None and latest.fingerprint == mark and (out_dir / latest.docx).exists():
            files = DraftFiles(
                latest.number,
                out_dir / latest.docx,
                out_dir / latest.json,
                out_dir / latest.problems,
                out_dir / latest.tables if latest.tables else None,
            )
            return PublishResult(files, False, (), notes=held.notes)
        registered = max((e.number for e in entries), default=0)
        on_disk = max(_numbers_on_disk(out_dir, year).values(), default=0)
        files = draft_files(out_dir, year, max(registered, on_disk) + 1, prefix)
        if tables_xlsx is not None:
            files = replace(files, tables=files.docx.with_name(f"{files.docx.stem}_phu-luc.xlsx"))
        changes = _changes_since(out_dir, latest, figures) + _earlier_changes(latest, earlier)
        written, carry = _carry(out_dir, latest, docx, merge)
        entry = ManifestEntry(
            number=files.number,
            time=now.isoformat(timespec="seconds"),
            tool_version=tool_version,
            config_sha256=config_digest,
            template_sha256=template_digest,
            inputs=tuple(sorted(inputs, key=lambda f: f.name)),
            fingerprint=mark,
            docx=files.docx.name,
            docx_sha256=sha256_bytes(written),
            json=files.json.name,
            json_sha256=json_sha,
            problems=files.problems.name,
            problems_sha256=sha256_bytes(problems_xlsx),
            problem_count=len(figures.get("problems", ())),
            changes=changes,
            earlier_inputs=earlier,
            tables=files.tables.name if files.tables else "",
            tables_sha256=sha256_bytes(tables_xlsx) if tables_xlsx is not None else "",
        )
        contents = [(files.docx, written), (files.json, json_data), (files.problems, problems_xlsx)]
        if files.tables is not None and tables_xlsx is not None:
            contents.append((files.tables, tables_xlsx))
        _write_draft(out_dir, year, contents, entries, entry)
        _keep_pristine(out_dir, files.docx.name, docx)
        final = current_final(entries)
        skipped = (_skipped_note(on_disk, files.number),) if on_disk > registered else ()
    return PublishResult(
        files, True, changes, final.number if final else None, held.notes + skipped, carry
    )


def figures_of(folder: Path, year: int, which: str) -> tuple[str, dict[str, Any]]:
    """A draft's name and figures, from its number or from a file path (its .json or .docx)."""
    if which.isdigit():
        entry = find_draft(folder, year, int(which))
        return f"dự thảo {entry.number:02d}", load_figures(folder / entry.json)
    path = Path(which)
    if path.suffix.lower() != ".json":
        sibling = path.with_suffix(".json")
        if not sibling.is_file():
            raise ReportgenError(
                f"Không tìm thấy {sibling} (tệp số liệu đi kèm {path.name}). Hãy ghi số dự thảo"
                " (ví dụ: reportgen diff 1 2) hoặc đường dẫn tệp .json của dự thảo."
            )
        path = sibling
    return path.name, load_figures(path)


def drafts_to_compare(
    folder: Path, year: int, first: str | None
) -> tuple[str, str, Literal["latest-two", "with-latest"]]:
    """The drafts `diff` compares when not told both: the two latest, or `first` and the latest."""
    latest = find_draft(folder, year, None)  # says so when there is no draft at all
    entries = list_drafts(folder, year)
    if len(entries) < 2 and (first is None or first.isdigit()):
        raise ReportgenError(
            f"Năm {year} mới có một dự thảo (số {latest.number:02d}) nên chưa có gì để so"
            " sánh. Khi dữ liệu thay đổi, chạy `reportgen build` để có dự thảo mới rồi chạy"
            " lại `reportgen diff`."
        )
    if first is None:
        return str(entries[-2].number), str(latest.number), "latest-two"
    if first.isdigit() and int(first) == latest.number:
        raise ReportgenError(
            f"Dự thảo {latest.number:02d} là dự thảo mới nhất nên không có gì để so sánh với nó."
            f" Hãy ghi hai số dự thảo, ví dụ: reportgen diff {max(latest.number - 1, 1)}"
            f" {latest.number}."
        )
    return first, str(latest.number), "with-latest"
