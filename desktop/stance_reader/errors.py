"""Typed errors with messages written for the person using the program.

`StanceReaderError` subclasses describe problems of the environment or the input (a
corrupt file, a missing model, a full disk): they are shown as they are, without a
traceback. Anything else that escapes is a bug of ours and is reported as one.
"""

from __future__ import annotations


class StanceReaderError(Exception):
    """A problem the user can understand and act on; `str(exc)` is the message."""


class Cancelled(Exception):
    """The user cancelled a running job; not an error."""


class InputError(StanceReaderError):
    """The article file cannot be used. `path` names it when known."""

    def __init__(self, message: str, path: str | None = None) -> None:
        super().__init__(message)
        self.path = path


class UnsupportedFormat(InputError):
    """Not a format Stance Reader reads (binary, image, archive, unknown)."""


class EmptyDocument(InputError):
    """The file, or the text extracted from it, is empty."""


class DocumentTooLarge(InputError):
    """The file is over the documented size limit."""


class CorruptDocument(InputError):
    """The file claims a format but cannot be parsed as it."""


class EncryptedDocument(InputError):
    """The document is password-protected or DRM-encrypted."""


class ModelMissing(StanceReaderError):
    """No usable spaCy pipeline is installed."""


class AnalysisFileError(StanceReaderError):
    """A saved analysis (JSON or annotated HTML) cannot be read back."""


class AnnotatedCopyError(InputError, AnalysisFileError):
    """One of our annotated copies (HTML or JSON) cannot be reopened: damaged, crafted,
    too large or from a newer version. `path` names the copy."""


class ExportError(StanceReaderError):
    """An annotated copy could not be written."""


class StoreError(StanceReaderError):
    """Settings or history could not be read or written."""
