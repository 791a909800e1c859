"""The `reportgen` command: a group whose subcommands load when they are used."""

from __future__ import annotations

import click

from .commands.lazy import LazyGroup
from .commands.vietnamese import VietnameseGroup

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}

COMMANDS = {
    "init": "reportgen.commands.init_cmd.init",
    "build": "reportgen.commands.build_cmd.build",
    "check": "reportgen.commands.check_cmd.check",
    "forms": "reportgen.commands.forms_cmd.forms",
    "history": "reportgen.commands.drafts_cmds.history",
    "diff": "reportgen.commands.drafts_cmds.diff",
    "archive": "reportgen.commands.drafts_cmds.archive",
    "rollup": "reportgen.commands.rollup_cmd.rollup",
}


class ReportgenGroup(LazyGroup, VietnameseGroup):
    """Lazy subcommands, every text in Vietnamese."""


@click.group(cls=ReportgenGroup, context_settings=CONTEXT_SETTINGS, lazy_subcommands=COMMANDS)
@click.version_option(
    package_name="reportgen", prog_name="reportgen", message="%(prog)s %(version)s"
)
def cli() -> None:
    """Lập báo cáo năm về học tập suốt đời trong thư viện, trung tâm văn hóa.

    Chạy các lệnh trong thư mục làm việc (có config/, templates/, inputs/),
    hoặc chỉ ra thư mục đó bằng --workspace.
    """


def main() -> None:
    """Entry point of the installed `reportgen` command."""
    cli(prog_name="reportgen")
