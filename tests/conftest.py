"""Fixtures shared by the tests: the repository's workspace files and a CLI runner."""

from __future__ import annotations

import importlib.util
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner, Result

from reportgen.cli import cli
from reportgen.config import Config, load_config
from reportgen.workspace import Workspace
from tests.schema import assert_figures_valid

ROOT = Path(__file__).resolve().parents[1]


def load_script(name: str) -> ModuleType:
    """A script of scripts/ loaded as a module, to test what it computes."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


Run = Callable[..., Result]


@pytest.fixture(scope="session")
def sample_config() -> Config:
    """The repository's own configuration (Đắk Hà), loaded once."""
    return load_config(Workspace.at(ROOT))


@pytest.fixture
def runner() -> CliRunner:
    """A Click test runner."""
    return CliRunner()


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A clerk's workspace in tmp_path: the repository's config/ and templates/, no inputs."""
    for name in ("config", "templates"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path


@pytest.fixture
def run(runner: CliRunner, workspace: Path) -> Run:
    """`run("build", "--year", "2025")`: the real CLI on the `workspace` fixture's folder."""

    def invoke(*args: str, catch_exceptions: bool = False) -> Result:
        command = [*args, "--workspace", str(workspace)] if args and args[0][0] != "-" else args
        before = _figures_files(workspace)
        result = runner.invoke(cli, list(command), catch_exceptions=catch_exceptions)
        for path in sorted(_figures_files(workspace) - before):  # what this command wrote
            assert_figures_valid(json.loads(path.read_text(encoding="utf-8")), path.name)
        return result

    return invoke


def _figures_files(workspace: Path) -> set[Path]:
    """The figures JSON files under outputs/ (not the manifests)."""
    outputs = workspace / "outputs"
    found = outputs.glob("**/*.json") if outputs.is_dir() else ()
    return {p for p in found if p.name != "manifest.json" and ".ban-goc" not in p.parts}
