"""`python -m stance_reader.evaluate quotes|tone FILE.jsonl ...` or `pages DIR`: score on data."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    usage = "usage: python -m stance_reader.evaluate {quotes,tone} FILE.jsonl [options] | pages DIR [options]"
    if not argv or argv[0] in ("-h", "--help"):
        print(usage)
        return 0 if argv else 2
    command, rest = argv[0], argv[1:]
    if command == "quotes":
        from stance_reader.evaluate.quotes import main as run
    elif command == "tone":
        from stance_reader.evaluate.tone import main as run
    elif command == "pages":
        from stance_reader.evaluate.pages import main as run
    else:
        print(f"unknown evaluation {command!r}; {usage}", file=sys.stderr)
        return 2
    return run(rest)


if __name__ == "__main__":
    sys.exit(main())
