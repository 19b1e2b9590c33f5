"""A seeded corpus of realistic specs, grown from the valid examples, and of non-spec Markdown.

Each spec is one example under its own component id (so that cross-file rules see distinct
components), with its flag, env var and metric tables grown by renamed copies of their rows and
prose added to reach a drawn size; one spec in ten gets one typical mistake, as real trees have.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
# The valid examples and the component id each one's names are built from.
BASES = {"router.md": "router", "frontend.md": "frontend", "kv-block-manager.md": "kvbm"}
WORDS = (
    "the", "router", "worker", "request", "block", "cache", "engine", "tier", "memory", "offload",
    "event", "stream", "latency", "budget", "scheduler", "token", "prefix", "match", "lease", "endpoint",
    "deployment", "replica", "shard", "queue", "backoff", "retry", "timeout", "metric", "label", "owner",
    "state", "handoff", "transfer", "policy", "eviction", "capacity", "window",
)
MISTAKES = (("| Counter |", "| Count |"), ("> **Template Version**: 1.0", "> **Template Version**: {Version}"))
BROKEN_EVERY = 10
# Links to the other examples, which are not in the corpus: they point into the spec itself instead.
LINK = re.compile(r"\]\((?:\.\./)*[\w/-]+\.md(?:#[^)]*)?\)")


def sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(8, 18))
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(3, 7)))


def renamed(text: str, base: str, ident: str) -> str:
    """The spec under the component id ``ident``: every name built from ``base`` follows it."""
    text = text.replace(f"dynamo_{base}_", f"dynamo_{ident}_")
    text = text.replace(f"DYNAMO_{base.upper()}_", f"DYNAMO_{ident.upper()}_")
    text = re.sub(rf"\b{base.upper()}_(?=\d)", f"{ident.upper()}_", text)
    text = re.sub(rf"(?<=dynamo[.-])((?:experimental|_internal)\.)?{base}\b", rf"\g<1>{ident}", text)
    text = re.sub(rf"\b{base}-config\b", f"{ident}-config", text)
    text = LINK.sub("](#overview)", text)
    if text.startswith("---\n"):
        return text.replace(f"component: {base}\n", f"component: {ident}\n", 1)
    return f"---\ncomponent: {ident}\n---\n\n{text}"


def grown_row(row: str, ident: str, copy: int) -> str:
    """A copy of a table row whose own names (``--flag``, ``DYNAMO_X_...``, ``dynamo_x_...``) are made unique."""
    row = re.sub(rf"`dynamo_{ident}_", f"`dynamo_{ident}_g{copy}_", row)
    row = re.sub(rf"`DYNAMO_{ident.upper()}_", f"`DYNAMO_{ident.upper()}_G{copy}_", row)
    return re.sub(r"`--", f"`--g{copy}-", row)


def grow_tables(lines: list[str], ident: str, rng: random.Random) -> list[str]:
    """Each row of the component's own flags, env vars and metrics gets the same 0-8 renamed copies."""
    out: list[str] = []
    copies = rng.randint(0, 8)
    for line in lines:
        out.append(line)
        if owns(line, ident):
            out.extend(grown_row(line, ident, copy) for copy in range(1, copies + 1))
    return out


def owns(row: str, ident: str) -> bool:
    """Whether a row is the component's own metric or env var, or a flag read from its own env var."""
    env = f"`DYNAMO_{ident.upper()}_"
    return row.startswith((f"| `dynamo_{ident}_", f"| {env}")) or row.startswith("| `--") and env in row


def pad(lines: list[str], size: int, rng: random.Random) -> list[str]:
    """Prose paragraphs after the Architecture heading until the text reaches ``size`` bytes."""
    at = lines.index("### Architecture") + 1
    while sum(len(line) + 1 for line in lines) < size:
        lines[at:at] = ["", paragraph(rng)]
    return lines


def spec(number: int, rng: random.Random, size: int | None = None) -> tuple[str, bool]:
    """The ``number``-th spec's text (of at least ``size`` bytes if given) and whether it was given a mistake."""
    name = rng.choice(sorted(BASES))
    base = BASES[name]
    ident = f"{base}{number}"
    lines = renamed((EXAMPLES / name).read_text(encoding="utf-8"), base, ident).splitlines()
    text = "\n".join(pad(grow_tables(lines, ident, rng), size or rng.randint(8_000, 40_000), rng)) + "\n"
    if number % BROKEN_EVERY != BROKEN_EVERY - 1:
        return text, False
    old, new = rng.choice(MISTAKES)
    return text.replace(old, new, 1), True


def non_spec(rng: random.Random) -> str:
    """A README or guide: headings, prose, a list, a code block and a small table, 1-10 KB."""
    parts = [f"# {sentence(rng)[:-1].title()} guide", paragraph(rng)]
    while sum(map(len, parts)) < rng.randint(1_000, 10_000):
        parts += [f"## {rng.choice(WORDS).title()} {rng.choice(WORDS)}", paragraph(rng)]
        parts += ["\n".join(f"- {sentence(rng)}" for _ in range(rng.randint(2, 5)))]
        parts += ["```sh\nmake " + rng.choice(WORDS) + "\n```", "| key | value |\n|---|---|\n| a | b |"]
    return "\n\n".join(parts) + "\n"


def write_specs(folder: Path, count: int, seed: int) -> list[Path]:
    """``count`` specs in ``folder``: ``spec-NNNN.md``, or ``spec-NNNN-broken.md`` for one with a mistake."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        text, broken = spec(number, rng)
        path = folder / f"spec-{number:04d}{'-broken' if broken else ''}.md"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def write_one(path: Path, size: int, seed: int) -> None:
    """One valid spec of about ``size`` bytes."""
    path.write_text(spec(0, random.Random(seed), size)[0], encoding="utf-8")


def write_non_specs(folder: Path, count: int, seed: int) -> list[Path]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"doc-{number:04d}.md" for number in range(count)]
    for path in paths:
        path.write_text(non_spec(rng), encoding="utf-8")
    return paths
