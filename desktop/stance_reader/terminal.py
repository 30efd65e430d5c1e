"""Text bound for a terminal: titles and file names come from files anyone can make.

A title holding an ANSI escape sequence could recolour, retitle or rewrite the terminal; a
file name holding a newline could forge a second error line. Every control character
(C0, DEL, C1), every bidirectional override and every undecodable byte of a file name is
shown as a Python-style escape instead (`\\x1b`, `\\u202e`, `\\udcff`).
"""

from __future__ import annotations

import re

_UNSAFE = re.compile("[\\x00-\\x1f\\x7f-\\x9f\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069"
                     "\\ud800-\\udfff]")


def for_terminal(text: str) -> str:
    """`text` with every character a terminal would act on written as an escape."""
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
