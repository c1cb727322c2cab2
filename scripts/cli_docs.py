"""docs/cli.md from every command's --help: `python scripts/cli_docs.py > docs/cli.md`.

tests/test_cli_help.py renders it again and compares, so the page cannot drift from the code.
The help is rendered at a fixed width with the variables that change defaults (KG_*, NEO4J_*) unset.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a clone without installing

from pipeline.cli import main

WIDTH = 100
HEADER = """\
# Command reference

Generated from each command's `--help` by `python scripts/cli_docs.py > docs/cli.md`; do not edit by hand
(`tests/test_cli_help.py` checks that it matches the code). Every command's help ends with examples.
The defaults shown are those of an empty environment; `kg COMMAND --help` shows the ones yours gives
(`KG_STORE`, `NEO4J_URI` or `NEO4J_BOLT_PORT`, `NEO4J_USERNAME` or `NEO4J_USER`, `KG_NEO4J_HOME`).

## Shell completion

`kg` completes its commands, options and choices in bash, zsh and fish (click's completion). Once:

```sh
_KG_COMPLETE=bash_source kg > ~/.kg-complete.bash && echo '. ~/.kg-complete.bash' >> ~/.bashrc   # bash
_KG_COMPLETE=zsh_source kg > ~/.kg-complete.zsh && echo '. ~/.kg-complete.zsh' >> ~/.zshrc      # zsh
_KG_COMPLETE=fish_source kg > ~/.config/fish/completions/kg.fish                                # fish
```

Run it again after upgrading kg, so new commands and options complete too.
"""


def help_text(args: list[str]) -> str:
    """The --help of `kg ARGS`, as a terminal WIDTH columns wide would show it."""
    env = {name: None for name in os.environ if name.startswith(("KG_", "NEO4J_"))}
    env["COLUMNS"] = None
    result = CliRunner().invoke(
        main, [*args, "--help"], prog_name="kg", env=env, terminal_width=WIDTH, max_content_width=WIDTH
    )
    assert result.exit_code == 0, result.output
    home = os.path.expanduser("~")
    return result.output.replace(home + os.sep, "~" + os.sep) if home != "~" else result.output


def render() -> str:
    """The whole page: kg, then each subcommand in alphabetical order."""
    parts = [HEADER]
    for args in [[], *([name] for name in sorted(main.commands))]:
        title = " ".join(["kg", *args])
        parts.append(f"\n## `{title}`\n\n```\n{help_text(args).rstrip()}\n```\n")
    return "".join(parts)


if __name__ == "__main__":
    sys.stdout.write(render())
