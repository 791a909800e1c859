"""Options and helpers shared by every command."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from ..errors import ReportgenError
from ..models import ERROR, LONG_SHEET_ROWS, Problem, RowWatch
from ..workspace import Workspace

F = TypeVar("F", bound=Callable[..., Any])


def year_option(func: F) -> F:
    """`--year Y`, defaulting to the current year."""
    return click.option(
        "--year",
        type=click.IntRange(2000, 2100),
        default=lambda: date.today().year,
        show_default="năm hiện tại",
        help="Năm báo cáo.",
    )(func)


def workspace_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """`--workspace DIR` (and `--inputs`, `--outputs` to read or write elsewhere) as a Workspace."""

    @functools.wraps(func)
    def wrapper(
        *args: Any, root: Path, inputs_dir: Path | None, outputs_dir: Path | None, **kwargs: Any
    ) -> Any:
        return func(*args, workspace=Workspace.at(root, inputs_dir, outputs_dir), **kwargs)

    for option in reversed(
        (
            click.option(
                "--workspace",
                "root",
                type=click.Path(file_okay=False, path_type=Path),
                default=Path("."),
                show_default="thư mục hiện tại",
                help="Thư mục làm việc, có config/, templates/, inputs/ và outputs/.",
            ),
            click.option(
                "--inputs",
                "inputs_dir",
                type=click.Path(file_okay=False, path_type=Path),
                default=None,
                show_default="<thư mục làm việc>/inputs",
                help="Thư mục chứa bảng tính của các đơn vị, mỗi năm một thư mục con "
                "(inputs/2025/...).",
            ),
            click.option(
                "--outputs",
                "outputs_dir",
                type=click.Path(file_okay=False, path_type=Path),
                default=None,
                show_default="<thư mục làm việc>/outputs",
                help="Thư mục ghi kết quả, mỗi năm một thư mục con (outputs/2025/...).",
            ),
        )
    ):
        wrapper = option(wrapper)
    return wrapper


def translate_errors(func: F) -> F:
    """Turn a domain error, or a file the system refused, into a Vietnamese message and exit 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ReportgenError as exc:
            raise click.ClickException(exc.message) from None
        except OSError as exc:  # a file locked, unreadable or gone: a message, not a traceback
            raise click.ClickException(_os_error_message(exc)) from None

    return wrapper  # type: ignore[return-value]


def _os_error_message(exc: OSError) -> str:
    where = f" {Path(exc.filename).as_posix()}" if exc.filename else ""
    if isinstance(exc, PermissionError):
        why = "không có quyền truy cập, hoặc tệp đang mở trong Word/Excel"
    elif isinstance(exc, FileNotFoundError):
        why = "không tìm thấy tệp"
    else:
        why = f"lỗi hệ thống: {exc.strerror or exc}"
    return (
        f"Không đọc hoặc ghi được tệp{where} ({why}). Hãy đóng tệp nếu đang mở, kiểm tra "
        "thư mục, rồi chạy lại."
    )


def file_progress() -> Callable[[int, int, str], None] | None:
    """A one-line counter of the files being read, on a terminal only."""
    stream = sys.stderr
    if not stream.isatty():
        return None

    def report(index: int, total: int, name: str) -> None:
        line = f"Đang đọc {index}/{total}: {name}"  # index counts from 1
        click.echo(f"\r{line[:78]:<78}", file=stream, nl=index == total)

    return report


def long_sheet_option(func: F) -> F:
    """`--long-sheet N` (hidden): from how many rows a sheet's reading shows its progress."""
    return click.option(
        "--long-sheet",
        "long_sheet",
        type=click.IntRange(1),
        default=LONG_SHEET_ROWS,
        hidden=True,
        help="Từ bao nhiêu dòng thì một sheet được coi là dài và hiện tiến độ khi đọc.",
    )(func)


def row_progress(long_sheet: int = LONG_SHEET_ROWS) -> RowWatch:
    """How far the reading of a long sheet has come, on the error stream: one line rewritten
    on a terminal, a line each time elsewhere (a log keeps them all)."""
    terminal = sys.stderr.isatty()

    def report(file: str, sheet: str, done: int, total: int) -> None:
        line = f"Đang đọc {file} › {sheet}: {done:,}/{total:,} dòng".replace(",", ".")
        if terminal:
            click.echo(f"\r{line[:78]:<78}", err=True, nl=done == total)
        else:
            click.echo(line, err=True)

    return RowWatch(report, long_sheet)


def echo_problems(problems: Sequence[Problem], unit_names: Mapping[str, str]) -> int:
    """Every problem (already in unit order), each with its file › sheet › cell; the errors."""
    errors = sum(p.severity == ERROR for p in problems)
    if not problems:
        click.echo("Không có vấn đề nào trong dữ liệu.")
        return 0
    click.echo(
        f"Vấn đề trong dữ liệu: {errors} lỗi (phần có lỗi không được tính vào số liệu), "
        f"{len(problems) - errors} cảnh báo:"
    )
    current: str | None = None
    for p in problems:
        if p.unit != current:
            current = p.unit
            click.echo(
                f"  {unit_names.get(p.unit, p.unit) if p.unit else 'Chưa xác định được đơn vị'}:"
            )
        mark = "Lỗi" if p.severity == ERROR else "Cảnh báo"
        click.echo(f"    - [{mark}] {p.location()}: {p.message}")
    return errors


def say_waiting(message: str) -> None:
    """Tell the clerk, on the error stream, that this run waits for another."""
    click.echo(message, err=True)
