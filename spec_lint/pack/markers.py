"""The markers that say what a check option refers to, read from its field annotation.

``table: TableName`` is a string option that must name one of the pack's tables; the loader
resolves it when the pack loads, so a misspelt reference is a pack error, not a silent rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated


@dataclass(frozen=True, slots=True)
class Reference:
    """What a string option names: ``table``, ``column``, ``section``, ``value set``,
    ``template``, ``pattern`` (a template that is a regex) or ``regex`` (a plain one)."""

    kind: str


TableName = Annotated[str, Reference("table")]
# A column of the table that the sibling option ``table`` (for ``in_column``: ``in_table``) names.
ColumnName = Annotated[str, Reference("column")]
# "A > B" from the template's top, or one title anywhere in the template.
SectionPath = Annotated[str, Reference("section")]
ValueSetName = Annotated[str, Reference("value set")]
Template = Annotated[str, Reference("template")]
Pattern = Annotated[str, Reference("pattern")]
Regex = Annotated[str, Reference("regex")]


def table_option(column_option: str) -> str:
    """The sibling option naming the table of a column option: ``in_column`` is of ``in_table``."""
    return "in_table" if column_option.startswith("in_") else "table"
