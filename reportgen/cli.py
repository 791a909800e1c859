"""The `reportgen` command: options in, stages called, results printed."""

from __future__ import annotations

import click

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(package_name="reportgen", prog_name="reportgen")
def cli() -> None:
    """Lập báo cáo năm về học tập suốt đời trong thư viện, trung tâm văn hóa.

    Chạy các lệnh trong thư mục làm việc (có config/, templates/, inputs/).
    """


def main() -> None:
    """Entry point of the installed `reportgen` command."""
    cli(prog_name="reportgen")
