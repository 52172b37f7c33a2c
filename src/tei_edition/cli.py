"""The command line: one click group, one command per stage.

Every command turns an EditionError into one line on stderr and a non-zero exit;
tracebacks are for bugs only.
"""

from __future__ import annotations

import sys

import click

from . import __version__
from .errors import EditionError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tei-edition")
def cli() -> None:
    """Plain-text archival transcripts to TEI P5, HTML and PDF editions."""


def _register_commands() -> None:
    # Each stage's module owns its command; the group only gathers them.
    from .build import build_command
    from .convert import convert_command
    from .eject import eject_command
    from .render import render_command
    from .review import review_command
    from .scaffold import new_command
    from .validate import validate_command

    cli.add_command(convert_command, "convert")
    cli.add_command(render_command, "render")
    cli.add_command(validate_command, "validate")
    cli.add_command(build_command, "build")
    cli.add_command(new_command, "new")
    cli.add_command(review_command, "review")
    cli.add_command(eject_command, "eject")


_register_commands()


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script."""
    try:
        # Without standalone mode click returns a command's exit code instead of exiting.
        code = cli.main(args=argv, prog_name="tei-edition", standalone_mode=False)
        return code if isinstance(code, int) else 0
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.ClickException as exc:  # usage errors: exit 2
        exc.show()
        return exc.exit_code
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        return 130
    except EditionError as exc:
        click.echo(f"error: {exc}", err=True)
        return 1
    except BrokenPipeError:
        return 1


if __name__ == "__main__":
    sys.exit(main())
