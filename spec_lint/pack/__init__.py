"""Rule packs: TOML data that binds checks to one document type.

A pack declares its document type (title, detection markers, identity), its parameters, the
template's sections, tables and value sets, and rules. ``extends`` makes a pack a small diff
over another. Everything is checked when the pack loads: a mistake is a :class:`PackError`
naming the file, the rule code or template item, and the key.
"""

from __future__ import annotations

from spec_lint.pack.finding import find_pack, pack_names
from spec_lint.pack.loading import builtin_pack, load_pack, load_pack_data, load_pack_text, pack_from
from spec_lint.pack.markers import ColumnName, Pattern, Regex, SectionPath, TableName, Template, ValueSetName
from spec_lint.pack.schema import Detect, DocumentType, Example, Identity, Pack, PackError, Param, Rule

__all__ = [
    "ColumnName",
    "Detect",
    "DocumentType",
    "Example",
    "Identity",
    "Pack",
    "PackError",
    "Param",
    "Pattern",
    "Regex",
    "Rule",
    "SectionPath",
    "TableName",
    "Template",
    "ValueSetName",
    "builtin_pack",
    "find_pack",
    "load_pack",
    "load_pack_data",
    "load_pack_text",
    "pack_from",
    "pack_names",
]
