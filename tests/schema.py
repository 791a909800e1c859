"""The published JSON Schema of the figures, and a check the tests run on every JSON written."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft7Validator


@cache
def validator() -> Draft7Validator:
    """A validator of reportgen/schemas/figures.schema.json, itself checked once."""
    text = resources.files("reportgen").joinpath("schemas/figures.schema.json").read_text("utf-8")
    schema = json.loads(text)
    Draft7Validator.check_schema(schema)
    return Draft7Validator(schema, format_checker=Draft7Validator.FORMAT_CHECKER)


def assert_figures_valid(data: Any, name: str = "JSON") -> None:
    """Fail with every error (its path and reason) when `data` breaks the schema."""
    errors = sorted(validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    assert not errors, f"{name}: " + "; ".join(
        f"{'/'.join(map(str, e.absolute_path)) or '(gốc)'}: {e.message}" for e in errors
    )
