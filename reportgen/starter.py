"""A new workspace from a ready profile shipped with the tool: district, commune or province."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .errors import ReportgenError
from .files import write_new
from .workspace import CONFIG_DIR, TEMPLATE, Workspace

# The ready profiles: name → what it is, as `reportgen init --profile` shows them.
PROFILES = {
    "huyen": "huyện (Đắk Hà, tỉnh Kon Tum) báo cáo Sở Văn hóa, Thể thao và Du lịch",
    "xa": "xã, phường (Đăk Ui, tỉnh Quảng Ngãi) báo cáo Sở, từ ngày 01/7/2025",
    "tinh": "Sở Văn hóa, Thể thao và Du lịch tổng hợp báo cáo của các xã, phường",
}
_OWN = ("profile.toml", "units.toml", "plan.toml")  # each profile's own files
_SHARED = ("themes.toml", "phrases.toml")  # the same for every profile
_TEMPLATE = "bao-cao.docx"


@dataclass(frozen=True)
class Started:
    """A workspace `init` made: its root and the files it wrote, relative to it."""

    root: Path
    profile: str
    files: tuple[str, ...]


def _data(folder: str, name: str) -> bytes:
    return resources.files("reportgen").joinpath(f"profiles/{folder}/{name}").read_bytes()


def profile_files(profile: str) -> dict[str, bytes]:
    """A profile's files by their path in a workspace."""
    if profile not in PROFILES:
        raise ReportgenError(
            f"Không có hồ sơ mẫu '{profile}'; chọn một trong: {', '.join(PROFILES)}."
        )
    files = {f"{CONFIG_DIR}/{name}": _data(profile, name) for name in _OWN}
    files.update({f"{CONFIG_DIR}/{name}": _data("common", name) for name in _SHARED})
    files[TEMPLATE] = _data("common", _TEMPLATE)
    return files


def start_workspace(root: Path, profile: str) -> Started:
    """Write a profile's config/ and templates/, and empty inputs/ and outputs/, under `root`.

    Nothing already there is touched: when any of the files exists, nothing is written.
    """
    files = profile_files(profile)
    there = [name for name in files if (root / name).exists()]
    if there:
        raise ReportgenError(
            f"Thư mục {root.as_posix()} đã có {there[0]}: không ghi đè cấu hình đang dùng. Hãy "
            "chọn một thư mục mới (chưa có config/, templates/), hoặc đổi tên thư mục config/ cũ."
        )
    for name, data in files.items():
        if not write_new(root / name, data):  # made meanwhile by someone else: kept
            raise ReportgenError(f"Tệp {(root / name).as_posix()} vừa được tạo bởi lần chạy khác.")
    workspace = Workspace.at(root)
    for folder in (workspace.inputs, workspace.outputs):
        folder.mkdir(parents=True, exist_ok=True)
    return Started(root, profile, tuple(files))
