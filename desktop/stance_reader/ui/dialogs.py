"""Errors shown in one place: a dialog naming the file and the reason; a crash dialog;
non-blocking notices of problems of the environment."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from stance_reader.errors import InputError, StanceReaderError

log = logging.getLogger(__name__)


def error_text(exc: BaseException, path: str | None = None) -> tuple[str, str]:
    """(headline, detail) for an error, in words for the person using the reader."""
    where = getattr(exc, "path", None) or path
    if isinstance(exc, InputError):
        return (f"Cannot open {where}" if where else "Cannot open the file", str(exc))
    if isinstance(exc, StanceReaderError):
        return ("Stance Reader could not finish", str(exc))
    return ("Something went wrong inside Stance Reader",
            f"{type(exc).__name__}: {exc}\n\nThis is a bug; the window stays usable. "
            "Details are in the log file.")


def show_error(parent: QWidget | None, exc: BaseException, path: str | None = None) -> None:
    headline, detail = error_text(exc, path)
    log.warning("%s: %s", headline, detail)
    box = QMessageBox(QMessageBox.Icon.Warning, "Stance Reader", headline,
                      QMessageBox.StandardButton.Ok, parent)
    box.setInformativeText(detail)
    box.setAccessibleName(headline)
    box.exec()


def show_notice(window: QMainWindow, message: str) -> None:
    """A problem of the environment the person should know about, told once by its source
    (settings reset, history not writable): a dialog that does not block reading, and the
    status line."""
    log.warning("%s", message)
    box = QMessageBox(QMessageBox.Icon.Warning, "Stance Reader", message,
                      QMessageBox.StandardButton.Ok, window)
    box.setModal(False)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()
    window.statusBar().showMessage(message, 30000)


def install_excepthook() -> None:
    """Uncaught exceptions in slots reach a crash dialog instead of killing the reader."""
    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log.error("uncaught exception:\n%s", "".join(traceback.format_exception(kind, exc, tb)))
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        try:
            show_error(None, exc)
        except Exception:  # never let the crash dialog crash
            sys.__excepthook__(kind, exc, tb)
    sys.excepthook = hook
