"""Vietnamese for every text Click itself prints (usage, help headings, errors)."""

from __future__ import annotations

import gettext
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any

import click

# Click (>= 8.0) wraps its texts in `gettext`/`ngettext` imported by name from
# the stdlib into each of its modules, so they resolve through the global
# "messages" domain and the user's LANGUAGE/LC_*/LANG, with no per-application
# hook (pallets/click#2706 is still open). Binding that domain would need .mo
# files plus a locale in the environment (a clerk's Windows has none, and
# setting one would leak into LibreOffice and everything else using gettext).
# So the catalogue below is a plain dict, and `vietnamese_messages` points
# Click's own `_`/`ngettext` names at it only while our group runs.

# Every user-facing msgid of Click 8.1-8.5 (read in 8.1.3, 8.1.8, 8.2.1 and
# 8.5.1), exactly as in its source.
# Left out on purpose: errors Click raises at definition time for programming
# mistakes ("Name '{name}' defined twice", "Could not determine name for
# option ...", "Unknown color ...", "Choice({choices})" repr and the like).
# Where Click fills a placeholder with an English word it never translates
# (the number type name {number_type}, the Path type's {name} fixed when our
# options were declared, a parameter's kind {param_type}), the Vietnamese text
# leaves that placeholder out rather than print the English word.
CATALOGUE: dict[str, str] = {
    # Help page.
    "Usage:": "Cách dùng:",
    "Options": "Tùy chọn",
    "Commands": "Lệnh",
    "Positional arguments": "Tham số theo vị trí",
    "Show this message and exit.": "Hiện hướng dẫn này rồi thoát.",
    "Show the version and exit.": "Hiện phiên bản rồi thoát.",
    "%(prog)s, version %(version)s": "%(prog)s, phiên bản %(version)s",
    "Confirm the action without prompting.": "Xác nhận thao tác, không hỏi lại.",
    "Do you want to continue?": "Có tiếp tục không?",
    "default: {default}": "mặc định: {default}",
    "required": "bắt buộc",
    "env var: {var}": "biến môi trường: {var}",
    "(dynamic)": "(tính khi chạy)",
    "deprecated": "lỗi thời",
    "(Deprecated) {text}": "(Lỗi thời) {text}",
    # Errors and their frame.
    "Error: {message}": "Lỗi: {message}",
    "Error: {e.message}": "Lỗi: {e.message}",
    "Try '{command} {option}' for help.": "Gõ '{command} {option}' để xem hướng dẫn.",
    "Aborted!": "Đã hủy.",
    "unknown error": "lỗi không xác định",
    "Missing command.": "Thiếu lệnh.",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "No such option {name!r}.": "Không có tùy chọn {name!r}.",
    "No such option: {name}": "Không có tùy chọn: {name}",
    "Invalid value for {param_hint}: {message}": (
        "Giá trị không hợp lệ cho {param_hint}: {message}"
    ),
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "Missing argument": "Thiếu tham số",
    "Missing option": "Thiếu tùy chọn",
    "Missing parameter": "Thiếu tham số",
    "Missing parameter: {param_name}": "Thiếu tham số: {param_name}",
    "Missing {param_type}": "Thiếu {param_type}",
    "Option {name!r} does not take a value.": "Tùy chọn {name!r} không nhận giá trị.",
    "Argument {name!r} takes {nargs} values.": "Tham số {name!r} cần {nargs} giá trị.",
    "Invalid start character for option ({option})": (
        "Tùy chọn bắt đầu bằng ký tự không hợp lệ ({option})"
    ),
    "Value must be an iterable.": "Giá trị phải gồm nhiều phần tử.",
    "DeprecationWarning: The command {name!r} is deprecated.": (
        "Cảnh báo: lệnh {name!r} đã lỗi thời."
    ),
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}": (
        "Cảnh báo: lệnh {name!r} đã lỗi thời.{extra_message}"
    ),
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}": (
        "Cảnh báo: {name!r} đã lỗi thời.{extra_message}"
    ),
    # Values that do not convert.
    "{value!r} is not a valid {number_type}.": "{value!r} không phải là số hợp lệ.",
    "{value} is not in the range {range}.": "{value} nằm ngoài khoảng {range}.",
    "Choose from:\n\t{choices}": "Chọn một trong:\n\t{choices}",
    "{value!r} is not a valid boolean.": "{value!r} không phải là giá trị có/không.",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value!r} không phải là giá trị có/không. Các giá trị nhận được: {states}"
    ),
    "{value!r} is not a valid UUID.": "{value!r} không phải là UUID hợp lệ.",
    "Could not open file {filename!r}: {message}": ("Không mở được tệp {filename!r}: {message}"),
    "{name} {filename!r} does not exist.": "Không tìm thấy {filename!r}.",
    "{name} {filename!r} is a file.": "{filename!r} là một tệp, không phải thư mục.",
    "{name} {filename!r} is a directory.": ("{filename!r} là một thư mục, không phải tệp."),
    "{name} '{filename}' is a directory.": ("'{filename}' là một thư mục, không phải tệp."),
    "{name} {filename!r} is not readable.": "Không có quyền đọc {filename!r}.",
    "{name} {filename!r} is not writable.": "Không có quyền ghi {filename!r}.",
    "{name} {filename!r} is not executable.": "Không có quyền chạy {filename!r}.",
    "file": "tệp",
    "directory": "thư mục",
    "path": "đường dẫn",
    # Prompts, editor, console and shell completion.
    "Repeat for confirmation": "Nhập lại để xác nhận",
    "Error: The two entered values do not match.": ("Lỗi: hai giá trị đã nhập không khớp nhau."),
    "Error: The value you entered was invalid.": "Lỗi: giá trị đã nhập không hợp lệ.",
    "Error: invalid input": "Lỗi: giá trị nhập không hợp lệ",
    "Press any key to continue...": "Nhấn phím bất kỳ để tiếp tục...",
    "{editor}: Editing failed": "{editor}: sửa không thành công",
    "{editor}: Editing failed: {e}": "{editor}: sửa không thành công: {e}",
    "Windows error: {error}": "Lỗi Windows: {error}",
    "Couldn't detect Bash version, shell completion is not supported.": (
        "Không xác định được phiên bản Bash, không hỗ trợ tự điền lệnh."
    ),
    "Shell completion is not supported for Bash versions older than 4.4.": (
        "Không hỗ trợ tự điền lệnh với Bash cũ hơn 4.4."
    ),
    # Day label of a progress bar's time left ("2 ngày 03:04:05").
    "d": " ngày",
}

# Plural msgids (singular, plural) -> Vietnamese (n == 1, otherwise).
PLURAL_CATALOGUE: dict[tuple[str, str], tuple[str, str]] = {
    (
        "Got unexpected extra argument ({args})",
        "Got unexpected extra arguments ({args})",
    ): ("Có tham số thừa ({args})", "Có các tham số thừa ({args})"),
    (
        "Did you mean {possibility}?",
        "(Did you mean one of: {possibilities}?)",
    ): ("Có phải là {possibility}?", "(Có phải là một trong: {possibilities}?)"),
    (
        "Did you mean {possibility}?",
        "(Possible options: {possibilities})",
    ): ("Có phải là {possibility}?", "(Các tùy chọn gần giống: {possibilities})"),
    (
        "Option {name!r} requires an argument.",
        "Option {name!r} requires {nargs} arguments.",
    ): ("Tùy chọn {name!r} cần một giá trị.", "Tùy chọn {name!r} cần {nargs} giá trị."),
    (
        "Takes {nargs} values but 1 was given.",
        "Takes {nargs} values but {len} were given.",
    ): ("Cần {nargs} giá trị nhưng chỉ có 1.", "Cần {nargs} giá trị nhưng có {len}."),
    (
        "{len_type} values are required, but {len_value} was given.",
        "{len_type} values are required, but {len_value} were given.",
    ): (
        "Cần {len_type} giá trị nhưng có {len_value}.",
        "Cần {len_type} giá trị nhưng có {len_value}.",
    ),
    (
        "{value!r} is not {choice}.",
        "{value!r} is not one of {choices}.",
    ): ("{value!r} không phải là {choice}.", "{value!r} không phải là một trong {choices}."),
    (
        "{value!r} does not match the format {format}.",
        "{value!r} does not match the formats {formats}.",
    ): (
        "{value!r} không đúng định dạng {format}.",
        "{value!r} không đúng định dạng nào trong {formats}.",
    ),
}

# Value placeholders in usage lines and option lists, which Click does not
# pass through gettext: keyed by Click's type name or default metavar.
TYPE_METAVARS: dict[str, str] = {
    "integer": "SỐ",
    "integer range": "SỐ",
    "float": "SỐ",
    "float range": "SỐ",
    "text": "VĂN BẢN",
    "boolean": "CÓ/KHÔNG",
    "directory": "THƯ MỤC",
    "file": "TỆP",
    "filename": "TỆP",
    "path": "ĐƯỜNG DẪN",
}
OPTIONS_METAVARS: dict[str, str] = {"[OPTIONS]": "[TÙY CHỌN]"}
SUBCOMMAND_METAVARS: dict[str, str] = {
    "COMMAND [ARGS]...": "LỆNH [THAM SỐ]...",
    "[COMMAND] [ARGS]...": "[LỆNH] [THAM SỐ]...",
    "COMMAND1 [ARGS]... [COMMAND2 [ARGS]...]...": ("LỆNH1 [THAM SỐ]... [LỆNH2 [THAM SỐ]...]..."),
    "[COMMAND1] [ARGS]... [COMMAND2 [ARGS]...]...": (
        "[LỆNH1] [THAM SỐ]... [LỆNH2 [THAM SỐ]...]..."
    ),
}


class VietnameseTranslations(gettext.NullTranslations):
    """Translations read from the dict catalogues above; unknown texts pass through."""

    def gettext(self, message: str) -> str:
        """Vietnamese for one Click text, or the text itself."""
        return CATALOGUE.get(message, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        """Vietnamese for one Click text with a count, or the English form."""
        forms = PLURAL_CATALOGUE.get((msgid1, msgid2), (msgid1, msgid2))
        return forms[0] if n == 1 else forms[1]


@contextmanager
def vietnamese_messages() -> Iterator[None]:
    """Make Click's own modules speak Vietnamese for the duration of the block."""
    translations = VietnameseTranslations()
    replacements = {"_": translations.gettext, "ngettext": translations.ngettext}
    stdlib = {"_": gettext.gettext, "ngettext": gettext.ngettext}
    patched: list[tuple[ModuleType, str]] = []
    # Click's modules bind the stdlib functions by name; only those bindings
    # are swapped (a nested run finds them already swapped and leaves them).
    for name, module in list(sys.modules.items()):
        if module is None or not (name == "click" or name.startswith("click.")):
            continue
        for attr, original in stdlib.items():
            if getattr(module, attr, None) is original:
                setattr(module, attr, replacements[attr])
                patched.append((module, attr))
    try:
        yield
    finally:
        for module, attr in patched:
            setattr(module, attr, stdlib[attr])


def localize_command(command: click.Command) -> None:
    """Give a command (and its subcommands) Vietnamese texts fixed when it was declared."""
    if command.options_metavar in OPTIONS_METAVARS:
        command.options_metavar = OPTIONS_METAVARS[command.options_metavar]
    for param in command.params:
        if not isinstance(param, click.Option):
            continue
        # `version_option` and friends evaluate their help before we run.
        translate_help(param)
        if param.metavar is None and param.nargs == 1 and param.type.name in TYPE_METAVARS:
            param.metavar = TYPE_METAVARS[param.type.name]
    if isinstance(command, click.Group):
        if command.subcommand_metavar in SUBCOMMAND_METAVARS:
            command.subcommand_metavar = SUBCOMMAND_METAVARS[command.subcommand_metavar]
        for subcommand in command.commands.values():
            localize_command(subcommand)


def translate_help(option: click.Option | None) -> None:
    """Put an option's help in Vietnamese if it is one of Click's own texts."""
    if option is not None and option.help is not None and option.help in CATALOGUE:
        option.help = CATALOGUE[option.help]


class VietnameseGroup(click.Group):
    """A Click group whose help, usage and errors are all in Vietnamese."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        localize_command(self)

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        """Register a subcommand with its Click texts in Vietnamese."""
        localize_command(cmd)
        super().add_command(cmd, name)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        """The group's help option, described in Vietnamese."""
        option = super().get_help_option(ctx)
        translate_help(option)
        return option

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """A subcommand whose help option is described in Vietnamese."""
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            # Click caches a command's help option on first use, which may
            # have been outside our group (another group, a direct invoke).
            translate_help(command.get_help_option(ctx))
        return command

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """Run the group (also under CliRunner) with Click speaking Vietnamese."""
        with vietnamese_messages():
            return super().main(*args, **kwargs)
