"""`stance-reader render FILE -o PNG`: the reading view, rendered offscreen to a PNG."""

from __future__ import annotations

import os
from pathlib import Path

from stance_reader.documents import DocumentService
from stance_reader.errors import ExportError, StanceReaderError
from stance_reader.presentation.layers import BY_NAME, LAYER_NAMES


def main(file: str, out: str, *, layers: list[str] | None, theme: str, width: int,
         documents: DocumentService) -> int:
    unknown = [x for x in layers or [] if x not in BY_NAME]
    if unknown:
        raise StanceReaderError(f"unknown layer {', '.join(unknown)}; "
                                f"choose from {', '.join(LAYER_NAMES)}")
    if width < 300 or width > 8000:
        raise StanceReaderError("--width must be between 300 and 8000 pixels")
    from stance_reader.output_plan import check_target

    target = Path(out)
    check_target(target, [Path(file)], force=True)  # before any work: never the input
    analysis = documents.open(file)
    image = render_analysis(analysis, layers=layers, theme=theme, width=width)
    from PySide6.QtCore import QBuffer, QIODevice

    from stance_reader.fileio import WriteFailed, atomic_write_bytes

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise ExportError(f"cannot render {target}: the image could not be encoded")
    try:
        atomic_write_bytes(target, bytes(buffer.data()))
    except WriteFailed as exc:
        raise ExportError(str(exc)) from exc
    return 0


def render_analysis(analysis, *, layers: list[str] | None, theme: str, width: int,  # type: ignore[no-untyped-def]
                    height: int | None = None):
    """A QImage of the reading view showing the whole article (or `height` pixels)."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["stance-reader"])  # noqa: F841
    from stance_reader.presentation.layers import LayerState
    from stance_reader.ui.reader_view import ReaderView

    view = ReaderView()
    view.set_theme(theme)
    view.set_state(LayerState(on=frozenset(layers) if layers is not None else frozenset(LAYER_NAMES)))
    view.resize(width, 800)
    view.set_analysis(analysis)
    view.ensure_styled()
    from PySide6.QtCore import Qt

    view.text.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    view.show()
    view.layout().activate()
    view.text.update_margins()
    doc = view.text.document()
    doc.setTextWidth(view.text.viewport().width())
    margins = view.text.viewportMargins()
    full = int(doc.size().height()) + view.header.sizeHint().height() + margins.top() \
        + margins.bottom() + 8
    view.resize(width, height or min(full, 30000))
    view.layout().activate()
    image = view.grab().toImage()
    view.close()
    return image
