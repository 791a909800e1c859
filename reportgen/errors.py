"""The one domain error; the CLI turns it into a message and exit code 1."""

from __future__ import annotations


class ReportgenError(Exception):
    """A problem that stops a command, with a Vietnamese message for the clerk."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
