"""Front matter: the YAML mapping at the top of a file, read so that reading never fails."""

from __future__ import annotations


def front_matter(content: str) -> dict[str, object]:
    """The front matter's mapping; empty when it is none. Whatever it holds (an invalid date, a
    huge integer, deep nesting), reading it never fails: a README's front matter is read too."""
    import yaml  # here: a run whose files hold no front matter never loads PyYAML

    # The C loader when PyYAML has it: the same values, read faster.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(content, Loader=loader)  # a safe loader: nothing is run
    except Exception:  # noqa: BLE001 - ValueError, RecursionError, ... as well as YAMLError
        return {}
    return data if isinstance(data, dict) else {}
