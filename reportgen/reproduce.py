"""A year's figures from a workspace's files, and which earlier years' files they came from."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from .config import Config
from .evaluate import evaluate, library_uses, period_summary
from .models import EarlierInput, Figures, Intake, RowWatch, YearUses
from .workspace import Workspace

Progress = Callable[[int, int, str], None]  # (file number from 1, file count, file name)


@dataclass(frozen=True)
class YearFigures:
    """A year's returns, its figures, and the earlier years' files those figures used."""

    intake: Intake
    figures: Figures
    earlier_inputs: tuple[EarlierInput, ...]


def read_years(
    workspace: Workspace,
    year: int,
    config: Config,
    on_file: Progress | None,
    on_rows: RowWatch | None = None,
) -> tuple[Intake, dict[int, Intake]]:
    """A year's returns with year-on-year warnings, and the returns of every earlier year."""
    from .consistency import year_on_year_warnings
    from .intake import read_year

    intake = read_year(workspace.year_inputs(year), year, config, on_file=on_file, on_rows=on_rows)
    earlier: dict[int, Intake] = {}
    for past_year in workspace.earlier_years(year):
        past = read_year(workspace.year_inputs(past_year), past_year, config)
        earlier[past_year] = past
        if past_year == year - 1:
            warnings = year_on_year_warnings(intake, past)
            intake = replace(intake, problems=intake.problems + warnings)
    return intake, earlier


def year_history(earlier: dict[int, Intake], config: Config, before: int) -> dict[int, YearUses]:
    """The library uses of the years before `before`: the plan's baseline, then workbooks."""
    history = {y: YearUses(y, uses, None) for y, uses in config.plan.baseline_uses if y < before}
    for past_year, past in earlier.items():
        if past_year < before and past.returns:
            history[past_year] = library_uses(past)
    return history


def earlier_inputs_used(earlier: dict[int, Intake], year: int) -> tuple[EarlierInput, ...]:
    """The files of the earlier years whose workbooks fed the figures: those with returns."""
    return tuple(
        EarlierInput(past_year, f.name, f.sha256)
        for past_year, past in sorted(earlier.items())
        if past_year < year and past.returns
        for f in sorted(past.files, key=lambda f: f.name)
    )


def year_figures(
    workspace: Workspace,
    year: int,
    config: Config,
    on_file: Progress | None = None,
    on_rows: RowWatch | None = None,
) -> YearFigures:
    """A year's returns and figures; in a review year, with every year of the period so far."""
    intake, earlier = read_years(workspace, year, config, on_file, on_rows)
    figures = evaluate(intake, config, year_history(earlier, config, year))
    used = earlier_inputs_used(earlier, year)
    if not config.plan.is_review(year):
        return YearFigures(intake, figures, used)
    past = {
        y: evaluate(i, config, year_history(earlier, config, y))
        for y, i in earlier.items()
        if i.returns and y >= config.plan.year
    }
    period = period_summary(figures, past, config.plan.year)
    return YearFigures(intake, replace(figures, period=period), used)
