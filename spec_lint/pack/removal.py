"""``[remove]``: rules, sections and tables of the parent that an extending pack drops."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spec_lint.pack.names import did_you_mean
from spec_lint.pack.references import Removal
from spec_lint.pack.schema import PackError
from spec_lint.pack.section_merge import Data, entry_paths, find, siblings
from spec_lint.template import section_path


def remove(merged: Data, given: Mapping[str, Sequence[str]], origin: str) -> tuple[Removal, ...]:
    """Drop what ``[remove]`` lists; the removed sections, to blame the removal if one is still named."""
    for kind, names in given.items():
        twice = next((name for index, name in enumerate(names) if name in names[:index]), None)
        if twice is not None:
            raise PackError(f'{origin}: remove.{kind}: "{twice}" is listed twice')
    for code in given.get("rules", ()):
        _remove_rule(merged, code, origin)
    tables = tuple(_remove_table(merged, name, origin) for name in given.get("tables", ()))
    return (*tables, *(_remove_section(merged, text, origin) for text in given.get("sections", ())))


def _remove_rule(merged: Data, code: str, origin: str) -> None:
    codes = [str(rule["code"]) for rule in merged.get("rules", [])]
    if code not in codes:
        raise PackError(f'{origin}: remove.rules: unknown rule "{code}"{did_you_mean(code, codes)}')
    merged["rules"] = [rule for rule in merged["rules"] if rule["code"] != code]


def _remove_table(merged: Data, name: str, origin: str) -> Removal:
    tables = merged.get("tables", {})
    if name not in tables:
        raise PackError(f'{origin}: remove.tables: unknown table "{name}"{did_you_mean(name, tables)}')
    del tables[name]
    return Removal(origin, "tables", name)


def _remove_section(merged: Data, text: str, origin: str) -> Removal:
    path = section_path(text)
    holder = siblings(merged.get("sections", []), path) or []
    found = find(holder, path[-1])
    if found is None:
        known = [" > ".join(p) for p in entry_paths(merged.get("sections", []))]
        raise PackError(f'{origin}: remove.sections: unknown section "{text}"{did_you_mean(text, known)}')
    holder.remove(found)
    return Removal(origin, "sections", text, tuple(entry_paths([found], path[:-1])))


def used_removals(uses: Sequence[tuple[Removal, str]]) -> None:
    """Refuse a removed section or table that an item still names, with every such item."""
    for removal in dict.fromkeys(r for r, _ in uses):
        users = list(dict.fromkeys(user for r, user in uses if r is removal))
        them = "them" if len(users) > 1 else "it"
        raise PackError(f'{removal.origin}: remove.{removal.kind}: "{removal.text}" is used by {", ".join(users)} '
                        f"(remove {them} too, or keep the {removal.item})")

