"""The offline bundle for Windows offices: the .bat files the clerk double-clicks, and the wheels.

The Windows zip cannot be installed here; its Linux counterpart (this machine's wheels of the
same versions) is, into a fresh venv with no index. Tests that download wheels are marked
`network` and skip, saying so, where PyPI cannot be reached.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from packaging.tags import Tag
from packaging.utils import parse_wheel_filename

from reportgen.cli import cli
from scripts import make_bundle
from tests.conftest import ROOT
from tests.unit_workbook import write_unit_workbook

WINDOWS = ROOT / "scripts" / "windows"
BAT_FILES = sorted(WINDOWS.glob("*.bat"))
REPORTGEN_LINE = re.compile(r'^"%(?:REPORTGEN|VENV%\\Scripts\\reportgen\.exe)%?"\s+(.*)$')
OPENED_FOLDER = re.compile(r'start "" "([^"]+)"')
OFFLINE_SIGNS = (
    "NewConnectionError",
    "Failed to establish a new connection",
    "Temporary failure in name resolution",
    "Network is unreachable",
    "ConnectTimeout",
    "ProxyError",
    "Could not fetch URL",
)


def bat_lines(path: Path) -> list[str]:
    return path.read_bytes().decode("utf-8").split("\r\n")


def test_there_are_the_three_bat_files_the_clerk_needs():
    assert [p.name for p in BAT_FILES] == ["bieu-mau.bat", "cai-dat.bat", "lap-bao-cao.bat"]


@pytest.mark.parametrize("path", BAT_FILES, ids=lambda p: p.name)
def test_bat_files_are_crlf_utf8_without_bom_and_switch_cmd_to_utf8_first(path):
    data = path.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")  # a BOM makes cmd.exe fail on the first line
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    lines = bat_lines(path)
    assert lines[:2] == ["@echo off", "chcp 65001 >nul"]  # before any Vietnamese letter
    assert all(line.isascii() for line in lines[:2])


def reportgen_calls(path: Path, year: str) -> list[list[str]]:
    """Each `reportgen ...` the .bat runs, as arguments, with the year typed in."""
    calls = []
    for line in bat_lines(path):
        if match := REPORTGEN_LINE.match(line):
            calls.append(match.group(1).replace("%YEAR%", year).split())
    return calls


@pytest.fixture
def unpacked(tmp_path: Path) -> Path:
    """The bundle's workspace as the clerk unpacks it, with one unit's workbook for 2025."""
    for name in make_bundle.WORKSPACE_FOLDERS:
        shutil.copytree(ROOT / name, tmp_path / name)
    write_unit_workbook(tmp_path / "inputs" / "2025" / "dakla.xlsx", "XA-DAKLA", "Đắk La", 2025)
    return tmp_path


@pytest.mark.parametrize(
    "name, commands",
    [
        ("lap-bao-cao.bat", [["check"], ["build"]]),
        ("bieu-mau.bat", [["forms"]]),
        ("cai-dat.bat", [["--version"]]),
    ],
    ids=["report", "forms", "install"],
)
def test_bat_files_run_only_commands_and_options_that_exist(unpacked, name, commands):
    calls = reportgen_calls(WINDOWS / name, "2025")
    assert [call[:1] for call in calls] == commands
    for call in calls:
        where = [] if call[0].startswith("-") else ["--workspace", str(unpacked)]
        result = CliRunner().invoke(cli, [*call, *where])
        assert result.exit_code in (0, 1), result.output  # 2 would be a wrong command or option
        assert "Không có lệnh" not in result.output and "Không có tùy chọn" not in result.output
    for folder in OPENED_FOLDER.findall((WINDOWS / name).read_text(encoding="utf-8")):
        opened = unpacked / folder.replace("%YEAR%", "2025").replace("\\", "/")
        assert opened.is_dir(), f"{name} opens {folder}, which the commands did not make"


def test_install_bat_installs_the_word_extra_from_the_bundled_wheels_only():
    text = (WINDOWS / "cai-dat.bat").read_text(encoding="utf-8")
    (pip_line,) = [line for line in text.splitlines() if " -m pip install " in line]
    assert '--no-index --find-links "%~dp0wheels"' in pip_line
    assert '"reportgen[word]"' in pip_line and "--user" not in pip_line  # a venv of its own
    assert 'set "VENV=%LOCALAPPDATA%\\reportgen\\venv"' in text  # no administrator rights needed
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert "word = [\"pywin32>=306; sys_platform == 'win32'\"]" in pyproject
    for name in ("lap-bao-cao.bat", "bieu-mau.bat"):
        runs = (WINDOWS / name).read_text(encoding="utf-8")
        assert 'set "REPORTGEN=%LOCALAPPDATA%\\reportgen\\venv\\Scripts\\reportgen.exe"' in runs


def built(out: Path, target) -> Path:
    """The bundle made by scripts/make_bundle.py, or a skip where PyPI cannot be reached."""
    try:
        return make_bundle.make_bundle(out, target)
    except make_bundle.BundleError as exc:
        if any(sign in str(exc) for sign in OFFLINE_SIGNS):
            pytest.skip(f"PyPI cannot be reached, so no bundle can be built: {str(exc)[:300]}")
        raise


def isolated_pip(python: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """pip of another environment with no configuration: only the wheels it is pointed to."""
    return subprocess.run(
        [str(python), "-m", "pip", *args],
        capture_output=True,
        text=True,
        env=make_bundle.pip_environment(isolated=True),
        check=False,
    )


@pytest.mark.network
def test_the_linux_counterpart_installs_offline_into_a_fresh_venv_and_builds(tmp_path):
    bundle = built(tmp_path / "dist", make_bundle.HERE_TARGET)
    folder = tmp_path / "Báo cáo"
    with zipfile.ZipFile(bundle) as z:
        z.extractall(folder)
    for name in ("cai-dat.bat", "lap-bao-cao.bat", "bieu-mau.bat", "HUONG-DAN.txt"):
        assert (folder / name).read_bytes().count(b"\r\n") > 5, name
    env = tmp_path / "venv"
    venv.create(env, with_pip=True)
    python = env / "bin" / "python"
    installed = isolated_pip(
        python,
        "install",
        "--no-index",
        "--find-links",
        str(folder / "wheels"),
        "reportgen[word]",
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    shown = subprocess.run(
        [str(env / "bin" / "reportgen"), "--help"], capture_output=True, text=True, check=False
    )
    assert shown.returncode == 0 and "Lập báo cáo năm" in shown.stdout
    shutil.copytree(ROOT / "inputs" / "2025", folder / "inputs" / "2025")
    made = subprocess.run(
        [str(python), "-m", "reportgen", "build", "--year", "2025", "--workspace", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert made.returncode == 0, made.stdout + made.stderr
    assert (folder / "outputs" / "2025" / "BaoCao_2025_du-thao-01.docx").is_file()


def _serves(wheel: str, python: str) -> bool:
    """Whether a wheel installs on 64-bit Windows under CPython `python` (like "3.12")."""
    interpreter = "cp" + python.replace(".", "")
    _, _, _, tags = parse_wheel_filename(wheel)
    abi3 = [f"cp3{minor}" for minor in range(2, int(python.split(".")[1]) + 1)]
    wanted = {Tag(interpreter, interpreter, "win_amd64")}
    wanted |= {Tag(i, "abi3", "win_amd64") for i in abi3}
    wanted |= {Tag(i, "none", "any") for i in ("py3", "py2.py3", interpreter)}
    return bool(set(tags) & wanted) or any(t.platform == "any" for t in tags)


@pytest.mark.network
def test_the_windows_zip_holds_a_wheel_of_every_dependency_for_each_python(tmp_path):
    bundle = built(tmp_path / "dist", make_bundle.WINDOWS_TARGET)
    assert bundle.name == "reportgen-0.1.0-windows-x64.zip"
    with zipfile.ZipFile(bundle) as z:
        names = z.namelist()
        z.extractall(tmp_path / "unpacked", [n for n in names if n.startswith("wheels/")])
    wheels = [n.removeprefix("wheels/") for n in names if n.startswith("wheels/")]
    projects = {str(parse_wheel_filename(w)[0]) for w in wheels}
    assert {"reportgen", "click", "openpyxl", "python-docx", "docxtpl", "matplotlib"} <= projects
    assert {"numpy", "pillow", "lxml", "pywin32", "xlrd", "msoffcrypto-tool"} <= projects
    # Windows-only and old-Python-only dependencies, which pip on Linux would leave out:
    assert "tomli" in projects  # tomllib's stand-in on Python 3.10
    for python in make_bundle.WINDOWS_PYTHONS:
        lacking = [
            project
            for project in sorted(projects)
            if not any(
                str(parse_wheel_filename(w)[0]) == project and _serves(w, python) for w in wheels
            )
        ]
        assert lacking == [], f"no wheel for Python {python} on Windows: {lacking}"
        assert make_bundle.unmet(tmp_path / "unpacked" / "wheels", python) == []
        resolved = isolated_pip(
            Path(sys.executable),
            "download",
            "--no-index",
            "--find-links",
            str(tmp_path / "unpacked" / "wheels"),
            *make_bundle.WINDOWS_TARGET.pip_options(python),
            "--dest",
            str(tmp_path / f"resolved-{python}"),
            "reportgen[word]",
        )
        assert resolved.returncode == 0, resolved.stdout + resolved.stderr
    assert {"cai-dat.bat", "lap-bao-cao.bat", "bieu-mau.bat", "templates/bao-cao.docx"} <= set(
        names
    )


def windows_section() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("## Cài trên máy Windows")
    return readme[start : readme.index("\n## ", start + 1)]


def test_readme_windows_commands_work_unchanged_in_cmd_and_powershell(unpacked):
    blocks = re.findall(r"```\n(.*?)```", windows_section(), flags=re.DOTALL)
    lines = [line for block in blocks for line in block.splitlines()]
    assert lines[0] == 'py -m pip install --user ".[word]"'  # no administrator, no test tools
    for line in lines:
        # One command a line; nothing cmd and PowerShell 5.1 read differently.
        assert not any(sign in line for sign in ("&&", "||", ";", "%", "$", "`", "sudo", "\\"))
        assert line.startswith("py -m "), line
    for line in lines[1:]:
        args = line.removeprefix("py -m reportgen ").split()
        where = [] if args[0].startswith("-") else ["--workspace", str(unpacked)]
        result = CliRunner().invoke(cli, [*args, *where])
        assert result.exit_code in (0, 1), result.output
    assert "Add python.exe to PATH" in windows_section()
