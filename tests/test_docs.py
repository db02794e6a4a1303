"""The README documents every command and every setting (a test fails when one is undocumented)."""

from __future__ import annotations

import dataclasses

import typer.main

from marsad.cli import app
from marsad.settings import Settings
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _command_paths() -> list[str]:
    group = typer.main.get_command(app)
    paths: list[str] = []

    def walk(cmd: object, prefix: str) -> None:
        sub = getattr(cmd, "commands", None)
        if not sub:
            paths.append(prefix)
            return
        for name, child in sub.items():
            walk(child, f"{prefix} {name}".strip())

    walk(group, "")
    return paths


def test_every_command_is_in_the_readme() -> None:
    missing = [p for p in _command_paths() if f"marsad {p}" not in README]
    assert not missing, f"commands missing from README.md: {missing}"


def test_every_setting_is_in_the_readme() -> None:
    missing = [f.name for f in dataclasses.fields(Settings) if f"MARSAD_{f.name.upper()}" not in README]
    assert not missing, f"settings missing from README.md (as MARSAD_<NAME>): {missing}"


def test_readme_has_exactly_two_setup_commands() -> None:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = section.split("```")[1::2]
    commands = [line for block in blocks for line in block.splitlines() if line.strip() and not line.startswith("#")]
    assert len(commands) == 2, commands
