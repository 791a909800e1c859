"""`reportgen rollup --year Y SOURCES…`: the province's report from its localities' figures."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from .. import jobs
from ..workspace import Workspace
from .build_cmd import echo_result
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
@click.option(
    "--no-merge",
    "no_merge",
    is_flag=True,
    help="Lập dự thảo mới chỉ từ mẫu, không chuyển các chỗ đã sửa trong dự thảo trước.",
)
@translate_errors
def rollup(year: int, workspace: Workspace, sources: tuple[Path, ...], no_merge: bool) -> None:
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
        on_wait=say_waiting,
        merge=not no_merge,
    )
    echo_result(result)
