"""Intake: the units' workbooks of one year read into typed rows and problems."""

from __future__ import annotations

from .reader import read_year

__all__ = ["read_year"]
