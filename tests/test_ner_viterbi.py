"""Viterbi over packed sequences: each sequence's best path, long ones from both ends, close calls flagged."""

from __future__ import annotations

import itertools

import numpy as np

from marsad.nlp.ner.viterbi import viterbi


def brute_force(emissions: np.ndarray, trans: np.ndarray) -> list[int]:
    n, labels = emissions.shape
    best, path = -np.inf, []
    for cand in itertools.product(range(labels), repeat=n):
        score = sum(emissions[i, y] for i, y in enumerate(cand)) + sum(trans[a, b] for a, b in itertools.pairwise(cand))
        if score > best:
            best, path = score, list(cand)
    return path


def check(lengths: list[int], seed: int, n_labels: int = 3) -> None:
    rng = np.random.default_rng(seed)
    trans = rng.normal(size=(n_labels, n_labels))
    emissions = rng.normal(size=(sum(lengths), n_labels))
    labels, ok = viterbi(emissions, lengths, trans, 1e-9)
    assert all(ok) and len(labels) == sum(lengths)
    at = 0
    for n in lengths:
        assert labels[at : at + n] == brute_force(emissions[at : at + n], trans)
        at += n


def test_many_short_sequences_packed_in_rows_each_get_their_best_path() -> None:
    check([4, 1, 0, 5, 2, 3, 1, 4, 2, 5, 3, 1, 2, 4, 5, 1, 3, 2, 1, 4], seed=7)


def test_a_sequence_longer_than_the_rows_is_decoded_from_both_ends() -> None:
    for seed in range(4):
        check([8, 1, 7], seed=seed)
        check([7], seed=seed)


def test_asymmetric_transitions_are_followed_the_right_way_round() -> None:
    trans = np.array([[0.0, 3.0], [-5.0, 0.0]])  # 0 → 1 pays, 1 → 0 costs
    emissions = np.tile([0.1, 0.0], (9, 1))
    labels, ok = viterbi(emissions, [9], trans, 1e-9)
    assert ok == [True] and labels == brute_force(emissions, trans)


def test_a_tie_is_flagged_instead_of_chosen() -> None:
    labels, ok = viterbi(np.array([[1.0, 0.0], [0.5, 0.5], [2.0, 0.0]]), [1, 2], np.zeros((2, 2)), 1e-9)
    assert ok == [True, False] and labels[0] == 0


def test_a_tie_at_the_middle_of_a_cut_sequence_is_flagged() -> None:
    emissions = np.array([[1.0, 0.0]] * 4 + [[0.0, 0.0]] + [[1.0, 0.0]] * 4)
    _, ok = viterbi(emissions, [9], np.zeros((2, 2)), 1e-9)
    assert ok == [False]


def test_no_positions_give_no_labels() -> None:
    assert viterbi(np.zeros((0, 2)), [0, 0], np.zeros((2, 2)), 1e-9) == ([], [True, True])
