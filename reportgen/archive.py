"""The final archive: one zip holding a draft and everything it was made from, verified."""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .config import load_config
from .errors import ReportgenError
from .files import (
    atomic_write,
    file_digest,
    input_files,
    is_clutter,
    sha256_bytes,
    stable_zip,
)
from .lock import folder_lock
from .manifest import (
    MANIFEST,
    ManifestEntry,
    find_draft,
    manifest_bytes,
    mark_final,
    read_manifest,
    write_manifest,
)
from .workspace import CONFIG_DIR, INPUTS_DIR, TEMPLATE, Workspace

SUMS = "SHA256SUMS.txt"


@dataclass(frozen=True)
class ArchiveResult:
    """What `archive` did."""

    path: Path
    number: int
    created: bool  # False: an archive of this draft already existed and was left alone
    members: int
    notes: tuple[str, ...] = ()  # Vietnamese remarks for the clerk
    marked: bool = True  # this run made the draft the final version (it was not already)
    replaces: int | None = None  # the final version it replaced, no longer final


def archive_path(out_dir: Path, docx: str) -> Path:
    """Where the archive of the draft whose report is `docx` goes: `LuuTru_<its name>.zip`."""
    return out_dir / f"LuuTru_{Path(docx).stem}.zip"


def scan_inputs(folder: Path) -> dict[str, str]:
    """Every input file of a year folder by relative name, with its SHA-256."""
    if not folder.is_dir():
        return {}
    return {p.relative_to(folder).as_posix(): file_digest(p) for p in input_files(folder)}


def input_differences(entry: ManifestEntry, folder: Path) -> list[str]:
    """How the input folder differs from what the draft was made from, one line per file."""
    recorded = {f.name: f.sha256 for f in entry.inputs if not is_clutter(f.name)}
    return _differences(recorded, scan_inputs(folder), "")


def _differences(recorded: Mapping[str, str], present: Mapping[str, str], prefix: str) -> list[str]:
    """One line per file edited, gone or added, each name after `prefix`."""
    lines = [
        f"đã bị sửa: {prefix}{name}"
        for name in recorded
        if name in present and present[name] != recorded[name]
    ]
    lines += [f"không còn: {prefix}{name}" for name in recorded if name not in present]
    lines += [f"mới thêm: {prefix}{name}" for name in present if name not in recorded]
    return lines


def earlier_differences(entry: ManifestEntry, workspace: Workspace) -> list[str]:
    """How the earlier years' files the figures used differ from when the draft was made."""
    lines: list[str] = []
    for past_year in sorted({f.year for f in entry.earlier_inputs}):
        recorded = {
            f.name: f.sha256
            for f in entry.earlier_inputs
            if f.year == past_year and not is_clutter(f.name)
        }
        present = scan_inputs(workspace.year_inputs(past_year))
        lines += _differences(recorded, present, f"{INPUTS_DIR}/{past_year}/")
    return lines


def _check_sources(entry: ManifestEntry, workspace: Workspace, year: int) -> None:
    """Refuse when inputs, configuration or template are no longer those of the draft."""
    lines = input_differences(entry, workspace.year_inputs(year))
    lines += earlier_differences(entry, workspace)
    if load_config(workspace).digest != entry.config_sha256:
        lines.append(f"cấu hình trong {CONFIG_DIR}/ đã thay đổi")
    template = workspace.template
    if not template.is_file():
        lines.append(f"không còn mẫu báo cáo {TEMPLATE}")
    elif file_digest(template) != entry.template_sha256:
        lines.append(f"mẫu báo cáo {TEMPLATE} đã thay đổi")
    if lines:
        listed = "\n".join(f"  - {line}" for line in lines)
        raise ReportgenError(
            f"Không lưu trữ dự thảo {entry.number:02d}: từ khi lập dự thảo này, dữ liệu đầu vào"
            f" đã thay đổi:\n{listed}\nHãy chạy lại `reportgen build` để có dự thảo mới từ dữ"
            " liệu hiện tại rồi lưu trữ dự thảo đó, hoặc trả lại đúng các tệp cũ."
        )


def _read(path: Path, what: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ReportgenError(f"Không tìm thấy {what} {path}; không thể lưu trữ.") from None
    except OSError as exc:
        raise ReportgenError(f"Không đọc được {what} {path}: {exc.strerror or exc}.") from exc


def _draft_members(entry: ManifestEntry, out_dir: Path) -> tuple[dict[str, bytes], list[str]]:
    """The draft's own files, and remarks about them."""
    names = (entry.docx, entry.json, entry.problems) + ((entry.tables,) if entry.tables else ())
    members = {name: _read(out_dir / name, "tệp") for name in names}
    notes = []
    if sha256_bytes(members[entry.docx]) != entry.docx_sha256:
        notes.append(f"Tệp {entry.docx} đã được sửa sau khi lập; bản lưu trữ giữ bản đã sửa.")
    pdf = out_dir / Path(entry.docx).with_suffix(".pdf").name
    if pdf.is_file():
        members[pdf.name] = _read(pdf, "tệp")
    return members, notes


def collect_members(
    entry: ManifestEntry, year: int, workspace: Workspace, manifest: bytes
) -> tuple[dict[str, bytes], list[str]]:
    """Every file the archive holds, by its name inside the zip."""
    members, notes = _draft_members(entry, workspace.year_outputs(year))
    members[MANIFEST] = manifest
    inputs_folder = workspace.year_inputs(year)
    for f in entry.inputs:
        members[f"{INPUTS_DIR}/{year}/{f.name}"] = _read(inputs_folder / f.name, "tệp đầu vào")
    for e in entry.earlier_inputs:
        path = workspace.year_inputs(e.year) / e.name
        members[f"{INPUTS_DIR}/{e.year}/{e.name}"] = _read(path, "tệp đầu vào")
    for path in workspace.config_files:
        members[f"{CONFIG_DIR}/{path.name}"] = _read(path, "tệp cấu hình")
    members[TEMPLATE] = _read(workspace.template, "mẫu báo cáo")
    members[SUMS] = sums_member(members)
    return members, notes


def sums_member(members: Mapping[str, bytes]) -> bytes:
    """SHA256SUMS.txt of the members: one `<sha256>  <name>` line each, in name order."""
    lines = (f"{sha256_bytes(data)}  {name}\n" for name, data in sorted(members.items()))
    return "".join(lines).encode("utf-8")


def zip_bytes(members: Mapping[str, bytes], when: datetime) -> bytes:
    """A zip of the members, in name order, every entry stamped with the same time."""
    stamp = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)
    return stable_zip(((name, members[name]) for name in sorted(members)), stamp)


def verify_zip(path: Path, expected: Mapping[str, str]) -> None:
    """Re-open a written zip: CRC of every member, and each member's SHA-256 as meant."""
    try:
        with zipfile.ZipFile(path) as archive:
            broken = archive.testzip()
            if broken is not None:
                raise ReportgenError(f"Tệp lưu trữ {path} bị lỗi ở {broken} (sai CRC).")
            names = set(archive.namelist())
            if names != set(expected):
                odd = sorted(names ^ set(expected))
                raise ReportgenError(f"Tệp lưu trữ {path} thiếu hoặc thừa: {', '.join(odd)}.")
            for name, digest in expected.items():
                if hashlib.sha256(archive.read(name)).hexdigest() != digest:
                    raise ReportgenError(f"Tệp lưu trữ {path}: nội dung {name} không khớp.")
    except (zipfile.BadZipFile, OSError) as exc:
        raise ReportgenError(f"Tệp lưu trữ {path} không mở được: {exc}.") from exc


def parse_sums(text: str) -> dict[str, str]:
    """The `<sha256>  <name>` lines of a SHA256SUMS.txt, by name."""
    sums = {}
    for line in text.splitlines():
        digest, _, name = line.partition("  ")
        sums[name] = digest
    return sums


def sums_of(path: Path) -> dict[str, str]:
    """The member hashes an archive records in its own SHA256SUMS.txt."""
    with zipfile.ZipFile(path) as archive:
        sums = parse_sums(archive.read(SUMS).decode("utf-8"))
        sums[SUMS] = hashlib.sha256(archive.read(SUMS)).hexdigest()
    return sums


def _add_later_pdf(target: Path, pdf: Path) -> tuple[str, ...]:
    """Add the draft's PDF, made after the archive was written, to it; a note saying so.

    The archive is rewritten only to grow: every member it held is kept byte for byte, and
    the new zip is verified before it replaces the old one.
    """
    with zipfile.ZipFile(target) as archive:
        if pdf.name in archive.namelist() or not pdf.is_file():
            return ()
        members = {name: archive.read(name) for name in archive.namelist() if name != SUMS}
        stamp = archive.infolist()[0].date_time
    members[pdf.name] = _read(pdf, "tệp")
    members[SUMS] = sums_member(members)
    data = stable_zip(((name, members[name]) for name in sorted(members)), stamp)
    atomic_write(target, data, overwrite=True)
    verify_zip(target, {name: sha256_bytes(content) for name, content in members.items()})
    return (f"Đã thêm tệp {pdf.name} (lập sau khi lưu trữ) vào bản lưu trữ {target.name}.",)


def _recheck(path: Path) -> int:
    """Verify an archive written earlier against its own SHA256SUMS.txt; its member count."""
    try:
        sums = sums_of(path)
    except (KeyError, zipfile.BadZipFile, OSError) as exc:
        raise ReportgenError(
            f"Tệp lưu trữ {path} đã có nhưng bị hỏng ({exc}). Hãy đổi tên hoặc chuyển tệp đó"
            " sang chỗ khác rồi chạy lại `reportgen archive`."
        ) from exc
    verify_zip(path, sums)
    return len(sums)


def archive_draft(
    workspace: Workspace,
    year: int,
    number: int | None,
    now: datetime,
    *,
    lock_wait: float | None = None,
    on_wait: Callable[[str], None] | None = None,
) -> ArchiveResult:
    """Mark a draft final, in place of any earlier final version, and write its verified archive.

    Holds the folder's lock, so a build publishing meanwhile loses no manifest entry.
    """
    out_dir = workspace.year_outputs(year)
    with folder_lock(out_dir, "archive", wait=lock_wait, on_wait=on_wait) as held:
        entry = find_draft(out_dir, year, number)
        target = archive_path(out_dir, entry.docx)
        entries, replaces = mark_final(read_manifest(out_dir, year), entry.number)
        marked = not entry.final
        if target.exists():  # archived before: checked, made final again, a later PDF added
            count = _recheck(target)
            added = _add_later_pdf(target, out_dir / Path(entry.docx).with_suffix(".pdf").name)
            if marked:
                write_manifest(out_dir, year, entries)
            return ArchiveResult(
                target,
                entry.number,
                False,
                count + len(added),
                (*held.notes, *added),
                marked,
                replaces,
            )
        _check_sources(entry, workspace, year)
        manifest = manifest_bytes(year, entries)
        members, notes = collect_members(entry, year, workspace, manifest)
        atomic_write(target, zip_bytes(members, now))
        try:
            verify_zip(target, {name: sha256_bytes(data) for name, data in members.items()})
        except ReportgenError:
            target.unlink(missing_ok=True)  # a bad archive must not pass for a good one
            raise
        write_manifest(out_dir, year, entries)
    notes = [*held.notes, *notes]
    return ArchiveResult(target, entry.number, True, len(members), tuple(notes), marked, replaces)
