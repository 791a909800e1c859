"""The published schema of the figures JSON: what it refuses, and the roll-up's own check of it
(fastjsonschema, for speed) agreeing with the reference validator (jsonschema) on every case."""

from __future__ import annotations

import copy
import json

import pytest

from reportgen.gather import _schema_error
from tests.schema import validator


@pytest.fixture(scope="module")
def good(tmp_path_factory, sample_config):
    """The figures JSON of the sample year, as `build` writes it."""
    import shutil

    from click.testing import CliRunner

    from reportgen.cli import cli
    from tests.conftest import ROOT

    root = tmp_path_factory.mktemp("mau")
    for name in ("config", "templates", "inputs"):
        shutil.copytree(ROOT / name, root / name)
    result = CliRunner().invoke(cli, ["build", "--year", "2025", "--workspace", str(root)])
    assert result.exit_code == 0, result.output
    (path,) = (root / "outputs" / "2025").glob("BaoCao_*.json")
    return json.loads(path.read_text(encoding="utf-8"))


def broken(data: dict, path: str, value: object = KeyError) -> dict:
    """A copy of `data` with the field at `path` ("a/0/b") removed (KeyError) or set."""
    data = copy.deepcopy(data)
    *parents, last = path.split("/")
    where: object = data
    for part in parents:
        where = where[int(part)] if isinstance(where, list) else where[part]  # type: ignore[index]
    if value is KeyError:
        del where[last]  # type: ignore[union-attr, attr-defined]
    else:
        where[int(last) if isinstance(where, list) else last] = value  # type: ignore[index]
    return data


CASES = {
    "no-schema-version": ("schema_version", KeyError),
    "schema-version-2": ("schema_version", "2.0"),
    "no-issuer-code": ("issuer/code", KeyError),
    "level-unknown": ("issuer/level", "quan"),
    "date-not-a-date": ("issuer/document_date", "10/11/2025"),
    "year-as-text": ("year", "2025"),
    "previous-year-as-zero-text": ("library_uses/previous_year", "0"),
    "negative-uses": ("library_uses/year", -1),
    "value-as-percent-text": ("indicators/0/value", "33,3%"),
    "measure-unknown": ("indicators/0/measure", "ratio"),
    "status-unknown": ("indicators/0/status", "good"),
    "unit-line-missing-a-count": ("per_unit/0/library_uses", KeyError),
    "task-group-6": ("task_groups/0/number", 6),
    "problem-severity-unknown": ("problems", [{"file": "", "sheet": "", "cell": "", "severity":
                                 "fatal", "code": "x", "message": "", "unit": ""}]),
    "tool-not-reportgen": ("tool/name", "excel"),
}  # fmt: skip


def test_the_tools_own_json_is_valid_for_both_validators(good):
    assert not list(validator().iter_errors(good))
    assert _schema_error(good) is None


@pytest.mark.parametrize(("path", "value"), CASES.values(), ids=list(CASES))
def test_a_broken_document_is_refused_by_both_validators(good, path, value):
    bad = broken(good, path, value)
    assert list(validator().iter_errors(bad)), "jsonschema accepted it"
    found = _schema_error(bad)
    assert found is not None, "the roll-up's check accepted it"
    where, reason = found
    assert reason.startswith(("thiếu trường", "trường")), reason
    assert reason.isascii() is False and " must " not in reason  # said in Vietnamese


def test_a_missing_field_is_named_with_its_place(good):
    assert _schema_error(broken(good, "issuer/code")) == ("issuer", "thiếu trường issuer/code")
