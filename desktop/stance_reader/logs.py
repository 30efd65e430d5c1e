"""Where log records go: the terminal gets warnings and errors only, unless asked for more.

A newcomer's terminal should stay quiet: INFO lines ("loaded spaCy model …") and Qt's
own chatter (platform plugin notes) belong in the log file, and on stderr only with
`--verbose` (INFO) or `--debug` (DEBUG). Qt's messages are routed into `logging` so the
same rule holds for them.
"""

from __future__ import annotations

import logging
import sys

STDERR_FORMAT = "%(levelname)s %(name)s: %(message)s"
_HANDLER_NAME = "stance-reader-stderr"


def stderr_level(*, verbose: bool = False, debug: bool = False) -> int:
    return logging.DEBUG if debug else logging.INFO if verbose else logging.WARNING


def configure_stderr(*, verbose: bool = False, debug: bool = False) -> logging.Handler:
    """One stderr handler on the root logger with the level the flags ask for.

    The root logger's own level is left to whoever adds a log file (the window logs INFO
    to its file); the handler's level keeps stderr quiet regardless.
    """
    root = logging.getLogger()
    for h in list(root.handlers):
        if h.get_name() == _HANDLER_NAME:
            root.removeHandler(h)
    handler = logging.StreamHandler(sys.stderr)
    handler.set_name(_HANDLER_NAME)
    handler.setLevel(stderr_level(verbose=verbose, debug=debug))
    handler.setFormatter(logging.Formatter(STDERR_FORMAT))
    if not (verbose or debug):
        handler.addFilter(_ours_or_errors)
    root.addHandler(handler)
    root.setLevel(min(root.level if root.level != logging.NOTSET else logging.WARNING,
                      handler.level))
    return handler


def _ours_or_errors(record: logging.LogRecord) -> bool:
    """Other libraries' warnings ("trafilatura: readability_lxml failed", a fallback it
    takes by itself) are notes for developers: on stderr only as errors, or with
    --verbose. Ours are shown from WARNING up."""
    return record.name.startswith("stance_reader") or record.levelno >= logging.ERROR


def route_qt_messages() -> None:
    """Send Qt's messages (qDebug/qWarning, platform plugin notes) to the `qt` logger.

    Qt warnings are mostly notes for developers ("could not find the Qt platform plugin
    wayland", font fallbacks): they are logged at INFO, so they reach the log file and,
    with --verbose, the terminal. Critical and fatal messages are logged as errors.
    """
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    log = logging.getLogger("qt")
    levels = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.DEBUG,
              QtMsgType.QtWarningMsg: logging.INFO, QtMsgType.QtCriticalMsg: logging.ERROR,
              QtMsgType.QtFatalMsg: logging.CRITICAL}

    def handler(kind, context, message) -> None:  # type: ignore[no-untyped-def]
        category = getattr(context, "category", None) or "default"
        log.log(levels.get(kind, logging.INFO), "%s: %s", category, message)

    qInstallMessageHandler(handler)
