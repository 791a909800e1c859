"""`reportgen rollup --year Y SOURCES…`: the province's report from its localities' figures."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from .. import jobs
from ..workspace import Workspace
from .build_cmd import echo_result, pdf_progress, with_draft_options
from .common import say_waiting, translate_errors, workspace_options, year_option


@click.command("rollup")
@year_option
@workspace_options
@click.argument(
    "sources",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, path_type=Path),
    metavar="NGUỒN...",
)
@with_draft_options
@translate_errors
def rollup(
    year: int, workspace: Workspace, sources: tuple[Path, ...], pdf: bool, no_merge: bool
) -> None:
    """Tổng hợp báo cáo của nhiều địa phương thành báo cáo của tỉnh (hoặc của cấp trên).

    NGUỒN là các tệp số liệu .json của báo cáo các xã, phường (do reportgen lập), tệp lưu
    trữ .zip, hoặc thư mục chứa chúng. Mỗi tệp được kiểm tra theo lược đồ số liệu; tệp sai,
    khác năm, khác Kế hoạch hoặc không nhận ra địa phương được nêu tên và bỏ qua. Địa phương
    gửi hai tệp thì dùng tệp mới nhất. Danh sách địa phương lấy từ config/units.toml.
    """
    result = jobs.rollup(
        workspace,
        year,
        sources,
        datetime.now(),
        pdf=pdf,
        on_pdf=pdf_progress,
        on_wait=say_waiting,
        merge=not no_merge,
    )
    echo_result(result)
