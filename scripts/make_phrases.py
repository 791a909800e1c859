"""Write config/phrases.toml: every sentence of the report with its default wording."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reportgen.phrases import DEFAULTS  # noqa: E402

HEAD = """\
# Câu chữ của báo cáo. Mỗi dòng là một câu công cụ viết, dạng tên = "câu"; các chỗ trong
# ngoặc {…} là nơi công cụ điền số liệu (giữ đúng tên, có thể đổi chỗ hoặc bỏ bớt).
# Sửa câu ở đây để đổi cách viết trong mọi dự thảo sau; xóa một dòng thì dùng câu mặc định.
# Nếu ghi sai tên câu hoặc chỗ điền, lệnh build báo rõ tệp, câu và chỗ sai.
"""


def phrases_toml() -> str:
    """The file's text: the phrases in the order and sections of reportgen/phrases.py."""
    source = (ROOT / "reportgen" / "phrases.py").read_text(encoding="utf-8")
    lines, section = [HEAD], None
    for line in source.splitlines():
        if re.match(r"    # ", line):
            section = line.strip()
            continue
        found = re.match(r'    "(\w+)": ', line)
        if found and found.group(1) in DEFAULTS:
            if section:
                lines.append(f"\n{section}")
                section = None
            value = DEFAULTS[found.group(1)].replace("\\", "\\\\").replace('"', '\\"')
            lines.append(f'{found.group(1)} = "{value}"')
    return "\n".join(lines) + "\n"


def main() -> None:
    """Write the file beside the other configuration files, and the copy `init` gives."""
    for target in (
        ROOT / "config" / "phrases.toml",
        ROOT / "reportgen" / "profiles" / "common" / "phrases.toml",
    ):
        target.write_text(phrases_toml(), encoding="utf-8")
        print(f"Đã ghi {target}")


if __name__ == "__main__":
    main()
