"""Rule selection as ruff does it: codes chosen by prefix (``SL3``, ``ALL``), the most specific
selector winning, ``ignore`` beating ``select`` at equal specificity, and each layer (the file,
then the command line) applied over the one before; a layer's ``select`` starts it afresh."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from spec_lint.pack.names import did_you_mean

ALL = "ALL"


@dataclass(frozen=True, slots=True)
class Layer:
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()


def problem(selector: str, known: Iterable[str], elsewhere: Callable[[str], str] = lambda _: "") -> str:
    """Why ``selector`` selects nothing; ``""`` when it is ``ALL`` or a prefix of a known code.
    ``elsewhere`` says where else a selector's codes are (``""``: nowhere), instead of a did-you-mean."""
    codes = sorted(known)
    if selector == ALL or any(code.startswith(selector) for code in codes):
        return ""
    return f'unknown code or prefix "{selector}"{elsewhere(selector) or did_you_mean(selector, codes)}'


def matches(selector: str, code: str) -> bool:
    return selector == ALL or code.startswith(selector)


def _specificity(selector: str) -> int:
    return 0 if selector == ALL else len(selector)


def enabled(layers: Iterable[Layer], known: Iterable[str]) -> frozenset[str]:
    """The codes switched on after every layer, starting from all of ``known``."""
    codes = frozenset(known)
    current = set(codes)
    for layer in layers:
        if layer.select is not None:
            current = set()
        steps = [(s, True) for s in (*(layer.select or ()), *layer.extend_select)]
        steps += [(s, False) for s in layer.ignore]
        for selector, on in sorted(steps, key=lambda step: (_specificity(step[0]), not step[1])):
            chosen = {code for code in codes if matches(selector, code)}
            current = current | chosen if on else current - chosen
    return frozenset(current)


def most_specific(by_selector: Mapping[str, str], code: str) -> str | None:
    """The value of the most specific selector in ``by_selector`` that matches ``code``."""
    found = [(s, value) for s, value in by_selector.items() if matches(s, code)]
    return max(found, key=lambda pair: _specificity(pair[0]))[1] if found else None
