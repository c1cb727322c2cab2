"""Access to the package's data files (gazetteer, word lists), wherever it is installed."""
from __future__ import annotations

from importlib import resources
from typing import Any

import yaml


def read_text(name: str) -> str:
    return resources.files("pipeline").joinpath("data", name).read_text(encoding="utf-8")


def load_yaml(name: str) -> Any:
    return yaml.safe_load(read_text(name))


def read_list(name: str) -> list[str]:
    """Non-empty lines of a word list, without `#` comments."""
    lines = (line.split("#", 1)[0].strip() for line in read_text(name).splitlines())
    return [line for line in lines if line]
