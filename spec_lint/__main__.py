"""``python -m spec_lint``: the same command as ``spec-lint``."""

from spec_lint.cli import main

main(prog_name="spec-lint")
