"""Click's documented LazyGroup: a subcommand's module is imported only when it is used."""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any

import click


class LazyGroup(click.Group):
    """A group whose subcommands are named as `module.attribute` and imported on first use."""

    def __init__(
        self, *args: Any, lazy_subcommands: Mapping[str, str] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_subcommands = dict(lazy_subcommands or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        """The commands already loaded and those still to load, by name."""
        return sorted({*super().list_commands(ctx), *self.lazy_subcommands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """A subcommand, imported now if it has not been yet."""
        if cmd_name not in self.commands and cmd_name in self.lazy_subcommands:
            module_name, attribute = self.lazy_subcommands[cmd_name].rsplit(".", 1)
            command = getattr(importlib.import_module(module_name), attribute)
            if not isinstance(command, click.Command):
                raise TypeError(f"{module_name}.{attribute} is not a Click command")
            self.add_command(command, cmd_name)
        return super().get_command(ctx, cmd_name)
