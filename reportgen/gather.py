"""The province's roll-up sources: many localities' figures JSON (files, archive zips, folders
of them) read, checked against the published schema, matched to the registry, the latest kept."""

from __future__ import annotations

import json
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .config import Config
from .files import sha256_bytes
from .intake.units import by_code, by_name
from .models import ERROR, WARNING, Figures, InputFile, Problem, ProblemCode

SUFFIXES = (".json", ".zip")
MANIFEST = "manifest.json"
_DRAFT_NUMBER = re.compile(r"du-thao-(\d+)", re.IGNORECASE)


@dataclass(frozen=True)
class Sent:
    """One locality's figures as it sent them, matched to the registry."""

    name: str  # where the clerk finds it: `xa/a.json`, or `LuuTru_….zip › a.json`
    sha256: str
    unit: str  # registry code
    data: Mapping[str, Any]


@dataclass(frozen=True)
class Gathered:
    """What the sources gave: the figures used, every file read, and what was left out, why."""

    sent: tuple[Sent, ...]
    files: tuple[InputFile, ...]
    problems: tuple[Problem, ...]


def _problem(
    name: str, code: ProblemCode, message: str, unit: str = "", where: str = ""
) -> Problem:
    if code in ("duplicate-return", "return-missing"):  # the figures are there: worth a look
        return Problem(name, "", where, WARNING, message, unit, code=code)
    return Problem(name, "", where, ERROR, message, unit, code=code)


def _files(path: Path) -> Iterator[tuple[str, Path]]:
    """The .json and .zip files a source names: itself, or those under a folder, sorted."""
    if path.is_dir():
        for found in sorted(path.rglob("*")):
            if found.is_file() and found.suffix.lower() in SUFFIXES and found.name != MANIFEST:
                yield found.relative_to(path.parent).as_posix(), found
    else:
        yield path.name, path


def _members(name: str, path: Path) -> Iterator[tuple[str, bytes | None]]:
    """The figures JSON inside a file: itself, or an archive's own (not its inputs/ or
    manifest); None for an archive that cannot be opened."""
    if path.suffix.lower() != ".zip":
        yield name, path.read_bytes()
        return
    try:
        with zipfile.ZipFile(path) as archive:
            for member in sorted(archive.namelist()):
                if member.lower().endswith(".json") and "/" not in member and member != MANIFEST:
                    yield f"{name} › {member}", archive.read(member)
    except (zipfile.BadZipFile, OSError):
        yield name, None


# What a broken rule of the schema means, said to the clerk (fastjsonschema's own words are
# English).
_SCHEMA_RULES = {
    "type": "sai kiểu dữ liệu",
    "enum": "có giá trị không thuộc danh sách cho phép",
    "const": "có giá trị khác giá trị bắt buộc",
    "minimum": "nhỏ hơn mức tối thiểu (số âm)",
    "maximum": "lớn hơn mức tối đa",
    "pattern": "sai định dạng",
    "format": "sai định dạng",
    "minLength": "bị để trống",
    "minItems": "không có phần tử nào",
}


@cache
def _validate() -> Callable[[Any], Any]:
    """The published schema compiled to a check (fastjsonschema: ~50 times jsonschema's speed,
    which a province's hundred files, or a country's thousands, need)."""
    import fastjsonschema  # loaded only for a roll-up

    text = resources.files("reportgen").joinpath("schemas/figures.schema.json").read_text("utf-8")
    check: Callable[[Any], Any] = fastjsonschema.compile(json.loads(text))
    return check


def _schema_error(data: Any) -> tuple[str, str] | None:
    """The first way `data` breaks the schema, as (JSON path, Vietnamese reason); None if none."""
    from fastjsonschema import JsonSchemaValueException

    try:
        _validate()(data)
    except JsonSchemaValueException as error:
        where = "/".join(str(p) for p in (error.path or [])[1:])  # without the leading "data"
        if error.rule == "required" and isinstance(error.value, dict):
            missing = [k for k in error.rule_definition or () if k not in error.value]
            field = "/".join(part for part in (where, missing[0] if missing else "") if part)
            return where, f"thiếu trường {field}"
        why = _SCHEMA_RULES.get(error.rule or "", "không hợp lệ")
        return where, f"trường {where or '(gốc)'} {why}"
    return None


def _same_text(a: str, b: str) -> bool:
    def key(text: str) -> str:
        return " ".join(unicodedata.normalize("NFC", text).casefold().split())

    return key(a) == key(b)


def _parsed(name: str, raw: bytes | None) -> Problem | Any:
    """The figures of one file as the schema has them, or the problem that keeps them out."""
    if raw is None:
        return _problem(
            name, "file-unreadable", "Tệp nén không mở được (hỏng hoặc không phải .zip)."
        )
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return _problem(
            name, "file-unreadable", "Không đọc được tệp số liệu JSON (không phải chữ mã UTF-8)."
        )
    except json.JSONDecodeError as exc:
        return _problem(
            name,
            "file-unreadable",
            f"Không đọc được tệp số liệu JSON: tệp hỏng hoặc bị cắt ở dòng {exc.lineno}, cột "
            f"{exc.colno}. Đề nghị địa phương gửi lại tệp .json do reportgen lập.",
        )
    error = _schema_error(data)
    if error is not None:
        where, reason = error
        return _problem(
            name,
            "figures-invalid",
            f"Tệp không đúng lược đồ số liệu phiên bản 1 ({reason}); không tính vào tổng hợp. "
            "Đề nghị địa phương gửi lại tệp .json do reportgen lập.",
            where=where,
        )
    return data


def _misfit(name: str, data: Mapping[str, Any], year: int, config: Config) -> Problem | None:
    """Why well-formed figures still stay out of this roll-up: another year or another plan."""
    if data["year"] != year:
        return _problem(
            name,
            "year-mismatch",
            f"Là số liệu năm {data['year']}, không phải năm {year}; không tính vào tổng hợp.",
            where="year",
        )
    plan = data["plan"]
    if not _same_text(plan["programme"], config.plan.programme) or tuple(
        plan["milestones"]
    ) != tuple(config.plan.milestones):
        return _problem(
            name,
            "plan-mismatch",
            f"Là số liệu của Chương trình “{plan['programme']}” (các mốc "
            f"{', '.join(map(str, plan['milestones']))}), khác Kế hoạch đang tổng hợp; không "
            "tính vào tổng hợp.",
            where="plan",
        )
    return None


def _locality(name: str, data: Mapping[str, Any], config: Config) -> tuple[str, Problem | None]:
    """The registry code of the locality that issued `data`, by its code, else by its name."""
    issuer = data["issuer"]
    code, title = issuer["code"] or "", issuer["name"]
    if code and (unit := by_code(config, code)):
        return unit.code, None
    found = by_name(config, title)
    if found.unit is None:
        return "", _problem(
            name,
            "unknown-unit",
            f'Không nhận ra địa phương của tệp ({found.message}; mã "{code}"); không tính vào '
            "tổng hợp. Hãy thêm địa phương vào config/units.toml với đúng mã của nó.",
            where="issuer",
        )
    if code:
        return found.unit.code, _problem(
            name,
            "unknown-unit",
            f'Mã địa phương "{code}" không có trong danh sách; nhận theo tên '
            f'"{title}" là {found.unit.name}. Hãy kiểm tra lại.',
            found.unit.code,
            "issuer/code",
        )
    return found.unit.code, None


def _recency(sent: Sent) -> tuple[str, int, str]:
    """Which of a locality's files is the latest document: by date, then draft number."""
    number = _DRAFT_NUMBER.search(sent.name)
    return (sent.data["issuer"]["document_date"] or "", int(number[1]) if number else 0, sent.name)


def _latest(sent: Sequence[Sent], config: Config) -> tuple[list[Sent], list[Problem]]:
    """One file per locality, the latest; a locality that sent more is told which was kept."""
    by_unit: dict[str, list[Sent]] = {}
    for one in sent:
        by_unit.setdefault(one.unit, []).append(one)
    kept, problems = [], []
    for unit, files in by_unit.items():
        files.sort(key=_recency)
        kept.append(files[-1])
        for dropped in files[:-1]:
            problems.append(
                _problem(
                    dropped.name,
                    "duplicate-return",
                    f"{config.unit_name(unit)} đã gửi {len(files)} tệp số liệu: dùng tệp mới "
                    f"nhất {files[-1].name}, không dùng tệp này.",
                    unit,
                )
            )
    return kept, problems


def gather(paths: Sequence[Path], year: int, config: Config) -> Gathered:
    """Every locality's figures for `year` from files, archives and folders, one per locality."""
    sent: list[Sent] = []
    files: list[InputFile] = []
    problems: list[Problem] = []
    for path in paths:
        for name, file in _files(path):
            for member, raw in _members(name, file):
                digest = sha256_bytes(raw or b"")
                data = _parsed(member, raw)
                if isinstance(data, Problem):
                    problems.append(data)
                    files.append(InputFile(member, digest, "", "skipped"))
                    continue
                unit, note = _locality(member, data, config)
                if misfit := _misfit(member, data, year, config):  # told under its locality
                    problems.append(replace(misfit, unit=unit))
                    files.append(InputFile(member, digest, unit, "skipped"))
                    continue
                problems += [note] if note is not None else []
                files.append(InputFile(member, digest, unit, "used" if unit else "skipped"))
                if unit:
                    sent.append(Sent(member, digest, unit, data))
    kept, duplicates = _latest(sent, config)
    order = {u.code: i for i, u in enumerate(config.units)}
    kept.sort(key=lambda s: order[s.unit])
    dropped = {d.file for d in duplicates}
    files = [
        f if f.name not in dropped else InputFile(f.name, f.sha256, f.unit, "superseded")
        for f in files
    ]
    return Gathered(tuple(kept), tuple(files), tuple(problems + duplicates))


def sources_json(gathered: Gathered) -> list[dict[str, Any]]:
    """The files a roll-up used, for its own JSON."""
    return [
        {
            "file": s.name,
            "code": s.data["issuer"]["code"],
            "name": s.data["issuer"]["name"],
            "document_number": s.data["issuer"]["document_number"],
            "document_date": s.data["issuer"]["document_date"],
        }
        for s in gathered.sent
    ]


def missing_problems(figures: Figures, config: Config) -> tuple[Problem, ...]:
    """A warning for each locality of the registry whose figures have not come."""
    return tuple(
        _problem(
            "",
            "return-missing",
            f"Chưa gửi tệp số liệu báo cáo năm {figures.year} (hạn gửi trước ngày "
            f"{config.plan.deadline}/{figures.year}).",
            code,
        )
        for code in figures.missing
    )
