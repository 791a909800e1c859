"""The use cases: one function per command, each taking a Workspace and returning a frozen result.

Commands only parse options, call one of these and print what it returns. Stages that load
heavy libraries (openpyxl, docxtpl) are imported inside the functions that need them, so
`reportgen --help`, `history` and `diff` start without them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from . import __version__
from .archive import ArchiveResult, archive_draft
from .changes import describe_changes
from .completeness import UnitStatus, completeness, missing_unit_problems
from .config import Config, load_config
from .drafts import CarryOver, DraftFiles, drafts_to_compare, figures_of, unregistered_files
from .errors import ReportgenError
from .manifest import ManifestEntry, current_final, final_chain, list_drafts
from .models import (
    ERROR,
    LONG_SHEET_ROWS,
    EarlierInput,
    Figures,
    InputFile,
    Intake,
    Problem,
    RowWatch,
)
from .reproduce import read_years, year_figures
from .results import (
    BuildResult,
    CheckResult,
    DiffResult,
    FormFile,
    FormsResult,
    HistoryResult,
    PdfOutcome,
)
from .starter import PROFILES, Started
from .verify import VerifyResult
from .workspace import TEMPLATE, Workspace

__all__ = [
    "ArchiveResult",
    "BuildResult",
    "CarryOver",
    "CheckResult",
    "DiffResult",
    "DraftFiles",
    "FormFile",
    "FormsResult",
    "HistoryResult",
    "ManifestEntry",
    "PdfOutcome",
    "PdfProgress",
    "Progress",
    "LONG_SHEET_ROWS",
    "RowWatch",
    "UnitStatus",
    "VerifyResult",
    "archive",
    "build",
    "check",
    "diff",
    "forms",
    "history",
    "verify_archive",
]

Progress = Callable[[int, int, str], None]  # (file number from 1, file count, file name)
PdfProgress = Callable[[str, float, bool], None]  # (program name, seconds so far, finished)


def _in_unit_order(problems: tuple[Problem, ...], config: Config) -> tuple[Problem, ...]:
    from .problem_sheet import in_unit_order

    return tuple(in_unit_order(problems, config.unit_names))


def _require_inputs(workspace: Workspace, year: int) -> Path:
    """inputs/<Y>/, or a message saying to create it: before anything is read or printed."""
    folder = workspace.year_inputs(year)
    if not folder.is_dir():
        raise ReportgenError(
            f"Chưa có thư mục {folder.as_posix()}. Hãy tạo thư mục này và chép bảng tính "
            f"các đơn vị gửi về năm {year} vào đó."
        )
    return folder


def _pdf(docx: Path, on_progress: PdfProgress | None) -> PdfOutcome:
    """The draft in PDF by LibreOffice or Word, whichever the machine has, and what was done."""
    from .office import find_converter, has_official_font, word_bridge_installed, word_installed
    from .pdf import convert_to_pdf

    converter = find_converter()
    if converter is None:
        missing_bridge = word_installed() and not word_bridge_installed()
        return PdfOutcome("no-program", word_without_bridge=missing_bridge)
    try:
        converted = convert_to_pdf(docx, converter, on_progress=on_progress)
    except ReportgenError as exc:
        return PdfOutcome("failed", message=exc.message, program=converter.name)
    if not converted.created:
        return PdfOutcome("kept", converted.path, program=converter.name)
    missing = has_official_font() is False
    return PdfOutcome("made", converted.path, program=converter.name, font_missing=missing)


def build(
    workspace: Workspace,
    year: int,
    now: datetime,
    *,
    pdf: bool = False,
    on_pdf: PdfProgress | None = None,
    on_file: Progress | None = None,
    on_rows: RowWatch | None = None,
    lock_wait: float | None = None,
    on_wait: Callable[[str], None] | None = None,
    merge: bool = True,
) -> BuildResult:
    """Read a year's workbooks, evaluate, render, and write a new draft if anything changed."""
    from .export import figures_json
    from .narrative import build_context
    from .render import render_report

    config = load_config(workspace)
    folder = _require_inputs(workspace, year)
    template = _require_template(workspace)
    made = year_figures(workspace, year, config, on_file, on_rows)
    intake, figures = made.intake, made.figures
    if not intake.returns:
        raise ReportgenError(
            f"Không có bảng tính hợp lệ nào của năm {year} trong {folder.as_posix()} nên chưa "
            f"thể lập báo cáo{_why_none(intake.problems)}. Chạy `reportgen check --year {year}` "
            "để xem lỗi của từng tệp."
        )
    return _publish(
        workspace,
        config,
        figures,
        docx=render_report(build_context(figures, config, workspace.kept_charts), template),
        data=figures_json(figures, config),
        problem_list=intake.problems,
        shown=_in_unit_order(intake.problems, config),
        inputs=intake.files,
        earlier_inputs=made.earlier_inputs,
        run=_Run(now, pdf, on_pdf, lock_wait, on_wait, merge),
    )


@dataclass(frozen=True)
class _Run:
    """How a command asked for its draft: when, with a PDF, waiting how long, merging edits."""

    now: datetime
    pdf: bool
    on_pdf: PdfProgress | None
    lock_wait: float | None
    on_wait: Callable[[str], None] | None
    merge: bool


def _publish(
    workspace: Workspace,
    config: Config,
    figures: Figures,
    *,
    docx: bytes,
    data: dict[str, Any],
    problem_list: Sequence[Problem],
    shown: Sequence[Problem],
    inputs: Sequence[InputFile],
    earlier_inputs: Sequence[EarlierInput] = (),
    ranking: Sequence[Mapping[str, str]] = (),
    run: _Run,
) -> BuildResult:
    """A new draft (unless nothing changed) of a report, its figures and its problem list; the
    screen shows the `shown` problems."""
    from .appendix import too_many
    from .drafts import publish_draft
    from .files import file_digest
    from .problem_sheet import problems_workbook

    year = figures.year
    tables = None
    if too_many(figures, config):
        from .tables_book import tables_workbook

        tables = tables_workbook(figures, config, ranking)
    published = publish_draft(
        workspace.year_outputs(year),
        year,
        docx=docx,
        figures=data,
        problems_xlsx=problems_workbook(
            problem_list, config.unit_names, year, config.plan.deadline
        ),
        tables_xlsx=tables,
        inputs=inputs,
        earlier_inputs=earlier_inputs,
        config_digest=config.digest,
        template_digest=file_digest(workspace.template),
        tool_version=__version__,
        now=run.now,
        lock_wait=run.lock_wait,
        on_wait=run.on_wait,
        merge=run.merge,
        prefix=config.profile.file_prefix,
    )
    return BuildResult(
        figures=figures,
        unit_names=config.unit_names,
        problems=tuple(shown),
        draft=published.draft,
        created=published.created,
        changes=published.changes,
        pdf=_pdf(published.draft.docx, run.on_pdf) if run.pdf else None,
        after_final=published.after_final,
        notes=published.notes,
        carry=published.carry,
        merge=run.merge,
    )


def _why_none(problems: Sequence[Problem], most: int = 5) -> str:
    """The files left out and the first reason of each, for a year with no usable workbook."""
    reasons: dict[str, str] = {}
    for problem in problems:
        if problem.severity == ERROR and problem.file:
            reasons.setdefault(problem.file, problem.message)
    if not reasons:
        return ""
    named = [f"{name} ({why})" for name, why in list(reasons.items())[:most]]
    more = f"; và {len(reasons) - most} tệp khác" if len(reasons) > most else ""
    return ": " + "; ".join(named) + more


def _require_template(workspace: Workspace) -> Path:
    """The workspace's report template, said to be missing when it is."""
    if not workspace.template.is_file():
        raise ReportgenError(
            f"Không tìm thấy mẫu báo cáo {TEMPLATE} trong thư mục làm việc "
            f"{workspace.root.as_posix()}."
        )
    return workspace.template


def rollup(
    workspace: Workspace,
    year: int,
    sources: Sequence[Path],
    now: datetime,
    *,
    pdf: bool = False,
    on_pdf: PdfProgress | None = None,
    lock_wait: float | None = None,
    on_wait: Callable[[str], None] | None = None,
    merge: bool = True,
) -> BuildResult:
    """The province's report from its localities' figures JSON (files, archives, folders):
    each checked and matched, summed exactly, written as a new draft like a build's."""
    from .appendix import RANKED_AT_EACH_END, too_many
    from .export import figures_json
    from .gather import gather, missing_problems, sources_json
    from .narrative import build_context
    from .render import render_report
    from .rollup import ranking_ends, ranking_rows, rollup_figures

    config = load_config(workspace)
    template = _require_template(workspace)
    gathered = gather(sources, year, config)
    if not gathered.sent:
        reasons = "; ".join(f"{p.file}: {p.message}" for p in gathered.problems[:3])
        raise ReportgenError(
            f"Không có tệp số liệu nào của năm {year} dùng được trong các nguồn đã chỉ ra"
            + (f" ({reasons})" if reasons else "")
            + ". Hãy chỉ ra các tệp .json, tệp lưu trữ .zip hoặc thư mục chứa chúng."
        )
    figures = rollup_figures(gathered, year, config)
    context = build_context(figures, config, workspace.kept_charts)
    ranking = ranking_rows(gathered, year, config)
    # Past `detail_units_max` localities the report ranks the first and last few of each
    # indicator; the whole ranking goes to the tables workbook.
    many = too_many(figures, config)
    context["ranking"] = ranking_ends(ranking, RANKED_AT_EACH_END) if many else ranking
    return _publish(
        workspace,
        config,
        figures,
        docx=render_report(context, template),
        data=figures_json(figures, config) | {"sources": sources_json(gathered)},
        # The problem list sent back also names the localities still to send; the screen,
        # which lists them already, does not.
        problem_list=(*figures.problems, *missing_problems(figures, config)),
        shown=figures.problems,
        inputs=gathered.files,
        ranking=ranking,
        run=_Run(now, pdf, on_pdf, lock_wait, on_wait, merge),
    )


def check(
    workspace: Workspace,
    year: int,
    *,
    on_file: Progress | None = None,
    on_rows: RowWatch | None = None,
) -> CheckResult:
    """Read a year's workbooks without building; write the problem list to send back."""
    from .problem_sheet import problems_workbook, save_problem_list

    config = load_config(workspace)
    folder = _require_inputs(workspace, year)
    intake, _ = read_years(workspace, year, config, on_file, on_rows)  # year-on-year warnings
    statuses = tuple(completeness(intake, config))
    problems = _in_unit_order(intake.problems, config)
    to_send = [*problems, *missing_unit_problems(statuses, year, config.plan.deadline)]
    path: Path | None = None
    created = False
    if to_send:
        content = problems_workbook(to_send, config.unit_names, year, config.plan.deadline)
        path, created = save_problem_list(workspace.checks_dir(year), year, content)
    return CheckResult(
        year=year,
        folder=folder,
        statuses=statuses,
        unit_names=config.unit_names,
        problems=problems,
        errors=sum(p.severity == ERROR for p in problems),
        problem_list=path,
        problem_list_created=created,
    )


def init(root: Path, profile: str) -> Started:
    """A new workspace under `root` from a ready profile; nothing already there is touched."""
    from .starter import start_workspace

    return start_workspace(root, profile)


def profiles() -> dict[str, str]:
    """The ready profiles `init` can start from, each with what it is."""
    return dict(PROFILES)


def forms(workspace: Workspace, year: int, *, on_file: Progress | None = None) -> FormsResult:
    """One ready-to-fill workbook per unit, last year's rows carried; existing files kept."""
    from .files import write_new
    from .forms import form_file_name, form_workbook
    from .intake import read_year

    config = load_config(workspace)
    previous_folder = workspace.year_inputs(year - 1)
    found = previous_folder.is_dir()
    previous = Intake(year - 1, (), (), ())
    if found:
        previous = read_year(previous_folder, year - 1, config, on_file=on_file)
    by_unit = {r.unit: r for r in previous.returns}
    folder = workspace.forms_dir(year)
    files = []
    for unit in config.units:
        path = folder / form_file_name(unit)
        earlier = by_unit.get(unit.code)
        created = write_new(path, form_workbook(unit, year, config, earlier))
        files.append(
            FormFile(
                path=path,
                created=created,
                libraries=len(earlier.libraries) if earlier else None,
                institutions=len(earlier.institutions) if earlier else None,
            )
        )
    return FormsResult(
        year=year,
        folder=folder,
        previous_folder=previous_folder,
        previous_found=found,
        previous_units=len(previous.returns),
        previous_errors=sum(p.severity == ERROR for p in previous.problems),
        files=tuple(files),
    )


def history(workspace: Workspace, year: int) -> HistoryResult:
    """The drafts the manifest of a year records, and the chain of its final versions."""
    folder = workspace.year_outputs(year)
    entries = list_drafts(folder, year)
    final = current_final(entries)
    return HistoryResult(
        year=year,
        folder=folder,
        drafts=tuple(entries),
        final=final.number if final else None,
        final_chain=final_chain(entries),
        unregistered=unregistered_files(folder, year, entries),
    )


def diff(workspace: Workspace, year: int, first: str | None, second: str | None) -> DiffResult:
    """The changes from draft `first` to draft `second` (numbers or file paths).

    Without `second`, `first` is compared with the latest draft; without either, the two
    latest drafts are compared.
    """
    folder = workspace.year_outputs(year)
    chosen: Literal["given", "latest-two", "with-latest"] = "given"
    if second is None:
        first, second, chosen = drafts_to_compare(folder, year, first)
    elif first is None:
        raise ReportgenError("Hãy ghi số dự thảo thứ nhất cần so sánh.")
    name_a, old = figures_of(folder, year, first)
    name_b, new = figures_of(folder, year, second)
    return DiffResult(name_a, name_b, describe_changes(old, new), chosen)


def archive(
    workspace: Workspace,
    year: int,
    number: int | None,
    now: datetime,
    *,
    lock_wait: float | None = None,
    on_wait: Callable[[str], None] | None = None,
) -> ArchiveResult:
    """Mark a draft final (replacing any earlier final) and pack it with its sources, verified."""
    return archive_draft(workspace, year, number, now, lock_wait=lock_wait, on_wait=on_wait)


def verify_archive(path: Path) -> VerifyResult:
    """Rebuild an archive's figures from the zip alone, in a temporary folder, and compare."""
    from .verify import verify_archive as rebuild_and_compare

    return rebuild_and_compare(path)
