"""The `kg` command line: a thin layer over the library."""
from __future__ import annotations

import click

from . import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """kg: who said what about which company, from Chinese industry news."""
