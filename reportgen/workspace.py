"""The filing layout of a workspace: the one place that knows where every file lives."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

CONFIG_DIR = "config"
PROFILE_FILE = "profile.toml"
UNITS_FILE = "units.toml"
PLAN_FILE = "plan.toml"
THEMES_FILE = "themes.toml"  # optional: how units' opinions are grouped in the assessment
PHRASES_FILE = "phrases.toml"  # optional: the clerk's rewording of the report's sentences
TEMPLATE = "templates/bao-cao.docx"  # the report template, relative to the workspace root
INPUTS_DIR = "inputs"
OUTPUTS_DIR = "outputs"
FORMS_DIR = "bieu-mau"  # under outputs/<Y>/: the ready-to-fill forms
CHECKS_DIR = "kiem-tra"  # under outputs/<Y>/: the numbered problem lists of `check`
KEPT_CHARTS_DIR = ".bieu-do-da-ve"  # under outputs/: charts drawn before, by what they show


@dataclass(frozen=True)
class Workspace:
    """A clerk's working folder: config/, templates/, inputs/<Y>/ and outputs/<Y>/."""

    root: Path
    inputs: Path
    outputs: Path

    @classmethod
    def at(cls, root: Path, inputs: Path | None = None, outputs: Path | None = None) -> Workspace:
        """The workspace at `root`; inputs and outputs may live elsewhere."""
        return cls(
            root=root,
            inputs=inputs if inputs is not None else root / INPUTS_DIR,
            outputs=outputs if outputs is not None else root / OUTPUTS_DIR,
        )

    @property
    def config_dir(self) -> Path:
        """The folder of the three configuration files."""
        return self.root / CONFIG_DIR

    @property
    def required_config_files(self) -> tuple[Path, Path, Path]:
        """profile.toml, units.toml and plan.toml, in that order."""
        folder = self.config_dir
        return (folder / PROFILE_FILE, folder / UNITS_FILE, folder / PLAN_FILE)

    @property
    def themes_file(self) -> Path:
        """themes.toml, which may be absent."""
        return self.config_dir / THEMES_FILE

    @property
    def phrases_file(self) -> Path:
        """phrases.toml, which may be absent."""
        return self.config_dir / PHRASES_FILE

    @property
    def config_files(self) -> tuple[Path, ...]:
        """Every configuration file the workspace has: the three required, then the optional."""
        optional = tuple(p for p in (self.themes_file, self.phrases_file) if p.is_file())
        return (*self.required_config_files, *optional)

    @property
    def template(self) -> Path:
        """The report template the clerk may edit in Word."""
        return self.root / TEMPLATE

    @property
    def kept_charts(self) -> Path:
        """outputs/.bieu-do-da-ve/: charts drawn before, kept for the next draft (hidden)."""
        return self.outputs / KEPT_CHARTS_DIR

    def year_inputs(self, year: int) -> Path:
        """inputs/<Y>/: the workbooks the units sent for a year."""
        return self.inputs / str(year)

    def year_outputs(self, year: int) -> Path:
        """outputs/<Y>/: a year's drafts, manifest and archives."""
        return self.outputs / str(year)

    def forms_dir(self, year: int) -> Path:
        """outputs/<Y>/bieu-mau/: the forms made for a year."""
        return self.year_outputs(year) / FORMS_DIR

    def checks_dir(self, year: int) -> Path:
        """outputs/<Y>/kiem-tra/: the problem lists `check` writes for a year."""
        return self.year_outputs(year) / CHECKS_DIR

    def earlier_years(self, year: int) -> list[int]:
        """Years before `year` that have a folder in inputs/, oldest first."""
        if not self.inputs.is_dir():
            return []
        return sorted(
            int(p.name)
            for p in self.inputs.iterdir()
            if p.is_dir() and p.name.isdigit() and int(p.name) < year
        )
