"""One writer at a time in outputs/<Y>/: a lock file made with O_EXCL, stale locks taken over.

The lock is a hidden file holding who took it (pid, host, time, command). A second build
waits for it a bounded time, then says another one is running. A lock whose holder is gone
(a dead pid on this host) or that is older than any publish step could take is stale: it is
taken over, with a note, and the temporary files of the run that left it are removed.
"""

from __future__ import annotations

import json
import math
import os
import secrets
import socket
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .errors import ReportgenError
from .files import discard, hide, remove_temp_files, write_error

LOCK_FILE = ".reportgen.lock"
WAIT_SECONDS = 60.0  # how long a second build waits for the first one's publish step
POLL_SECONDS = 0.1
STALE_SECONDS = 15 * 60.0  # publishing takes seconds: a lock this old was left behind
EMPTY_GRACE_SECONDS = 10.0  # a lock still empty this long: its holder died creating it
BREAKER_STALE_SECONDS = 30.0  # taking over takes milliseconds

Clock = Callable[[], float]


@dataclass(frozen=True)
class Holder:
    """Who holds a lock, as its file says; None where the file does not say."""

    raw: bytes  # the file's bytes: a takeover removes the lock only if they are unchanged
    pid: int | None
    host: str
    time: float | None  # seconds since the epoch
    command: str
    age: float  # seconds since it was taken (from the file's time when the file has none)


@dataclass(frozen=True)
class HeldLock:
    """A lock this process holds."""

    path: Path
    token: str
    since: float  # when it was taken: temporary files older than this are leftovers
    notes: tuple[str, ...]  # Vietnamese: a stale lock taken over


def _process_alive(pid: int) -> bool:
    """Whether a process of this machine is still running."""
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return kernel32.GetLastError() == 5  # access denied: it exists
        try:
            code = ctypes.c_ulong()
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: another user's process, alive
        return True
    return True


def _read_holder(path: Path, now: float) -> Holder | None:
    """The lock's holder; None when there is no lock any more."""
    try:
        raw = path.read_bytes()
        mtime = path.stat().st_mtime
    except FileNotFoundError:
        return None
    except OSError:  # being written or removed right now (Windows): read it again later
        raw, mtime = b"", now
    try:
        data = json.loads(raw.decode("utf-8"))
        pid, taken = int(data["pid"]), float(data["time"])
        host, command = str(data["host"]), str(data.get("command", ""))
    except (ValueError, KeyError, TypeError, AttributeError):  # empty or cut short
        return Holder(raw, None, "", None, "", now - mtime)
    return Holder(raw, pid, host, taken, command, now - taken)


def _stale_reason(holder: Holder) -> str | None:
    """Why a lock's holder is gone, in Vietnamese; None while it may still be working."""
    if holder.pid is None:
        if holder.age > EMPTY_GRACE_SECONDS:
            return "tệp khóa trống hoặc hỏng"
        return None
    if holder.host == socket.gethostname() and not _process_alive(holder.pid):
        return f"tiến trình {holder.pid} không còn chạy"
    if holder.age > STALE_SECONDS:
        return f"khóa đã giữ quá {int(STALE_SECONDS // 60)} phút"
    return None


def _who(holder: Holder) -> str:
    """`reportgen build trên máy X, tiến trình 123, từ 09:30:00 ngày 20/10/2025`."""
    if holder.pid is None:
        return "không rõ lần chạy nào"
    when = datetime.fromtimestamp(holder.time or 0).strftime("%H:%M:%S ngày %d/%m/%Y")
    command = f"`reportgen {holder.command}`" if holder.command else "reportgen"
    return f"{command} trên máy {holder.host}, tiến trình {holder.pid}, từ {when}"


def _create(path: Path, content: bytes) -> bool:
    """Make the lock file if there is none; False when there is one."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0))
    except FileExistsError:
        return False
    except PermissionError as exc:  # Windows: a lock being removed refuses to be made again
        if sys.platform == "win32" or os.path.exists(path):
            return False
        raise write_error(path, exc) from exc
    except OSError as exc:
        raise write_error(path, exc) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        discard(path)
        raise
    hide(path)
    return True


def _take_over(path: Path, holder: Holder, now: float) -> bool:
    """Remove a stale lock, unless another process took it over first; whether it was removed.

    A second lock, made with O_EXCL too, lets only one process at a time look and remove,
    so no one removes a lock another process has just made afresh.
    """
    breaker = path.with_name(path.name + ".break")
    if not _create(breaker, b""):
        try:
            if now - breaker.stat().st_mtime > BREAKER_STALE_SECONDS:
                discard(breaker)  # its maker died in the milliseconds it needs
        except OSError:
            pass
        return False
    try:
        current = _read_holder(path, now)
        if current is None or current.raw != holder.raw:
            return False
        discard(path)
        return not path.exists()
    finally:
        discard(breaker)


def _busy(folder: Path, path: Path, holder: Holder | None, wait: float) -> ReportgenError:
    who = _who(holder) if holder is not None else "không rõ lần chạy nào"
    return ReportgenError(
        f"Một lần chạy reportgen khác đang ghi vào thư mục {folder.as_posix()} ({who});"
        f" đã chờ {math.ceil(wait)} giây mà chưa xong. Hãy đợi lần đó xong rồi chạy lại. Nếu chắc"
        f" chắn không còn lần nào đang chạy, hãy xóa tệp {path.as_posix()} rồi chạy lại."
    )


def acquire(
    folder: Path,
    command: str,
    *,
    wait: float,
    clock: Clock = time.time,
    on_wait: Callable[[str], None] | None = None,
) -> HeldLock:
    """Take the lock of `folder`, waiting up to `wait` seconds for its holder to finish.

    `on_wait` hears once, in Vietnamese, that this run is waiting and for whom.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise write_error(folder, exc) from exc
    path = folder / LOCK_FILE
    token = secrets.token_hex(8)
    deadline = time.monotonic() + wait
    notes: list[str] = []
    while True:
        since = clock()
        content = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "time": since,
            "command": command,
            "token": token,
        }
        if _create(path, json.dumps(content).encode("utf-8")):
            return HeldLock(path, token, since, tuple(notes))
        holder = _read_holder(path, clock())  # None: released meanwhile
        reason = None if holder is None else _stale_reason(holder)
        if holder is not None and reason is not None and _take_over(path, holder, clock()):
            notes.append(
                f"Đã gỡ khóa cũ của một lần chạy bị dừng giữa chừng ({_who(holder)}; {reason})."
            )
            continue
        if time.monotonic() >= deadline:
            raise _busy(folder, path, holder, wait)
        if on_wait is not None and holder is not None:
            on_wait(
                f"Đang có một lần chạy khác ({_who(holder)}) ghi vào {folder.as_posix()}; chờ lần "
                f"đó xong (tối đa {math.ceil(wait)} giây)…"
            )
            on_wait = None  # said once
        time.sleep(POLL_SECONDS if holder is not None else POLL_SECONDS / 10)


def release(held: HeldLock) -> None:
    """Give the lock back, unless it is no longer ours (another process took it over)."""
    try:
        data = json.loads(held.path.read_bytes().decode("utf-8"))
    except (OSError, ValueError):
        return
    if isinstance(data, dict) and data.get("token") == held.token:
        discard(held.path)


@contextmanager
def folder_lock(
    folder: Path,
    command: str,
    *,
    wait: float | None = None,
    clock: Clock = time.time,
    on_wait: Callable[[str], None] | None = None,
) -> Iterator[HeldLock]:
    """Hold the lock of `folder` for the `with` block, after removing leftover temp files."""
    held = acquire(
        folder,
        command,
        wait=WAIT_SECONDS if wait is None else wait,
        clock=clock,
        on_wait=on_wait,
    )
    try:
        remove_temp_files(folder, held.since)
        yield held
    finally:
        release(held)
