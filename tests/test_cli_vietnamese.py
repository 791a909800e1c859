"""What Click itself prints for reportgen (help, usage, errors) is Vietnamese."""

from __future__ import annotations

import gettext
import re
import string
import sys
import unicodedata

import click
import pytest
from click.testing import CliRunner, Result

from reportgen.cli import cli
from reportgen.commands.vietnamese import (
    CATALOGUE,
    PLURAL_CATALOGUE,
    VietnameseGroup,
)

# English that Click prints when its texts are not translated.
ENGLISH = (
    "Usage",
    "Options",
    "Commands",
    "Show this message",
    "Show the version",
    "default:",
    "required",
    "Error",
    "Try '",
    "Invalid value",
    "OPTIONS",
    "COMMAND",
    "ARGS",
    "INTEGER",
    "DIRECTORY",
    "TEXT",
)
COMMANDS = ["archive", "build", "check", "diff", "forms", "history", "init", "rollup"]


def run(*args: str) -> Result:
    """Invoke the `reportgen` group as the installed command would be."""
    return CliRunner().invoke(cli, list(args), prog_name="reportgen")


def assert_no_english(output: str) -> None:
    """Fail naming the first English Click text found in the output."""
    found = [word for word in ENGLISH if word in output]
    assert not found, f"English from Click {found} in:\n{output}"


def test_top_level_help_is_vietnamese() -> None:
    result = run("--help")
    assert result.exit_code == 0
    assert result.output.startswith("Cách dùng: reportgen [TÙY CHỌN] LỆNH [THAM SỐ]...\n")
    assert "\nTùy chọn:\n" in result.output
    assert "\nLệnh:\n" in result.output
    assert "-h, --help  Hiện hướng dẫn này rồi thoát." in result.output
    assert "--version   Hiện phiên bản rồi thoát." in result.output
    assert_no_english(result.output)


def test_every_command_is_listed() -> None:
    with click.Context(cli) as ctx:
        assert cli.list_commands(ctx) == COMMANDS
        assert all(isinstance(cli.get_command(ctx, name), click.Command) for name in COMMANDS)


def test_top_level_help_lists_every_command_with_their_summary() -> None:
    result = run("--help")
    assert result.exit_code == 0, result.output
    listed = result.output.split("\nLệnh:\n", 1)[1].splitlines()
    assert [line.split()[0] for line in listed if line.strip()] == COMMANDS
    assert all(len(line.split()) > 1 for line in listed if line.strip())  # each has a summary


@pytest.mark.parametrize("name", COMMANDS, ids=COMMANDS)
def test_every_command_has_vietnamese_help(name: str) -> None:
    result = run(name, "--help")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Cách dùng: reportgen {name} [TÙY CHỌN]")
    with click.Context(cli) as ctx:
        command = cli.get_command(ctx, name)
    assert command is not None and (command.help or "").strip(), f"{name} has no help text"
    if name != "init":  # init makes the workspace it is given, for no year
        assert "--workspace THƯ MỤC" in result.output
        assert "--year SỐ" in result.output
    assert "\nTùy chọn:\n" in result.output
    assert "Hiện hướng dẫn này rồi thoát." in result.output
    assert "[mặc định: " in result.output
    assert_no_english(result.output)


def test_year_that_is_not_a_number() -> None:
    result = run("build", "--year", "hai")
    assert result.exit_code == 2
    assert result.output == (
        "Cách dùng: reportgen build [TÙY CHỌN]\n"
        "Gõ 'reportgen build --help' để xem hướng dẫn.\n"
        "\n"
        "Lỗi: Giá trị không hợp lệ cho '--year': 'hai' không phải là số hợp lệ.\n"
    )


def test_year_out_of_range() -> None:
    result = run("check", "--year", "1999")
    assert result.exit_code == 2
    assert (
        "Lỗi: Giá trị không hợp lệ cho '--year': 1999 nằm ngoài khoảng 2000<=x<=2100."
        in result.output
    )
    assert_no_english(result.output)


def test_unknown_option() -> None:
    result = run("build", "--yera", "2025")
    assert result.exit_code == 2
    assert "Lỗi: Không có tùy chọn" in result.output
    assert "--yera" in result.output
    assert "Có phải là" in result.output
    assert_no_english(result.output)


def test_unknown_command() -> None:
    result = run("buid")
    assert result.exit_code == 2
    assert "Lỗi: Không có lệnh 'buid'." in result.output
    assert "Gõ 'reportgen --help' để xem hướng dẫn." in result.output
    assert_no_english(result.output)


def test_diff_without_numbers_in_a_folder_without_drafts(tmp_path) -> None:
    result = run("diff", "--year", "2025", "--workspace", str(tmp_path))
    assert result.exit_code == 1
    assert "Lỗi: Chưa có dự thảo nào của năm 2025" in result.output
    assert_no_english(result.output)


def test_diff_with_a_third_draft() -> None:
    result = run("diff", "1", "2", "3")
    assert result.exit_code == 2
    assert "Lỗi: Có tham số thừa (3)" in result.output
    assert_no_english(result.output)


def test_folder_option_given_a_file() -> None:
    result = run("check", "--inputs", __file__)
    assert result.exit_code == 2
    assert "là một tệp, không phải thư mục." in result.output
    assert_no_english(result.output)


def small_group() -> click.Group:
    """A throwaway group built like ours, to reach texts our commands rarely print."""

    @click.group(cls=VietnameseGroup)
    def group() -> None:
        """Nhóm thử."""

    @group.command()
    @click.option("--count", type=int, default=3, show_default=True, help="Số.")
    @click.option("--unit", required=True, help="Đơn vị.")
    def run_it(count: int, unit: str) -> None:
        """Chạy thử."""
        click.echo(f"stdlib={gettext.gettext('Usage:')}")

    @group.command()
    def stop() -> None:
        """Dừng giữa chừng."""
        raise click.Abort()

    return group


def test_required_option_and_defaults_in_vietnamese(runner: CliRunner) -> None:
    group = small_group()
    shown = runner.invoke(group, ["run-it", "--help"], prog_name="reportgen")
    assert "--count SỐ" in shown.output
    assert "[mặc định: 3]" in shown.output
    assert "--unit VĂN BẢN" in shown.output
    assert "[bắt buộc]" in shown.output
    assert_no_english(shown.output)
    missing = runner.invoke(group, ["run-it"], prog_name="reportgen")
    assert missing.exit_code == 2
    assert "Lỗi: Thiếu tùy chọn '--unit'." in missing.output
    assert_no_english(missing.output)


def test_interrupted_run_says_cancelled(runner: CliRunner) -> None:
    result = runner.invoke(small_group(), ["stop"], prog_name="reportgen")
    assert result.exit_code == 1
    assert result.output == "Đã hủy.\n"


def click_gettext_bindings() -> dict[str, object]:
    """Each Click module's `_`/`ngettext` binding, by module and name."""
    return {
        f"{name}.{attr}": getattr(module, attr)
        for name, module in list(sys.modules.items())
        if module is not None and (name == "click" or name.startswith("click."))
        for attr in ("_", "ngettext")
        if hasattr(module, attr)
    }


def test_no_leak_into_gettext_or_other_click_programs(runner: CliRunner) -> None:
    before = click_gettext_bindings()
    assert before and all(
        binding in (gettext.gettext, gettext.ngettext) for binding in before.values()
    )
    # While our command runs, the stdlib function itself is untouched.
    inside = runner.invoke(small_group(), ["run-it", "--unit", "x"])
    assert inside.output == "stdlib=Usage:\n"
    assert run("--help").exit_code == 0
    assert click_gettext_bindings() == before
    assert gettext.gettext("Usage:") == "Usage:"

    @click.group()
    def other() -> None:
        """Another program."""

    english = runner.invoke(other, ["--help"])
    assert "Usage: other [OPTIONS] COMMAND [ARGS]..." in english.output
    assert "Show this message and exit." in english.output


def fields(text: str) -> set[str]:
    """Placeholders of a str.format or %-style text, with their conversions."""
    named = {
        f"{field}!{conversion}"
        for _, field, _, conversion in string.Formatter().parse(text)
        if field is not None
    }
    return named | set(re.findall(r"%\(\w+\)s", text))


# Placeholders Click fills with English words it never translates.
DROPPABLE = {"number_type!None", "name!None", "param_type!None"}
PAIRS = [(msgid, vi) for msgid, vi in CATALOGUE.items()] + [
    pair
    for msgids, translations in PLURAL_CATALOGUE.items()
    for pair in zip(msgids, translations, strict=True)
]


@pytest.mark.parametrize(("msgid", "vietnamese"), PAIRS, ids=[p[0] for p in PAIRS])
def test_catalogue_entry_is_vietnamese_with_same_placeholders(msgid: str, vietnamese: str) -> None:
    assert unicodedata.normalize("NFC", vietnamese) == vietnamese
    assert not vietnamese.isascii()
    assert fields(vietnamese) <= fields(msgid)
    assert fields(msgid) - fields(vietnamese) <= DROPPABLE


def test_help_stays_vietnamese_after_command_ran_elsewhere(runner: CliRunner) -> None:
    @click.command()
    def fresh() -> None:
        """Lệnh thử."""

    # Click caches a command's help option the first time it is built.
    plain = click.Group("plain", commands=[fresh])
    english = runner.invoke(plain, ["fresh", "--help"])
    assert "Show this message and exit." in english.output
    group = small_group()
    group.add_command(fresh)
    result = runner.invoke(group, ["fresh", "--help"], prog_name="reportgen")
    assert "Hiện hướng dẫn này rồi thoát." in result.output
    assert_no_english(result.output)
