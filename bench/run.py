"""spec-lint's benchmark: ``python bench/run.py [--specs 200] [--non-specs 1000] [--repeats 5] [--quick]``.

Generates a seeded corpus into a temporary folder and prints, for the targets of issue 12 that
need no new feature, spec-lint's wall time as a ratio of a floor measured side by side in the
same run, then against the Markdown linters that are installed. ``--corpus DIR`` only writes the
corpus (``DIR/specs``, ``DIR/mixed``, ``DIR/one.md``), for a look at it or a test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

from corpus import write_non_specs, write_one, write_specs
from timing import Command, Ratio, compare

SPEC_LINT = [sys.executable, "-m", "spec_lint", "-q", "--isolated"]
# Only reading and parsing, with the markdown-it-py configuration spec-lint parses with.
FLOOR = """
import sys, pathlib
from markdown_it import MarkdownIt
md = MarkdownIt("commonmark").enable("table")
path = pathlib.Path(sys.argv[1])
for file in sorted(path.rglob("*.md")) if path.is_dir() else [path]:
    md.parse(file.read_text(encoding="utf-8"))
"""
MIXED_SPECS = 30
ONE_SPEC_SIZE = 20_000


def floor(path: Path) -> Command:
    return [sys.executable, "-c", FLOOR, str(path)]


def write_corpus(root: Path, specs: int, non_specs: int, seed: int) -> None:
    write_specs(root / "specs", specs, seed)
    write_specs(root / "mixed", MIXED_SPECS, seed + 1)
    write_non_specs(root / "mixed" / "docs", non_specs, seed + 2)
    write_one(root / "one.md", ONE_SPEC_SIZE, seed + 3)


def targets(root: Path, specs: int, non_specs: int, repeats: int) -> list[Ratio]:
    only_specs = root / "only-specs"
    shutil.copytree(root / "mixed", only_specs, ignore=shutil.ignore_patterns("docs"))
    return [
        compare(f"1. {specs} specs vs only reading and parsing them", [*SPEC_LINT, str(root / "specs")],
                floor(root / "specs"), 1.25, repeats),
        compare(f"2. {non_specs} non-specs + {MIXED_SPECS} specs vs the {MIXED_SPECS} specs alone",
                [*SPEC_LINT, str(root / "mixed")], [*SPEC_LINT, str(only_specs)], 1.25, repeats),
        compare(f"5. one {(root / 'one.md').stat().st_size // 1000} KB spec vs import markdown_it + parse",
                [*SPEC_LINT, str(root / "one.md")], floor(root / "one.md"), 1.5, repeats),
    ]


def peers(root: Path, repeats: int) -> tuple[list[Ratio], list[str]]:
    """spec-lint against each installed Markdown linter on the same specs; a note for each one missing."""
    found = {name: shutil.which(name) for name in ("markdownlint-cli2", "pymarkdown")}
    specs = root / "specs"
    commands = {"markdownlint-cli2": [f"{specs}/**/*.md"], "pymarkdown": ["scan", str(specs)]}
    ratios = [compare(f"spec-lint vs {name} on the same specs", [*SPEC_LINT, str(specs)],
                      [path, *commands[name]], None, repeats) for name, path in found.items() if path]
    return ratios, [f"{name}: not installed, skipped" for name, path in found.items() if not path]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--specs", type=int, default=200)
    parser.add_argument("--non-specs", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--quick", action="store_true", help="40 specs, 200 non-specs, 3 repeats")
    parser.add_argument("--corpus", type=Path, help="only write the corpus into this folder")
    args = parser.parse_args()
    if args.quick:
        args.specs, args.non_specs, args.repeats = 40, 200, 3
    if args.corpus:
        write_corpus(args.corpus, args.specs, args.non_specs, args.seed)
        return
    with tempfile.TemporaryDirectory(prefix="spec-lint-bench-") as folder:
        root = Path(folder)
        write_corpus(root, args.specs, args.non_specs, args.seed)
        print(f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}, seed {args.seed}, "
              f"median of {args.repeats} alternated runs each (whole processes)")
        ratios, notes = peers(root, args.repeats)
        for ratio in [*targets(root, args.specs, args.non_specs, args.repeats), *ratios]:
            print(ratio.line())
        for note in notes:
            print(note)


if __name__ == "__main__":
    main()
