"""``[[sections]]`` of an extending pack: entries that update, move or add template sections.

Titles compare as everywhere else (any case, any spacing), so "testing" updates "Testing"
rather than adding a second one.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from spec_lint.pack.names import did_you_mean
from spec_lint.pack.schema import PackError
from spec_lint.template import section_path
from spec_lint.titles import normalize_title

Data = dict[str, Any]


def section_data(item: str | Mapping[str, Any]) -> Data:
    """A section entry as a table, its children too: ``"Overview"`` is ``{title = "Overview"}``."""
    if isinstance(item, str):
        return {"title": item}
    data = dict(item)
    if "children" in data:
        data["children"] = [section_data(child) for child in data["children"]]
    return data


def entry_paths(items: list[Data], above: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """The path of every section the entries give, their children's too."""
    for item in items:
        path = (*above, *section_path(str(item["title"])))
        yield path
        yield from entry_paths(item.get("children", []), path)


def find(sections: list[Data], title: str) -> Data | None:
    return next((s for s in sections if normalize_title(s["title"]) == normalize_title(title)), None)


def siblings(sections: list[Data], path: tuple[str, ...]) -> list[Data] | None:
    """The list that holds the section at ``path`` (which need not exist yet)."""
    for title in path[:-1]:
        found = find(sections, title)
        if found is None:
            return None
        sections = found.setdefault("children", [])
    return sections


def merge_section(sections: list[Data], item: Data, origin: str) -> None:
    """Update the section the entry names (moving it with after/before), or add it."""
    where = f'{origin}: sections "{item["title"]}"'
    path = section_path(item["title"])
    holder = siblings(sections, path)
    if holder is None:
        parent = " > ".join(path[:-1])
        known = [" > ".join(p) for p in entry_paths(sections)]
        raise PackError(f'{where}: unknown parent section "{parent}"{did_you_mean(parent, known)}')
    entry = {key: value for key, value in item.items() if key not in ("after", "before")}
    old = find(holder, path[-1])
    if old is not None:
        old.update({key: value for key, value in entry.items() if key != "title"})  # the parent's spelling stays
        if "after" not in item and "before" not in item:
            return
        holder.remove(old)
    holder.insert(_position(holder, item, where), old or {**entry, "title": path[-1]})


def _position(holder: list[Data], item: Data, where: str) -> int:
    for key, shift in (("after", 1), ("before", 0)):
        if key in item:
            titles = [str(s["title"]) for s in holder]
            found = find(holder, item[key])
            if found is None:
                raise PackError(f'{where}: {key} "{item[key]}": unknown section{did_you_mean(item[key], titles)}')
            return holder.index(found) + shift
    return len(holder)
