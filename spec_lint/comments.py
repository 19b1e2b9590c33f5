"""HTML comments in a piece of Markdown source that the parser knows to be HTML."""

from __future__ import annotations

from collections.abc import Iterator

from spec_lint.blocks import Comment

COMMENT_OPEN, COMMENT_CLOSE = "<!--", "-->"


def comments_in(source: str, line: int, inline: bool = False) -> Iterator[Comment]:
    """The comments in ``source`` (which starts on ``line``); an unclosed one runs to its end."""
    position, start = 0, source.find(COMMENT_OPEN)
    while start >= 0:
        line += source.count("\n", position, start)
        text, position = _comment_at(source, start)
        span = source.count("\n", start, position)
        yield Comment(line, line + span, text.strip(), inline)
        line += span
        start = source.find(COMMENT_OPEN, position)


def _comment_at(source: str, start: int) -> tuple[str, int]:
    """The text of the comment opened at ``start``, and where it stops."""
    body = start + len(COMMENT_OPEN)
    # From start + 2, so that the empty comments "<!-->" and "<!--->" close themselves.
    end = source.find(COMMENT_CLOSE, start + 2)
    if end < 0:
        stop = len(source.rstrip("\n"))
        return source[body:stop], stop
    return source[body : max(end, body)], end + len(COMMENT_CLOSE)
