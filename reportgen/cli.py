"""The `reportgen` command: options in, stages called, results printed."""

from __future__ import annotations

import click

from .commands.build_cmd import build
from .commands.check_cmd import check
from .commands.drafts_cmds import archive, diff, history
from .commands.forms_cmd import forms
from .commands.vietnamese import VietnameseGroup

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}


@click.group(cls=VietnameseGroup, context_settings=CONTEXT_SETTINGS)
@click.version_option(
    package_name="reportgen", prog_name="reportgen", message="%(prog)s %(version)s"
)
def cli() -> None:
    """Lập báo cáo năm về học tập suốt đời trong thư viện, trung tâm văn hóa.

    Chạy các lệnh trong thư mục làm việc (có config/, templates/, inputs/).
    """


def main() -> None:
    """Entry point of the installed `reportgen` command."""
    cli(prog_name="reportgen")


for command in (build, check, forms, history, diff, archive):
    cli.add_command(command)
