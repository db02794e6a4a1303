"""``marsad tag --conll FILE`` (named-entity tags, IOB2) and ``marsad train ner`` (builds the model)."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Annotated

import typer

from marsad.cli.app import EXIT_OK, EXIT_USAGE, app
from marsad.nlp.ner.consistency import propagate
from marsad.nlp.ner.model import FEATURIZERS, NerModel, default_model, default_model_path

TAG_RE = re.compile(r"^(O|[BI]-[A-Za-z]+)$")
CONTEXT_SENTENCES = 20  # sentences that share names in `tag --conll` (input files carry no document breaks)

train_app = typer.Typer(help="Train the models that marsad ships.", no_args_is_help=True)
app.add_typer(train_app, name="train")


def split_token(line: str) -> str:
    """The token of a CoNLL line: an IOB tag after the last space is dropped."""
    parts = line.strip().rsplit(None, 1)
    if len(parts) == 2 and TAG_RE.match(parts[1]):
        return parts[0]
    return line.strip()


def tag_lines(lines: list[str], model: NerModel, context: int = CONTEXT_SENTENCES) -> list[str]:
    """``token<TAB>TAG`` for each token line, blank lines kept.

    Each sentence is tagged on its own; then a name found in one of ``context`` neighbouring
    sentences is also given to its untagged recurrences (one sense per discourse).
    """
    sentences: list[list[str]] = [[]]
    layout: list[int] = []  # per line: the sentence it belongs to, or -1 for a blank line
    for line in lines:
        if line.strip():
            sentences[-1].append(split_token(line))
            layout.append(len(sentences) - 1)
        else:
            if sentences[-1]:
                sentences.append([])
            layout.append(-1)
    tags = [model.tag(s) for s in sentences]
    if context > 0:
        tags = [
            t
            for i in range(0, len(tags), context)
            for t in propagate(sentences[i : i + context], tags[i : i + context])
        ]
    out: list[str] = []
    position = [0] * len(sentences)
    for k in layout:
        if k < 0:
            out.append("")
            continue
        i = position[k]
        position[k] += 1
        out.append(f"{sentences[k][i]}\t{tags[k][i]}")
    return out


@app.command()
def tag(
    conll: Annotated[str, typer.Option("--conll", help="One token a line (a tag column is ignored); - for stdin.")],
    model: Annotated[Path | None, typer.Option("--model", help="A model file (default: the shipped one).")] = None,
    features: Annotated[str, typer.Option("--features", help="The model's feature set: full | baseline.")] = "full",
    context: Annotated[
        int, typer.Option("--context", help="Sentences that share names (0: each sentence alone).")
    ] = CONTEXT_SENTENCES,
) -> None:
    """Tag tokens for named entities: prints token<TAB>TAG (IOB2 over PERS, LOC, ORG, MISC)."""
    if features not in FEATURIZERS:
        typer.echo(f"unknown feature set: {features}", err=True)
        raise typer.Exit(EXIT_USAGE)
    if conll != "-" and not Path(conll).is_file():
        typer.echo(f"no such file: {conll}", err=True)
        raise typer.Exit(EXIT_USAGE)
    text = sys.stdin.read() if conll == "-" else Path(conll).read_text("utf-8")
    tagger = NerModel(model, features) if model else default_model()
    lines = tag_lines(text.splitlines(), tagger, context)
    sys.stdout.write("".join(line + "\n" for line in lines))
    raise typer.Exit(EXIT_OK)


@train_app.command("ner")
def train_ner(
    train: Annotated[Path, typer.Option("--train", help="CoNLL training data (ANERcorp train.txt).")],
    out: Annotated[
        Path | None, typer.Option("--out", help="Where to write the model (default: the shipped one).")
    ] = None,
    features: Annotated[str, typer.Option("--features", help="full | baseline")] = "full",
    dev_fraction: Annotated[
        float, typer.Option("--dev-fraction", help="Hold out this tail fraction of the sentences (0: train on all).")
    ] = 0.0,
    max_iterations: Annotated[int, typer.Option("--max-iterations")] = 200,
) -> None:
    """Train the CRF named-entity model (reproducible: same data, same model)."""
    from marsad.nlp.ner.train import read_conll, split_dev
    from marsad.nlp.ner.train import train as train_model

    if features not in FEATURIZERS:
        typer.echo(f"unknown feature set: {features}", err=True)
        raise typer.Exit(EXIT_USAGE)
    sents = read_conll(train)
    if dev_fraction > 0:
        sents, _ = split_dev(sents, dev_fraction)
    path = train_model(sents, out or default_model_path(), features, {"max_iterations": max_iterations})
    typer.echo(f"trained on {len(sents)} sentences: {path} ({path.stat().st_size} bytes)")
