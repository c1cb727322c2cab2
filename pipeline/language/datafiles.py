"""Access to the package's data files (gazetteer, word lists), wherever it is installed.

Every data file is read here: ``data_dir`` points a reader at another copy of
the files (a test's edited gazetteer); by default they are the package's own.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml


def package_dir() -> Path:
    """The installed ``pipeline`` package's folder: every path into the package starts here."""
    return Path(str(resources.files("pipeline"))).resolve()


def data_dir() -> Path:
    """The package's own data files (``pipeline/data``)."""
    return package_dir() / "data"


def path(name: str, data_dir: Path | None = None) -> Path | Traversable:
    return data_dir / name if data_dir is not None else resources.files("pipeline").joinpath("data", name)


def read_text(name: str, data_dir: Path | None = None) -> str:
    return path(name, data_dir).read_text(encoding="utf-8")


def load_yaml(name: str, data_dir: Path | None = None) -> Any:
    """A YAML data file, read with libyaml's safe loader where PyYAML has it (six times as fast as
    PyYAML's own, the same values: the gazetteer is read at every start)."""
    return yaml.load(read_text(name, data_dir), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def lines(name: str, data_dir: Path | None = None) -> Iterator[str]:
    """A word list's non-blank lines, ``#`` comments removed."""
    for raw in read_text(name, data_dir).splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            yield line
