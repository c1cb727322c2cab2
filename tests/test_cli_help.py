"""Help that teaches: every command's --help ends with examples, and each example parses as given."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner
from repo import ROOT

from pipeline.cli import main

COMMANDS = [[], *([name] for name in main.commands)]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(["kg", *c]))
def test_help_ends_with_two_or_three_examples(command):
    result = CliRunner().invoke(main, [*command, "--help"])
    assert result.exit_code == 0, result.output
    _, sep, tail = result.output.rpartition("\n  Examples:\n\n")
    assert sep, f"kg {' '.join(command)} --help has no Examples section"
    examples = [line.strip() for line in tail.strip("\n").splitlines()]
    assert 2 <= len(examples) <= 3 and all("kg " in e for e in examples), examples


def examples() -> list[str]:
    """Every kg invocation in the examples (pipelines and && chains split apart)."""
    found = []
    for command in COMMANDS:
        text = (main.get_command(click.Context(main), command[0]) if command else main).epilog
        for line in text.splitlines():
            for part in line.replace("&&", "|").split("|"):
                if part.strip().startswith("kg "):
                    found.append(part.strip())
    return found


@pytest.mark.parametrize("example", examples())
def test_every_example_is_a_real_invocation(example, monkeypatch):
    """Its command exists and takes every option and argument the example gives it. Paths are not
    checked: an example's input is the user's (or made earlier in its own chain)."""
    monkeypatch.setattr(click.Path, "convert", lambda self, value, param, ctx: value)
    _, name, *args = shlex.split(example)
    command = main.get_command(click.Context(main), name)
    assert command is not None, example
    command.make_context(name, args)  # a UsageError for an unknown option, a bad choice or a missing argument


def test_docs_cli_md_is_the_help_of_every_command():
    """docs/cli.md is generated from --help; regenerate it with `python scripts/cli_docs.py > docs/cli.md`.
    Rendered in a fresh process: click caches each command's help option once a context is made."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KG_", "NEO4J_")) and k != "COLUMNS"}
    script = ROOT / "scripts" / "cli_docs.py"
    page = subprocess.run([sys.executable, script], env=env, capture_output=True, text=True, check=True).stdout
    assert page == (ROOT / "docs" / "cli.md").read_text(encoding="utf-8"), (
        "docs/cli.md is stale: python scripts/cli_docs.py > docs/cli.md"
    )


def test_shell_completion_as_docs_cli_md_sets_it_up_completes_commands_and_choices():
    """`_KG_COMPLETE=bash_source kg` gives bash a completion function; with it, `kg ex<TAB>` offers
    the three commands that start so and `kg extract --format <TAB>` the formats."""
    kg = [sys.executable, "-c", "from pipeline.cli import main; main(prog_name='kg')"]
    script = subprocess.run(kg, env={**os.environ, "_KG_COMPLETE": "bash_source"}, capture_output=True, text=True)
    assert "complete -o nosort -F _kg_completion kg" in script.stdout, script.stdout

    def complete(line: str) -> list[str]:
        words = line.split(" ")
        env = {**os.environ, "_KG_COMPLETE": "bash_complete", "COMP_WORDS": line, "COMP_CWORD": str(len(words) - 1)}
        out = subprocess.run(kg, env=env, capture_output=True, text=True, check=True).stdout
        return [row.split(",", 1)[1] for row in out.splitlines()]

    assert complete("kg ex") == ["explain", "export", "extract"]
    assert complete("kg extract --format ") == ["jsonl", "json", "table"]
