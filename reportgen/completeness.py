"""Which expected units sent their workbook, and how many problems each has."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from .config import Config
from .models import ERROR, WARNING, Intake, Problem


@dataclass(frozen=True)
class UnitStatus:
    """One expected unit's line in the completeness table."""

    code: str
    name: str
    file: str  # the workbook used for this unit, "" when none was received
    errors: int
    warnings: int
    superseded: tuple[str, ...] = ()  # other files for the same unit, not used

    @property
    def received(self) -> bool:
        """Whether a workbook of this unit was read."""
        return bool(self.file)


def completeness(intake: Intake, config: Config) -> list[UnitStatus]:
    """Each registry unit: the file used, other files for it, and its count of problems."""
    used_by = {r.unit: r.file for r in intake.returns}
    files_of: dict[str, list[str]] = defaultdict(list)
    for f in intake.files:
        files_of[f.unit].append(f.name)
    problems_of: dict[str, list[Problem]] = defaultdict(list)
    for p in intake.problems:
        problems_of[p.unit].append(p)
    statuses = []
    for unit in config.units:
        used = used_by.get(unit.code, "")
        others = tuple(name for name in files_of[unit.code] if name != used)
        own = problems_of[unit.code]
        statuses.append(
            UnitStatus(
                code=unit.code,
                name=unit.name,
                file=used,
                errors=sum(p.severity == ERROR for p in own),
                warnings=sum(p.severity == WARNING for p in own),
                superseded=others,
            )
        )
    return statuses


def missing_unit_problems(
    statuses: Sequence[UnitStatus], year: int, deadline: str
) -> tuple[Problem, ...]:
    """A warning for each unit that has not sent its workbook, for the list sent back to units."""
    return tuple(
        Problem(
            file="",
            sheet="",
            cell="",
            severity=WARNING,
            message=(
                f"Chưa gửi bảng tính báo cáo năm {year} (hạn gửi trước ngày {deadline}/{year})."
            ),
            unit=s.code,
            code="return-missing",
        )
        for s in statuses
        if not s.received
    )
