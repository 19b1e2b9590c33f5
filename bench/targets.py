"""The comparisons of issue 12 on a written corpus: the six targets and the peer linters."""

from __future__ import annotations

import functools
import shutil
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from features import Features
from timing import Command, Outcome, Skipped, compare

# Only reading and parsing, with the markdown-it-py configuration spec-lint parses with.
FLOOR = """
import sys, pathlib
from markdown_it import MarkdownIt
md = MarkdownIt("commonmark").enable("table")
path = pathlib.Path(sys.argv[1])
for file in sorted(path.rglob("*.md")) if path.is_dir() else [path]:
    md.parse(file.read_text(encoding="utf-8"))
"""
PURE = {"SPEC_LINT_PARSER": "markdown-it-py"}
AUTO = {"SPEC_LINT_PARSER": "auto"}  # the fast parser when it is installed
NO_FAST = "markdown-it-pyrs is not installed (pip install spec-lint[fast])"


def floor(path: Path) -> Command:
    return Command([sys.executable, "-c", FLOOR, str(path)])


@dataclass(frozen=True)
class Bench:
    """The corpus under ``root`` (``specs``, ``mixed``, ``only-specs``, ``one.md``) and how to run on it."""

    root: Path
    specs: int
    non_specs: int
    mixed_specs: int
    repeats: int
    features: Features

    def spec_lint(self, *args: str, env: dict[str, str] = PURE) -> Command:
        return Command([sys.executable, "-m", "spec_lint", "-q", "--isolated", *args], env)

    def compare(self, name: str, measured: Command, reference: Command, target: float | None) -> Outcome:
        return compare(name, measured, reference, target, self.repeats, self.root)

    @property
    def one_process(self) -> list[str]:
        """``--jobs 1``, or nothing in a build without ``--jobs`` (it always runs in one process)."""
        return ["--jobs", "1"] if self.features.jobs else []

    @property
    def no_cache(self) -> list[str]:
        return ["--no-cache"] if self.features.cache else []

    def comparisons(self) -> list[Callable[[], Outcome]]:
        """Each comparison, to run in turn (a long run prints each figure as it comes)."""
        peers = [functools.partial(self.peer, name) for name in PEER_ARGS]
        return [self.rules, self.non_spec_files, self.two_cores, self.warm_cache, self.one_file, self.fast_floor,
                self.fast_peer, *peers]

    def rules(self) -> Outcome:
        return self.compare(f"1. {self.specs} specs, one process, vs only reading and parsing them",
                            self.spec_lint(*self.one_process, *self.no_cache, "specs"), floor(self.root / "specs"), 1.25)

    def non_spec_files(self) -> Outcome:
        return self.compare(f"2. {self.non_specs} non-specs + {self.mixed_specs} specs vs the {self.mixed_specs} "
                            "specs alone", self.spec_lint(*self.no_cache, "mixed"),
                            self.spec_lint(*self.no_cache, "only-specs"), 1.25)

    def two_cores(self) -> Outcome:
        name = f"3. {self.specs} specs, --jobs default vs --jobs 1"
        if not self.features.jobs:
            return Skipped(name, "this build has no --jobs")
        return self.compare(name, self.spec_lint(*self.no_cache, "specs"),
                            self.spec_lint("--jobs", "1", *self.no_cache, "specs"), 0.6)

    def warm_cache(self) -> Outcome:
        name = f"4. {self.specs} specs, warm cache vs cold (a fresh --cache-dir)"
        if not self.features.cache:
            return Skipped(name, "this build has no --cache-dir and --no-cache")
        cold_dir, warm_dir = self.root / "cache-cold", self.root / "cache-warm"
        cold = self.spec_lint("--cache-dir", str(cold_dir), "specs")
        cold = Command(cold.argv, cold.env, lambda: shutil.rmtree(cold_dir, ignore_errors=True))
        # The warm-up run of the comparison fills the warm folder; the timed runs find it full.
        return self.compare(name, self.spec_lint("--cache-dir", str(warm_dir), "specs"), cold, 0.05)

    def one_file(self) -> Outcome:
        size = (self.root / "one.md").stat().st_size // 1000
        return self.compare(f"5. one {size} KB spec vs python -c 'import markdown_it' + parsing it",
                            self.spec_lint(*self.no_cache, "one.md"), floor(self.root / "one.md"), 1.5)

    def fast_floor(self) -> Outcome:
        name = f"6. {self.specs} specs, fast parser, one process, vs markdown-it-py only parsing"
        if not self.features.fast:
            return Skipped(name, NO_FAST)
        return self.compare(name, self.spec_lint(*self.one_process, *self.no_cache, "specs", env=AUTO),
                            floor(self.root / "specs"), 1.0)

    def fast_peer(self) -> Outcome:
        name = f"6. {self.specs} specs, fast parser, vs markdownlint-cli2"
        if not self.features.fast:
            return Skipped(name, NO_FAST)
        return self.peer("markdownlint-cli2", name, 0.2)

    def peer(self, name: str, title: str = "", target: float | None = None) -> Outcome:
        """spec-lint as a user runs it (default parser and jobs, no cache) against a peer, on the specs."""
        title = title or f"{self.specs} specs, spec-lint vs {name}"
        program = self.features.peers.get(name)
        if program is None:
            return Skipped(title, f"{name} is not installed")
        return self.compare(title, self.spec_lint(*self.no_cache, "specs", env=AUTO),
                            Command([program, *PEER_ARGS[name]]), target)


# What each peer is given to lint the specs (run from the corpus folder).
PEER_ARGS: dict[str, Sequence[str]] = {"markdownlint-cli2": ["specs/**/*.md"], "pymarkdown": ["scan", "specs"]}
