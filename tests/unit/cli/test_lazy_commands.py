"""`invoiceme --help` lists every command without importing them, with the commands' own words."""

from __future__ import annotations

import subprocess
import sys

import click

from invoiceme_cli.main import LAZY_COMMANDS, cli


class TestLazyCommands:
    """The help line kept beside each lazily imported command is the command's own first paragraph."""

    def test_listed_help_matches_each_command(self) -> None:
        context = click.Context(cli)
        for name, (_, _, listed) in LAZY_COMMANDS.items():
            command = cli.get_command(context, name)
            assert command is not None and command.help is not None
            assert " ".join(command.help.split("\n\n")[0].split()) == listed, name

    def test_help_imports_no_command_module(self) -> None:
        probe = (
            "import sys; from click.testing import CliRunner; from invoiceme_cli.main import cli;"
            "out = CliRunner().invoke(cli, ['--help']).output; assert 'extract' in out, out;"
            "heavy = ('cv2', 'faststream', 'asyncpg', 'invoiceme_cli.ocr_cmd', 'asyncio', 'pydantic');"
            "heavy = [m for m in heavy if m in sys.modules];"
            "assert not heavy, heavy"
        )
        subprocess.run([sys.executable, "-c", probe], check=True)
