"""Training data (CoNLL, ANERcorp), the train/dev split, and CRF training."""

from __future__ import annotations

from pathlib import Path

import pycrfsuite

from marsad.nlp.ner.model import FEATURIZERS

Sentence = list[tuple[str, str]]
DEFAULT_PARAMS: dict[str, float | int] = {"c1": 0.15, "c2": 0.005, "max_iterations": 200}


def read_conll(path: str | Path) -> list[Sentence]:
    """``(token, tag)`` sentences; the tag is after the LAST whitespace, ``O`` when absent."""
    return [[(t, tag or "O") for t, tag in s] for s in read_conll_lines(Path(path).read_text("utf-8"))]


def read_conll_lines(text: str) -> list[list[tuple[str, str | None]]]:
    """Sentences of ``token[ TAG]`` lines (blank lines separate); a line with one field has no tag."""
    sents: list[list[tuple[str, str | None]]] = []
    cur: list[tuple[str, str | None]] = []
    for line in text.splitlines():
        if not line.strip():
            if cur:
                sents.append(cur)
                cur = []
            continue
        parts = line.strip().rsplit(None, 1)
        cur.append((parts[0], parts[1]) if len(parts) == 2 else (parts[0], None))
    if cur:
        sents.append(cur)
    return sents


def split_dev(sents: list[Sentence], dev_fraction: float = 0.1) -> tuple[list[Sentence], list[Sentence]]:
    """``(train, dev)``: dev is the last ``dev_fraction`` of the sentences."""
    cut = len(sents) - max(1, round(len(sents) * dev_fraction))
    return sents[:cut], sents[cut:]


def train(
    sents: list[Sentence],
    out: str | Path,
    features: str = "full",
    params: dict[str, float | int] | None = None,
) -> Path:
    """Train a CRF on ``sents`` with the named feature set and write the model to ``out``."""
    featurize = FEATURIZERS[features]
    trainer = pycrfsuite.Trainer(verbose=False)
    for s in sents:
        trainer.append(featurize([t for t, _ in s], None), [tag for _, tag in s])
    trainer.set_params({**DEFAULT_PARAMS, **(params or {}), "feature.possible_transitions": True})
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    return out


def write_conll(path: str | Path, sents: list[Sentence]) -> None:
    """Write ``token<TAB>TAG`` lines with a blank line after each sentence."""
    with Path(path).open("w", encoding="utf-8") as f:
        for s in sents:
            f.writelines(f"{t}\t{tag}\n" for t, tag in s)
            f.write("\n")
