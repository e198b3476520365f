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
    if args.sources:
        # Read when Django starts (devserver/course_scenarios.py); checked first, so that
        # broken sources stop here with what to fix, as `seminar check` says it.
        _load(args, refused="nothing was served")
        os.environ["SEMINAR_SOURCES"] = os.path.abspath(args.sources)
    import django
    from django.core.management import call_command

    django.setup()
    # xblock-sdk before 0.15 (Python 3.11) ships no migrations: run_syncdb makes its tables.
    call_command("migrate", interactive=False, run_syncdb=True, verbosity=0)
    from workbench.scenarios import get_scenarios

    # Load every scenario (the whole course) before the first request, not during it.
    get_scenarios()
    print(f"Seminar workbench on http://{args.host}:{args.port}/  (Ctrl+C stops it)", flush=True)
    call_command(
        _classroom_runserver(), f"{args.host}:{args.port}", use_reloader=False, verbosity=0
    )


def _classroom_runserver():
    """Django's runserver with room for a classroom's simultaneous connections: its queue
    of 10 made the system reset most of 200 learners' connections arriving together."""
    from django.core.management.commands.runserver import Command
    from django.core.servers.basehttp import WSGIServer

    command = Command()
    command.server_cls = type("ClassroomServer", (WSGIServer,), {"request_queue_size": 512})
    return command


def _load(args, refused="nothing was built"):
    from xblocks.course.sources import SourcesInvalid, load_course

    try:
        return load_course(args.sources)
    except SourcesInvalid as exc:
        for error in exc.errors:
            print(error, file=sys.stderr)
        sys.exit(f"{len(exc.errors)} problem(s) in the seminar's sources; {refused}.")


def check(args):
    """Validate every source file; exit non-zero on any problem."""
    course = _load(args)
    quizzes = len(course.quizzes) + 1
    print(
        f"OK: {len(course.days)} days, {len(course.lectures)} lectures, {quizzes} quizzes "
        f"({sum(len(q.fields['questions']) for q in course.quizzes)} lecture-quiz questions, "
        f"{len(course.final.fields['questions'])} in the final pool), "
        f"{len(course.faq_entries)} FAQ entries, {len(course.glossary)} glossary terms."
    )
    for language in course.languages:
        lectures = sum(language in lecture.translations for lecture in course.lectures)
        quizzes = sum(language in quiz.translations for quiz in [*course.quizzes, course.final])
        entries = len({path.split(".")[1] for path in course.faq_translations.get(language, {})})
        print(
            f"{language}: {lectures} lectures, {quizzes} quizzes, {entries} FAQ entries "
            "translated and checked against their sources (the rest fall back to them)."
        )
    for note in course.notes:
        print(f"note: {note}")


def accept_translations(args):
    """Record that translations are up to date with their sources (after checking them)."""
    from pathlib import Path

    from xblocks.course.sources import default_root
    from xblocks.course.translations import accept

    _load(args)  # nothing is recorded for sources or translations that do not check
    root = Path(args.sources or default_root())
    try:
        accepted = accept(root, args.language, args.files)
    except ValueError as exc:
        sys.exit(str(exc))
    print(f"{len(accepted)} {args.language} translation(s) recorded as up to date.")


def build(args):
    """Build the OLX course tarball (custom blocks, or core blocks with --portable, one
    course run per language with --lang)."""
    from xblocks.course.olx import build_course

    course = _load(args)
    if args.lang and not args.portable:
        sys.exit("--lang goes with --portable: the custom blocks carry every language in one run")
    for language in _languages(course, args.lang) if args.lang else [None]:
        print(build_course(course, args.output, portable=args.portable, language=language))


def booklet(args):
    """Write the training booklet (HTML, and PDF with the booklet extra), per language."""
    from xblocks.course.booklet import write_booklet

    course = _load(args)
    for language in _languages(course, args.lang) if args.lang else [None]:
        for path in write_booklet(
            course, args.output, pdf=True if args.pdf else None, language=language
        ):
            print(path)


def _languages(course, wanted):
    """The languages `--lang` names: one of the course's, or `all` (the source's first)."""
    every = [course.meta["language"], *course.languages]
    if wanted == "all":
        return every
    if wanted not in every:
        sys.exit(f"--lang {wanted}: the course is in {', '.join(every)} (or: --lang all)")
    return [wanted]


def from_gift(args):
    """Convert a Moodle GIFT bank to a quiz file; name what could not be converted."""
    from pathlib import Path

    from xblocks.quiz.gift import parse_gift
    from xblocks.quiz.textformat import QuizFormatError, write_quiz

    path = Path(args.file)
    try:
        quiz, warnings = parse_gift(path.read_text(encoding="utf-8"), title=path.stem, source=path)
    except QuizFormatError as exc:
        print(exc, file=sys.stderr)
        sys.exit(f"{len(exc.errors)} problem(s) in {path}; nothing was written.")
    for line, message in warnings:
        print(f"{path}:{line}: warning: {message}", file=sys.stderr)
    if not quiz["questions"]:
        sys.exit(f"No question of {path} could be converted; nothing was written.")
    _write_output(args.output, write_quiz(quiz))
    print(
        f"{len(quiz['questions'])} question(s) converted, {len(warnings)} warning(s).",
        file=sys.stderr,
    )


def to_gift(args):
    """Write a quiz file as a Moodle GIFT bank."""
    from pathlib import Path

    from xblocks.quiz.gift_write import write_gift
    from xblocks.quiz.textformat import QuizFormatError, parse_quiz

    path = Path(args.file)
    try:
        quiz = parse_quiz(path.read_text(encoding="utf-8"), source=path)
    except QuizFormatError as exc:
        print(exc, file=sys.stderr)
        sys.exit(f"{len(exc.errors)} problem(s) in {path}; nothing was written.")
    text, warnings = write_gift(quiz)
    for message in warnings:
        print(f"{path}: warning: {message}", file=sys.stderr)
    _write_output(args.output, text)


def _write_output(output, text):
    if output:
        from pathlib import Path

        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def build_parser():
    parser = argparse.ArgumentParser(prog="seminar", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    serve_cmd = commands.add_parser("serve", help="serve the seminar in the XBlock workbench")
    serve_cmd.add_argument("--port", type=int, default=8000)
    serve_cmd.add_argument("--host", default="127.0.0.1")
    serve_cmd.add_argument(
        "--sources", help="the course to serve: courses/ and quizzes/ (default: built in)"
    )
    serve_cmd.set_defaults(func=serve)

    check_cmd = commands.add_parser("check", help="validate the course sources")
    build_cmd = commands.add_parser("build", help="build the OLX course tarball")
    build_cmd.add_argument("-o", "--output", default="dist", help="output folder (default: dist)")
    build_cmd.add_argument("--portable", action="store_true", help="only core blocks (mobile apps)")
    build_cmd.add_argument(
        "--lang", help="with --portable: the course run in this language (fr, ar, ...) or all"
    )
    booklet_cmd = commands.add_parser("booklet", help="write the training booklet")
    booklet_cmd.add_argument("-o", "--output", default="dist", help="output folder (default: dist)")
    booklet_cmd.add_argument("--pdf", action="store_true", help="fail unless a PDF is written too")
    booklet_cmd.add_argument(
        "--lang", help="the booklet in this language (fr, ar, ...) or all (default: the sources')"
    )
    accept_cmd = commands.add_parser(
        "accept-translations",
        help="record translations as up to date with their sources (after checking them)",
    )
    accept_cmd.add_argument("language", help="the translations' language folder, e.g. fr")
    accept_cmd.add_argument("files", nargs="*", help="translation files (default: all of them)")
    quiz_cmd = commands.add_parser("quiz", help="convert quizzes to and from Moodle's GIFT")
    quiz_commands = quiz_cmd.add_subparsers(dest="quiz_command", required=True)
    for name, func, what in (
        ("from-gift", from_gift, "a GIFT file to a quiz file"),
        ("to-gift", to_gift, "a quiz file to GIFT"),
    ):
        convert = quiz_commands.add_parser(name, help=f"convert {what}")
        convert.add_argument("file")
        convert.add_argument("-o", "--output", help="output file (default: standard output)")
        convert.set_defaults(func=func)
    for command, func in (
        (check_cmd, check),
        (build_cmd, build),
        (booklet_cmd, booklet),
        (accept_cmd, accept_translations),
    ):
        command.add_argument(
            "--sources", help="folder with courses/ and quizzes/ (default: built in)"
        )
        command.set_defaults(func=func)
    return parser


def main(argv=None):
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
