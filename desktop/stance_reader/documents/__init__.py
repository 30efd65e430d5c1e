"""Opening documents: one Qt-free service used by the command line, the window and `render`.

    DocumentService(history).open(path) -> Analysis        (the whole way, for the CLI)
    service.load(path) / service.analysed(article) / service.finish(analysis, path)
                                                            (the same steps, for the window's job)
"""

from stance_reader.documents.service import (
    OPENERS, DocumentService, OpenedDocument, current_pipeline)

__all__ = ["DocumentService", "OpenedDocument", "OPENERS", "current_pipeline"]
