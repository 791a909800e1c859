"""One build: configuration → intake → evaluation → rendering → a numbered draft."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from . import __version__
from .config import TEMPLATE, Config, load_config
from .consistency import year_on_year_warnings
from .drafts import PublishResult, publish_draft
from .errors import ReportgenError
from .evaluate import evaluate, figures_json, library_uses
from .files import file_digest
from .intake import read_year
from .models import Figures, Intake
from .narrative import build_context
from .problem_sheet import problems_workbook
from .render import render_report

Progress = Callable[[int, int, str], None]


def earlier_years(inputs_dir: Path, year: int) -> list[int]:
    """Years before `year` that have a folder in inputs/."""
    if not inputs_dir.is_dir():
        return []
    return sorted(
        int(p.name)
        for p in inputs_dir.iterdir()
        if p.is_dir() and p.name.isdigit() and int(p.name) < year
    )


def read_checked(
    inputs_dir: Path, year: int, config: Config, on_file: Progress | None = None
) -> tuple[Intake, dict[int, int]]:
    """A year's returns with year-on-year warnings, and the library uses of earlier years."""
    intake = read_year(inputs_dir / str(year), year, config, on_file=on_file)
    history = dict(config.plan.baseline_uses)
    for earlier in earlier_years(inputs_dir, year):
        past = read_year(inputs_dir / str(earlier), earlier, config)
        if past.returns:
            history[earlier] = library_uses(past)
        if earlier == year - 1:
            warnings = year_on_year_warnings(intake, past)
            intake = replace(intake, problems=intake.problems + warnings)
    return intake, history


def compute(
    workspace: Path, inputs_dir: Path, year: int, on_file: Progress | None = None
) -> tuple[Config, Intake, Figures]:
    """Read a year's workbooks and compute its figures, writing nothing."""
    config = load_config(workspace)
    intake, history = read_checked(inputs_dir, year, config, on_file)
    return config, intake, evaluate(intake, config, history)


def publish(
    workspace: Path,
    inputs_dir: Path,
    outputs_dir: Path,
    computed: tuple[Config, Intake, Figures],
    now: datetime,
) -> PublishResult:
    """Render the report and write it as a new draft, unless nothing changed."""
    config, intake, figures = computed
    template = workspace / TEMPLATE
    if not template.is_file():
        raise ReportgenError(
            f"Không tìm thấy mẫu báo cáo {TEMPLATE.as_posix()} trong thư mục làm việc {workspace}."
        )
    if not intake.returns:
        raise ReportgenError(
            f"Không có bảng tính hợp lệ nào của năm {figures.year} trong "
            f"{(inputs_dir / str(figures.year)).as_posix()} nên chưa thể lập báo cáo."
        )
    docx = render_report(build_context(figures, config), template)
    return publish_draft(
        outputs_dir / str(figures.year),
        figures.year,
        docx=docx,
        figures=figures_json(figures, config),
        problems_xlsx=problems_workbook(intake.problems, config.unit_names, figures.year),
        inputs=intake.files,
        config_digest=config.digest,
        template_digest=file_digest(template),
        tool_version=__version__,
        now=now,
    )
