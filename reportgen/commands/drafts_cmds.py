"""`reportgen history`, `diff` and `archive`: the drafts of a year and the final archive."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from .. import jobs
from ..workspace import Workspace
from .common import say_waiting, translate_errors, workspace_options, year_option

CHANGE_LINES_SHOWN = 3


def _final_text(entry: jobs.ManifestEntry) -> str:
    """The last column of `history`: whether a draft is, or was, the final version."""
    if entry.final:
        return "chính thức" + (f" (thay thế bản {entry.replaces:02d})" if entry.replaces else "")
    if entry.replaced_by is not None:
        return f"đã được thay thế bởi bản {entry.replaced_by:02d}"
    return ""


@click.command("history")
@year_option
@workspace_options
@translate_errors
def history(year: int, workspace: Workspace) -> None:
    """Liệt kê các dự thảo báo cáo đã lập trong năm và thay đổi của từng dự thảo."""
    result = jobs.history(workspace, year)
    where = result.folder.as_posix()
    if not result.drafts:
        click.echo(f"Chưa có dự thảo nào của năm {year} trong {where}.")
    else:
        click.echo(f"Các dự thảo báo cáo năm {year} ({where}):")
        click.echo(f"{'Số':>3}  {'Thời gian':<19}  {'Tệp':<28}  {'Vấn đề':>6}  Bản chính thức")
    for e in result.drafts:
        when = e.time.replace("T", " ")[:19]
        click.echo(
            f"{e.number:>3}  {when:<19}  {e.docx:<28}  {e.problem_count:>6}  {_final_text(e)}"
        )
        for line in e.changes[:CHANGE_LINES_SHOWN]:
            click.echo(f"       - {line}")
        if len(e.changes) > CHANGE_LINES_SHOWN:
            click.echo(f"       (và {len(e.changes) - CHANGE_LINES_SHOWN} thay đổi khác)")
        if not e.changes and e is not result.drafts[0]:
            click.echo("       - số liệu không đổi so với dự thảo trước")
    if result.final is not None:
        chain = " → ".join(f"{n:02d}" for n in result.final_chain)
        later = (
            " (các bản chính thức lần lượt: " + chain + ")" if len(result.final_chain) > 1 else ""
        )
        click.echo(f"Bản chính thức hiện hành: dự thảo {result.final:02d}{later}.")
        newest = result.drafts[-1].number
        if newest != result.final:
            click.echo(
                f"Dự thảo {newest:02d} lập sau bản chính thức; nếu gửi bản mới thì chạy "
                f"`reportgen archive --year {year}`."
            )
    if result.unregistered:
        click.echo(
            f"Không tính là dự thảo ({len(result.unregistered)} tệp không có trong danh sách dự "
            "thảo, có thể do một lần lập bị dừng giữa chừng hoặc do chép tay): "
            + ", ".join(result.unregistered)
        )


@click.command("diff")
@click.argument("first", metavar="[A]", required=False)
@click.argument("second", metavar="[B]", required=False)
@year_option
@workspace_options
@translate_errors
def diff(first: str | None, second: str | None, year: int, workspace: Workspace) -> None:
    """So sánh hai dự thảo A và B (số dự thảo hoặc đường dẫn tệp .json/.docx).

    Không ghi A, B: so sánh hai dự thảo mới nhất. Chỉ ghi A: so sánh A với dự thảo mới nhất.
    """
    result = jobs.diff(workspace, year, first, second)
    if result.chosen == "latest-two":
        click.echo(f"So sánh hai dự thảo mới nhất: {result.first} và {result.second}.")
    elif result.chosen == "with-latest":
        click.echo(f"So sánh {result.first} với dự thảo mới nhất ({result.second}).")
    if not result.changes:
        click.echo(f"Không có thay đổi nào về số liệu giữa {result.first} và {result.second}.")
        return
    click.echo(f"Thay đổi từ {result.first} đến {result.second}:")
    for line in result.changes:
        click.echo(f"  - {line}")


def _echo_marked(result: jobs.ArchiveResult) -> None:
    click.echo(f"Đã đánh dấu dự thảo {result.number:02d} là bản chính thức.")
    if result.replaces is not None:
        click.echo(
            f"Dự thảo {result.number:02d} thay thế bản chính thức trước đó (dự thảo "
            f"{result.replaces:02d}); dự thảo {result.replaces:02d} không còn là bản chính thức."
        )


@click.command("archive")
@year_option
@click.option(
    "--draft",
    "number",
    type=click.IntRange(1),
    default=None,
    help="Số dự thảo cần lưu trữ (mặc định: dự thảo mới nhất).",
)
@click.option(
    "--verify",
    "to_verify",
    metavar="ĐƯỜNG_DẪN.zip",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Không lưu trữ: tính lại số liệu chỉ từ tệp lưu trữ này và so với số liệu nó ghi.",
)
@workspace_options
@translate_errors
def archive(year: int, number: int | None, to_verify: Path | None, workspace: Workspace) -> None:
    """Đánh dấu một dự thảo là bản chính thức và lưu trữ nó cùng toàn bộ dữ liệu đã dùng.

    Với --verify: tính lại số liệu chỉ từ một tệp lưu trữ và so với số liệu nó ghi.
    """
    if to_verify is not None:
        _verify(to_verify)
        return
    result = jobs.archive(workspace, year, number, datetime.now(), on_wait=say_waiting)
    where = result.path.as_posix()
    if not result.created:
        click.echo(
            f"Bản lưu trữ dự thảo {result.number:02d} đã có: {where}; các tệp trong đó giữ "
            f"nguyên. Đã kiểm tra lại: {result.members} tệp bên trong nguyên vẹn."
        )
        for note in result.notes:
            click.echo(note)
        if result.marked:
            _echo_marked(result)
        return
    for note in result.notes:
        click.echo(note)
    _echo_marked(result)
    click.echo(f"Đã ghi bản lưu trữ: {where}")
    click.echo(f"Đã kiểm tra lại bản lưu trữ: {result.members} tệp, nội dung khớp từng byte.")


def _verify(path: Path) -> None:
    """`archive --verify`: print what rebuilding the archive's figures found; exit 1 if any."""
    result = jobs.verify_archive(path)
    click.echo(
        f"Đã tính lại số liệu năm {result.year} (dự thảo {result.number:02d}) chỉ từ "
        f"{path.as_posix()}."
    )
    if result.reproduced:
        click.echo("Bản lưu trữ tái tạo đúng số liệu.")
        return
    if result.damaged:
        click.echo("Các tệp trong bản lưu trữ đã bị thay đổi sau khi lưu trữ:")
        for line in result.damaged:
            click.echo(f"  - {line}")
    if result.differences:
        click.echo("Số liệu tính lại khác số liệu ghi trong bản lưu trữ:")
        for line in result.changes:
            click.echo(f"  - {line}")
        click.echo("Chi tiết từng mục:")
        for line in result.differences:
            click.echo(f"  - {line}")
    if not result.same_version:
        click.echo(
            f"Lưu ý: dự thảo được lập bằng reportgen {result.tool_version}, khác phiên bản đang"
            " dùng; cách tính có thể đã đổi giữa hai phiên bản."
        )
    click.get_current_context().exit(1)
