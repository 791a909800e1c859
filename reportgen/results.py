"""What the use cases return: frozen results the commands only print."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .completeness import UnitStatus
from .drafts import CarryOver, DraftFiles
from .manifest import ManifestEntry
from .models import Figures, Problem


@dataclass(frozen=True)
class PdfOutcome:
    """What became of `--pdf`: made, kept (one was there), no program to make it, or failed."""

    status: Literal["made", "kept", "no-program", "failed"]
    path: Path | None = None
    message: str = ""  # why it failed
    program: str = ""  # who made it: LibreOffice or Microsoft Word
    font_missing: bool = False  # no Times New Roman here: the PDF shows a substitute
    word_without_bridge: bool = False  # Word is installed but pywin32, which drives it, is not


@dataclass(frozen=True)
class BuildResult:
    """A year's figures, the problems found, and the draft written (or kept)."""

    figures: Figures
    unit_names: Mapping[str, str]
    problems: tuple[Problem, ...]  # grouped by unit in registry order
    draft: DraftFiles
    created: bool  # False: nothing changed since the latest draft, nothing written
    changes: tuple[str, ...]
    pdf: PdfOutcome | None  # None when no PDF was asked for
    after_final: int | None = None  # a new draft made after this final version
    notes: tuple[str, ...] = ()  # Vietnamese: a stale lock taken over, a number skipped
    carry: CarryOver | None = None  # the clerk's edits of the previous draft
    merge: bool = True  # False: built from the template alone (--no-merge)


@dataclass(frozen=True)
class CheckResult:
    """Who sent what, every problem, and the problem list written for the units."""

    year: int
    folder: Path
    statuses: tuple[UnitStatus, ...]
    unit_names: Mapping[str, str]
    problems: tuple[Problem, ...]  # grouped by unit in registry order
    errors: int
    problem_list: Path | None  # None when there was nothing to send back
    problem_list_created: bool


@dataclass(frozen=True)
class FormFile:
    """One unit's form: where it is, whether this run wrote it, what it carries from last year."""

    path: Path
    created: bool
    libraries: int | None  # rows carried from last year; None when nothing was carried
    institutions: int | None


@dataclass(frozen=True)
class FormsResult:
    """The forms of a year and where last year's rows came from."""

    year: int
    folder: Path
    previous_folder: Path
    previous_found: bool  # False: no inputs/<Y-1>/, so nothing was carried over
    previous_units: int
    previous_errors: int
    files: tuple[FormFile, ...]


@dataclass(frozen=True)
class HistoryResult:
    """The drafts of a year, oldest first, and which one is the final version."""

    year: int
    folder: Path
    drafts: tuple[ManifestEntry, ...]
    final: int | None = None  # the current final version
    final_chain: tuple[int, ...] = ()  # every final version in turn, the current one last
    unregistered: tuple[str, ...] = ()  # files named as drafts the manifest does not know


@dataclass(frozen=True)
class DiffResult:
    """What changed between two drafts, in the report's words."""

    first: str  # how each draft is named to the clerk: `dự thảo 02` or a file name
    second: str
    changes: tuple[str, ...]
    # Which drafts were compared when the clerk did not name both: the two latest, or the
    # one named against the latest.
    chosen: Literal["given", "latest-two", "with-latest"] = "given"
