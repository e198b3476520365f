"""The `seminar` command: serve the workbench, check and build the course, make the booklet."""

import argparse
import os
import sys


def serve(args):
    """Run the xblock-sdk workbench with the seminar's units, migrating its database first."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xblocks.devserver.settings")
    try:
        import workbench  # noqa: F401
    except ImportError:
        sys.exit("seminar serve needs the workbench: pip install 'seminar-xblocks[serve]'")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    print(f"Seminar workbench on http://{args.host}:{args.port}/  (Ctrl+C stops it)", flush=True)
    call_command("runserver", f"{args.host}:{args.port}", use_reloader=False, verbosity=0)


def build_parser():
    parser = argparse.ArgumentParser(prog="seminar", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    serve_cmd = commands.add_parser("serve", help="serve the seminar in the XBlock workbench")
    serve_cmd.add_argument("--port", type=int, default=8000)
    serve_cmd.add_argument("--host", default="127.0.0.1")
    serve_cmd.set_defaults(func=serve)
    return parser


def main(argv=None):
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
