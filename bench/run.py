"""spec-lint's benchmark: ``python bench/run.py [--specs 1000] [--repeats 3] [--quick] [--markdown]``.

Generates a seeded corpus into a temporary folder and prints the six ratios of issue 12, each
measured side by side in the same run (medians of alternated whole-process runs), then spec-lint
against the Markdown linters that are installed. A ratio whose feature this build or machine
lacks prints "skipped: <why>". ``--markdown`` also prints the README's table; ``--corpus DIR``
only writes the corpus (``DIR/specs``, ``DIR/mixed``, ``DIR/one.md``), for a look at it or a test.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from corpus import write_non_specs, write_one, write_specs
from features import Features, machine, probe, versions
from targets import Bench

MIXED_SPECS = 30
ONE_SPEC_SIZE = 20_000


def write_corpus(root: Path, specs: int, non_specs: int, seed: int, mixed_specs: int = MIXED_SPECS) -> None:
    write_specs(root / "specs", specs, seed)
    write_specs(root / "mixed", mixed_specs, seed + 1)
    write_non_specs(root / "mixed" / "docs", non_specs, seed + 2)
    write_one(root / "one.md", ONE_SPEC_SIZE, seed + 3)
    shutil.copytree(root / "mixed", root / "only-specs", ignore=shutil.ignore_patterns("docs"))


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--specs", type=int, default=1000, help="N, the specs of ratios 1, 3, 4 and 6")
    parser.add_argument("--non-specs", type=int, default=1000)
    parser.add_argument("--mixed-specs", type=int, default=MIXED_SPECS, help="the specs among the non-specs of ratio 2")
    parser.add_argument("--repeats", type=int, default=3, help="alternated runs of each command")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--quick", action="store_true", help="40 specs, 200 non-specs, 3 repeats")
    parser.add_argument("--markdown", action="store_true", help="also print the README's table of the figures")
    parser.add_argument("--markdownlint-cli2", metavar="PROGRAM",
                        help="markdownlint-cli2 to compare with  [default: $MARKDOWNLINT_CLI2, else on PATH]")
    parser.add_argument("--corpus", type=Path, help="only write the corpus into this folder")
    args = parser.parse_args()
    if args.quick:
        args.specs, args.non_specs, args.repeats = 40, 200, 3
    return args


def header(args: argparse.Namespace, features: Features) -> str:
    found = versions(features.peers) or "no peer linter installed"
    return (f"{machine()}; seed {args.seed}, {args.specs} specs, median of {args.repeats} alternated runs "
            f"(whole processes); {found}")


def main() -> None:
    args = arguments()
    if args.corpus:
        write_corpus(args.corpus, args.specs, args.non_specs, args.seed)
        return
    features = probe(args.markdownlint_cli2)
    print(header(args, features), flush=True)
    with tempfile.TemporaryDirectory(prefix="spec-lint-bench-") as folder:
        root = Path(folder)
        write_corpus(root, args.specs, args.non_specs, args.seed, args.mixed_specs)
        bench = Bench(root, args.specs, args.non_specs, args.mixed_specs, args.repeats, features)
        outcomes = []
        for measure in bench.comparisons():
            outcomes.append(measure())
            print(outcomes[-1].line(), flush=True)
    if args.markdown:
        print(f"\nMachine: {machine()}\n\n| comparison | ratio (spec-lint / reference) | target |\n|---|---|---|")
        print("\n".join(outcome.row() for outcome in outcomes))


if __name__ == "__main__":
    main()
