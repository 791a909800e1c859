"""`--pdf`: LibreOffice where its installers put it, else Word, named on screen, with progress.

Programs absent here are faked: a Python script for LibreOffice's soffice, a `winreg` module
for the Windows registry, a `win32com` package for Word's automation. LibreOffice itself is
used for real where it is installed.
"""

from __future__ import annotations

import os
import shutil
import sys
import types
from pathlib import Path

import docx as python_docx
import pytest

from reportgen import office, pdf
from reportgen.errors import ReportgenError
from reportgen.office import LIBREOFFICE, WORD, Converter
from tests.unit_workbook import write_unit_workbook

FAKE_SOFFICE = """\
#!{python}
import pathlib, sys, time
time.sleep({delay})
args = sys.argv[1:]
out = pathlib.Path(args[args.index("--outdir") + 1])
out.mkdir(parents=True, exist_ok=True)
(out / (pathlib.Path(args[-1]).stem + ".pdf")).write_bytes(b"%PDF-1.7 fake LibreOffice")
"""

FAKE_WIN32COM_CLIENT = """\
import pathlib, sys

LOG = pathlib.Path({log!r})


class Document:
    def ExportAsFixedFormat(self, path, kind):
        if {fail!r}:
            raise RuntimeError("Word could not open the document (fake)")
        pathlib.Path(path).write_bytes(b"%PDF-1.7 fake Word")
        LOG.open("a").write(f"export {{kind}}\\n")

    def Close(self, save):
        LOG.open("a").write(f"close {{save}}\\n")


class Documents:
    def Open(self, path, **options):
        LOG.open("a").write(f"open {{pathlib.Path(path).name}} {{sorted(options.items())}}\\n")
        return Document()


class Word:
    Documents = Documents()

    def Quit(self, save):
        LOG.open("a").write("quit\\n")


def DispatchEx(name):
    assert name == "Word.Application"
    return Word()
"""


def fake_soffice(folder: Path, name: str = "soffice", delay: float = 0) -> Path:
    """A stand-in for LibreOffice's program that writes a small PDF into --outdir."""
    folder.mkdir(parents=True, exist_ok=True)
    program = folder / name
    program.write_text(FAKE_SOFFICE.format(python=sys.executable, delay=delay), encoding="utf-8")
    program.chmod(0o755)
    return program


def fake_win32com(tmp_path: Path, monkeypatch, *, fail: bool = False) -> Path:
    """A `win32com` package driving a pretend Word, importable here and in child processes."""
    fakes, log = tmp_path / "fakes", tmp_path / "word.log"
    package = fakes / "win32com"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    client = FAKE_WIN32COM_CLIENT.format(log=str(log), fail=fail)
    (package / "client.py").write_text(client, encoding="utf-8")
    monkeypatch.syspath_prepend(str(fakes))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(fakes), *sys.path])))
    return log


def fake_winreg(monkeypatch, values: dict[tuple[str, str], str]) -> None:
    """A `winreg` module whose registry holds only `values`: {(root, key): default value}."""
    module = types.ModuleType("winreg")
    module.KEY_READ, module.KEY_WOW64_32KEY = 0x20019, 0x0200
    for root in ("HKEY_LOCAL_MACHINE", "HKEY_CURRENT_USER", "HKEY_CLASSES_ROOT"):
        setattr(module, root, root)

    class Key:
        def __init__(self, value: str) -> None:
            self.value = value

        def __enter__(self) -> Key:
            return self

        def __exit__(self, *exc: object) -> None:
            return None

    def open_key(root: str, key: str, reserved: int, access: int) -> Key:
        if (root, key) not in values:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        return Key(values[(root, key)])

    module.OpenKey = open_key
    module.QueryValueEx = lambda key, name: (key.value, 1)
    monkeypatch.setitem(sys.modules, "winreg", module)


def a_docx(folder: Path, name: str = "BaoCao_2025_du-thao-01.docx") -> Path:
    document = python_docx.Document()
    document.add_paragraph("Báo cáo kết quả thực hiện năm 2025")
    path = folder / name
    document.save(str(path))
    return path


def windows(tmp_path: Path) -> dict[str, str]:
    """A Windows environment whose folders are under tmp_path and whose PATH has no LibreOffice."""
    empty = tmp_path / "empty"
    empty.mkdir(exist_ok=True)
    return {
        "PATH": str(empty),
        "ProgramFiles": str(tmp_path / "Program Files"),
        "ProgramFiles(x86)": str(tmp_path / "Program Files (x86)"),
        "LOCALAPPDATA": str(tmp_path / "AppData" / "Local"),
        "WINDIR": str(tmp_path / "Windows"),
    }


# Finding the program


def test_libreoffice_on_path_is_found(tmp_path):
    program = fake_soffice(tmp_path / "bin")
    assert office.find_libreoffice("linux", {"PATH": str(tmp_path / "bin")}) == str(program)


@pytest.mark.parametrize(
    "folder",
    ["Program Files", "Program Files (x86)", "AppData/Local/Programs"],
    ids=["program-files", "program-files-x86", "per-user"],
)
def test_libreoffice_in_a_windows_program_folder_is_found(tmp_path, monkeypatch, folder):
    fake_winreg(monkeypatch, {})
    program = fake_soffice(tmp_path / folder / "LibreOffice" / "program", "soffice.exe")
    converter = office.find_converter("win32", windows(tmp_path))
    assert converter == Converter(LIBREOFFICE, "libreoffice", str(program))


def test_libreoffice_where_the_windows_registry_says_is_found(tmp_path, monkeypatch):
    program = fake_soffice(tmp_path / "D" / "LO 24.8" / "program", "soffice.exe")
    key = ("HKEY_LOCAL_MACHINE", r"SOFTWARE\LibreOffice\UNO\InstallPath")
    fake_winreg(monkeypatch, {key: str(program.parent)})
    assert office.find_libreoffice("win32", windows(tmp_path)) == str(program)


def test_libreoffice_in_the_macos_applications_folder_is_found(tmp_path):
    app = tmp_path / "Applications" / "LibreOffice.app" / "Contents" / "MacOS"
    program = fake_soffice(app)
    environ = {"PATH": str(tmp_path / "empty"), "HOME": str(tmp_path)}
    assert office.find_libreoffice("darwin", environ) == str(program)
    assert office.find_libreoffice("linux", environ) is None


WORD_KEY = ("HKEY_CLASSES_ROOT", r"Word.Application\CLSID")


def test_word_is_chosen_when_there_is_no_libreoffice(tmp_path, monkeypatch):
    fake_winreg(monkeypatch, {WORD_KEY: "{000209FF-0000-0000-C000-000000000046}"})
    fake_win32com(tmp_path, monkeypatch)
    assert office.find_converter("win32", windows(tmp_path)) == Converter(
        WORD, "word", sys.executable
    )


def test_libreoffice_is_chosen_before_word(tmp_path, monkeypatch):
    fake_winreg(monkeypatch, {WORD_KEY: "{000209FF-0000-0000-C000-000000000046}"})
    fake_win32com(tmp_path, monkeypatch)
    program = fake_soffice(tmp_path / "Program Files" / "LibreOffice" / "program", "soffice.exe")
    converter = office.find_converter("win32", windows(tmp_path))
    assert converter is not None and converter.name == LIBREOFFICE
    assert converter.program == str(program)


def test_no_program_without_libreoffice_nor_word(tmp_path, monkeypatch):
    fake_winreg(monkeypatch, {})
    assert office.find_converter("win32", windows(tmp_path)) is None
    assert not office.word_installed("win32")
    assert not office.word_installed("linux")  # no registry to ask, never Word


# Converting


def test_word_exports_the_pdf_read_only_and_quits(tmp_path, monkeypatch):
    log = fake_win32com(tmp_path, monkeypatch)
    source = a_docx(tmp_path)
    made = pdf.convert_to_pdf(source, Converter(WORD, "word", sys.executable), timeout=60)
    assert made == pdf.Pdf(tmp_path / "BaoCao_2025_du-thao-01.pdf", created=True)
    assert made.path.read_bytes() == b"%PDF-1.7 fake Word"
    lines = log.read_text().splitlines()
    assert lines[0].startswith("open BaoCao_2025_du-thao-01.docx")
    assert "('ReadOnly', True)" in lines[0]
    assert lines[1:] == ["export 17", "close 0", "quit"]


def test_word_that_fails_gives_its_reason_and_still_quits(tmp_path, monkeypatch):
    log = fake_win32com(tmp_path, monkeypatch, fail=True)
    source = a_docx(tmp_path)
    with pytest.raises(ReportgenError) as caught:
        pdf.convert_to_pdf(source, Converter(WORD, "word", sys.executable), timeout=60)
    assert "Microsoft Word không chuyển được BaoCao_2025_du-thao-01.docx sang PDF" in str(
        caught.value
    )
    assert "Word could not open the document (fake)" in caught.value.message
    assert "File › Save As › PDF" in caught.value.message
    assert log.read_text().splitlines()[-2:] == ["close 0", "quit"]
    assert not (tmp_path / "BaoCao_2025_du-thao-01.pdf").exists()


def test_existing_pdf_is_kept_and_said_to_be_old(tmp_path):
    (tmp_path / "a.pdf").write_bytes(b"clerk's pdf")
    converter = Converter(LIBREOFFICE, "libreoffice", "soffice")
    assert pdf.convert_to_pdf(tmp_path / "a.docx", converter) == pdf.Pdf(
        tmp_path / "a.pdf", created=False
    )
    assert (tmp_path / "a.pdf").read_bytes() == b"clerk's pdf"


@pytest.mark.skipif(office.find_libreoffice() is None, reason="LibreOffice is not installed")
def test_real_libreoffice_writes_beside_the_docx(tmp_path):
    source = a_docx(tmp_path)
    converter = office.find_converter()
    assert converter is not None and converter.name == LIBREOFFICE
    produced = pdf.convert_to_pdf(source, converter, timeout=90)
    assert produced == pdf.Pdf(tmp_path / "BaoCao_2025_du-thao-01.pdf", created=True)
    assert produced.path.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "BaoCao_2025_du-thao-01.docx",
        "BaoCao_2025_du-thao-01.pdf",
    ]


def shell_office(tmp_path: Path, script: str) -> Converter:
    """Stand a shell script in for LibreOffice."""
    program = tmp_path / "soffice"
    program.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    program.chmod(0o755)
    return Converter(LIBREOFFICE, "libreoffice", str(program))


def test_conversion_failure_is_a_clear_message(tmp_path):
    converter = shell_office(tmp_path, "echo 'Error: source file could not be loaded'; exit 1")
    source = tmp_path / "hong.docx"
    source.write_bytes(b"")
    with pytest.raises(ReportgenError) as caught:
        pdf.convert_to_pdf(source, converter)
    assert "LibreOffice không chuyển được hong.docx sang PDF" in caught.value.message
    assert "source file could not be loaded" in caught.value.message
    assert not (tmp_path / "hong.pdf").exists()


def test_conversion_that_hangs_is_stopped_with_what_to_do(tmp_path):
    source = tmp_path / "a.docx"
    source.write_bytes(b"")
    with pytest.raises(ReportgenError) as caught:
        pdf.convert_to_pdf(source, shell_office(tmp_path, "sleep 30"), timeout=0.5)
    assert "LibreOffice không chuyển xong a.docx sang PDF sau 0 giây; đã dừng lại" in str(
        caught.value
    )
    assert "Hãy đóng các cửa sổ LibreOffice đang mở" in caught.value.message
    assert not (tmp_path / "a.pdf").exists()


def test_progress_is_told_while_the_program_works(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf, "TICK_SECONDS", 0.2)
    converter = Converter(LIBREOFFICE, "libreoffice", str(fake_soffice(tmp_path, delay=1.0)))
    told: list[tuple[str, float, bool]] = []
    pdf.convert_to_pdf(a_docx(tmp_path), converter, on_progress=lambda *a: told.append(a))
    assert told[0] == (LIBREOFFICE, 0.0, False)
    assert told[-1][0] == LIBREOFFICE and told[-1][2] is True and told[-1][1] >= 1.0
    ticks = [seconds for _, seconds, finished in told[1:-1] if not finished]
    assert len(ticks) >= 3 and ticks == sorted(ticks)


# The font


@pytest.mark.parametrize(
    "family, found", [("Times New Roman", True), ("Liberation Serif", False)], ids=["has", "lacks"]
)
def test_official_font_is_asked_of_fontconfig(tmp_path, family, found):
    fc_match = tmp_path / "bin" / "fc-match"
    fc_match.parent.mkdir()
    fc_match.write_text(f"#!/bin/sh\nprintf '{family}'\n", encoding="utf-8")
    fc_match.chmod(0o755)
    assert office.has_official_font("linux", {"PATH": str(fc_match.parent)}) is found
    assert office.has_official_font("linux", {"PATH": str(tmp_path)}) is None  # cannot tell


def test_official_font_on_windows_is_the_fonts_folder(tmp_path):
    environ = windows(tmp_path)
    assert office.has_official_font("win32", environ) is False
    fonts = tmp_path / "Windows" / "Fonts"
    fonts.mkdir(parents=True)
    (fonts / "times.ttf").write_bytes(b"font")
    assert office.has_official_font("win32", environ) is True


# What the clerk sees


@pytest.fixture
def one_unit(workspace: Path) -> Path:
    """The workspace with one unit's workbook for 2025."""
    write_unit_workbook(workspace / "inputs" / "2025" / "dakla.xlsx", "XA-DAKLA", "Đắk La", 2025)
    return workspace


def only_on_path(monkeypatch, tmp_path: Path, *programs: tuple[str, str]) -> Path:
    """PATH holds only the given fakes (name, what fc-match prints or '' for a fake soffice)."""
    folder = tmp_path / "path-bin"
    folder.mkdir()
    for name, family in programs:
        if name == "soffice":
            fake_soffice(folder)
        else:
            (folder / name).write_text(f"#!/bin/sh\nprintf '{family}'\n", encoding="utf-8")
            (folder / name).chmod(0o755)
    monkeypatch.setenv("PATH", str(folder))
    return folder


def test_build_pdf_names_libreoffice_and_warns_of_the_missing_font(
    one_unit, run, monkeypatch, tmp_path
):
    only_on_path(monkeypatch, tmp_path, ("soffice", ""), ("fc-match", "DejaVu Serif"))
    result = run("build", "--year", "2025", "--pdf")
    assert result.exit_code == 0, result.output
    made = one_unit / "outputs" / "2025" / "BaoCao_2025_du-thao-01.pdf"
    assert "Đang chuyển sang PDF bằng LibreOffice (có thể mất đến 2 phút)…" in result.output
    assert f"Đã chuyển sang PDF bằng LibreOffice: {made.as_posix()}" in result.output
    assert result.output.count("không có phông Times New Roman") == 1
    assert "ttf-mscorefonts-installer" in result.output
    assert made.read_bytes() == b"%PDF-1.7 fake LibreOffice"


def test_build_pdf_says_nothing_of_the_font_when_it_is_there(one_unit, run, monkeypatch, tmp_path):
    only_on_path(monkeypatch, tmp_path, ("soffice", ""), ("fc-match", "Times New Roman"))
    result = run("build", "--year", "2025", "--pdf")
    assert result.exit_code == 0, result.output
    assert "Đã chuyển sang PDF bằng LibreOffice" in result.output
    assert "Times New Roman" not in result.output


def test_build_pdf_finds_libreoffice_in_the_macos_applications_folder(
    one_unit, run, monkeypatch, tmp_path
):
    only_on_path(monkeypatch, tmp_path)
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setenv("HOME", str(tmp_path))
    fake_soffice(tmp_path / "Applications" / "LibreOffice.app" / "Contents" / "MacOS")
    result = run("build", "--year", "2025", "--pdf")
    assert result.exit_code == 0, result.output
    assert "Đã chuyển sang PDF bằng LibreOffice:" in result.output


def test_build_pdf_uses_word_when_there_is_no_libreoffice(one_unit, run, monkeypatch, tmp_path):
    only_on_path(monkeypatch, tmp_path, ("fc-match", "Times New Roman"))
    log = fake_win32com(tmp_path, monkeypatch)
    monkeypatch.setattr(office, "word_installed", lambda platform=None: True)
    result = run("build", "--year", "2025", "--pdf")
    assert result.exit_code == 0, result.output
    made = one_unit / "outputs" / "2025" / "BaoCao_2025_du-thao-01.pdf"
    assert "Đang chuyển sang PDF bằng Microsoft Word" in result.output
    assert f"Đã chuyển sang PDF bằng Microsoft Word: {made.as_posix()}" in result.output
    assert made.read_bytes() == b"%PDF-1.7 fake Word"
    assert log.read_text().splitlines()[-1] == "quit"


def test_build_pdf_without_any_program_says_what_to_do(one_unit, run, monkeypatch, tmp_path):
    only_on_path(monkeypatch, tmp_path)
    result = run("build", "--year", "2025", "--pdf")
    assert result.exit_code == 0, result.output
    assert (
        "Máy này chưa có LibreOffice hoặc Microsoft Word nên không chuyển được sang PDF; hãy mở"
        " tệp .docx bằng Word, chọn File › Save As › PDF (hoặc cài LibreOffice)."
    ) in result.output
    assert (one_unit / "outputs" / "2025" / "BaoCao_2025_du-thao-01.docx").is_file()


def test_build_pdf_that_takes_too_long_says_so_and_keeps_the_draft(
    one_unit, run, monkeypatch, tmp_path
):
    folder = only_on_path(monkeypatch, tmp_path)
    fake_soffice(folder, delay=30)
    monkeypatch.setattr(pdf, "TIMEOUT_SECONDS", 1)
    monkeypatch.setattr(pdf, "XML_BYTES_PER_SECOND", float("inf"))  # no more for its length
    result = run("build", "--year", "2025", "--pdf")
    assert result.exit_code == 1
    assert "LibreOffice không chuyển xong BaoCao_2025_du-thao-01.docx sang PDF sau 1 giây" in (
        result.output
    )
    assert "Đã ghi dự thảo số 01" in result.output
    assert (one_unit / "outputs" / "2025" / "BaoCao_2025_du-thao-01.docx").is_file()
    assert not (one_unit / "outputs" / "2025" / "BaoCao_2025_du-thao-01.pdf").exists()


def test_build_pdf_says_an_earlier_pdf_was_kept_not_converted(one_unit, run, monkeypatch, tmp_path):
    assert run("build", "--year", "2025").exit_code == 0
    earlier = one_unit / "outputs" / "2025" / "BaoCao_2025_du-thao-01.pdf"
    earlier.write_bytes(b"%PDF of an earlier run")
    only_on_path(monkeypatch, tmp_path, ("soffice", ""))
    result = run("build", "--year", "2025", "--pdf")
    assert result.exit_code == 0, result.output
    assert "Đã chuyển sang PDF" not in result.output
    assert f"{earlier.as_posix()} từ lần chạy trước nên giữ nguyên" in result.output
    assert earlier.read_bytes() == b"%PDF of an earlier run"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_build_pdf_with_the_real_libreoffice(one_unit, run):
    result = run("build", "--year", "2025", "--pdf")
    assert result.exit_code == 0, result.output
    made = one_unit / "outputs" / "2025" / "BaoCao_2025_du-thao-01.pdf"
    assert f"Đã chuyển sang PDF bằng LibreOffice: {made.as_posix()}" in result.output
    assert made.read_bytes().startswith(b"%PDF")
    said = "không có phông Times New Roman" in result.output
    assert said is (office.has_official_font() is False)


def test_the_docx_names_times_new_roman_whatever_the_machine_has(one_unit, run):
    assert run("build", "--year", "2025").exit_code == 0
    document = python_docx.Document(
        str(one_unit / "outputs" / "2025" / "BaoCao_2025_du-thao-01.docx")
    )
    assert document.styles["Normal"].font.name == "Times New Roman"


def test_a_longer_document_is_given_longer_to_print(tmp_path):
    short = a_docx(tmp_path)
    long = python_docx.Document()
    table = long.add_table(rows=3_000, cols=4)
    for row in table.rows:
        row.cells[0].text = "Thư viện Trường Tiểu học Nguyễn Bá Ngọc"
    long.save(str(tmp_path / "dai.docx"))
    broken = tmp_path / "hong.docx"
    broken.write_bytes(b"not a zip")
    assert pdf.time_allowed(short) == pytest.approx(pdf.TIMEOUT_SECONDS, abs=1)
    assert pdf.time_allowed(broken) == pdf.TIMEOUT_SECONDS
    assert pdf.time_allowed(tmp_path / "dai.docx") > pdf.TIMEOUT_SECONDS + 20
