"""The command line: one click group, one command per stage.

Every command turns an EditionError (or the machine refusing a file: OSError)
into one line on stderr and exit 1. Anything else is a bug: one line saying
"internal error" and naming the log file that holds the traceback, exit 70;
--debug prints the traceback too.
"""

from __future__ import annotations

import sys
import traceback

import click

from . import __version__
from .errors import EXIT_BUG, EditionError, format_bug, os_error, report_bug, settings


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tei-edition")
@click.option("--debug", is_flag=True, help="On an internal error, print its traceback too.")
def cli(debug: bool) -> None:
    """Plain-text archival transcripts to TEI P5, HTML and PDF editions."""
    settings["debug"] = debug


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
    except OSError as exc:  # the machine refused a file: not a bug
        click.echo(f"error: {os_error(exc, doing='cannot read or write')}", err=True)
        return 1
    except Exception as exc:  # a bug in the tool
        if settings["debug"]:
            traceback.print_exc()
        click.echo(f"error: {report_bug(format_bug(exc))}", err=True)
        return EXIT_BUG


if __name__ == "__main__":
    sys.exit(main())
