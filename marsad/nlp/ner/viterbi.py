"""Viterbi decoding of many label sequences at once, in numpy, with a check that no decision was close.

A text's sentences are packed into rows that are decoded side by side, one numpy step per position:
the cost is the number of positions in the longest row, not the number of tokens.  In a row, a
sequence's first position takes no transition from the one before it, which decides that one's
last label (its best end).  A sequence longer than the rows are wide is decoded from both ends:
its first half forwards and its second half backwards, in two rows, joined at the middle position
on the label best for both.

Every decision on the path found (each back-pointer followed, each end and middle chosen) must win
by ``margin``: then the path beats every other path by ``margin`` and any computation of the same
scores that rounds differently (crfsuite's) finds it too.  Sequences where one does not are flagged.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float64]
ROWS = 16  # the sentences of a text are packed into about this many rows


def _segments(lengths: list[int], width: int) -> list[tuple[int, int, int, bool]]:
    """``(sequence, first emission row, length, backwards)`` pieces of at most ``width - 1`` positions;
    a longer sequence is cut into halves that share its middle position."""
    out: list[tuple[int, int, int, bool]] = []
    at = 0
    for k, n in enumerate(lengths):
        if n + 1 <= width:
            if n:
                out.append((k, at, n, False))
        else:
            middle = n // 2
            out.append((k, at, middle + 1, False))
            out.append((k, at + middle, n - middle, True))
        at += n
    return out


def viterbi(emissions: Floats, lengths: list[int], trans: Floats, margin: float) -> tuple[list[int], list[bool]]:
    """Best label ids of each sequence (``emissions``: one row of label scores per position, the
    sequences one after another; ``trans[y, z]``: from label ``y`` to ``z``) and, per sequence,
    whether every decision on its path won by ``margin``."""
    n_labels, total = trans.shape[0], len(emissions)
    if not total:
        return [], [True] * len(lengths)
    width = max(-(-(total + len(lengths)) // ROWS) + 1, max(lengths) // 2 + 3)
    # place the pieces: (sequence, first emission row, length, backwards, row, first position)
    placed: list[tuple[int, int, int, bool, int, int]] = []
    row, used = 0, 0
    for k, first, n, back_half in _segments(lengths, width):
        if used + n + 1 > width:  # each piece is followed by a position that ends it
            row, used = row + 1, 0
        placed.append((k, first, n, back_half, row, used))
        used += n
    n_rows, n_steps, cells = row + 1, width, (row + 1) * n_labels
    source = [total] * (n_steps * n_rows)  # emission row at each position, row-major by step (total: none)
    ahead: list[int] = []  # positions that take a transition from the one before, as step * n_rows + row
    behind: list[int] = []  # … in a backwards half
    for _, first, n, back_half, r, t0 in placed:
        rows = range(first + n - 1, first - 1, -1) if back_half else range(first, first + n)
        source[t0 * n_rows + r : (t0 + n) * n_rows + r : n_rows] = rows
        (behind if back_half else ahead).extend(range((t0 + 1) * n_rows + r, (t0 + n) * n_rows + r, n_rows))
    scores = np.vstack([emissions, np.zeros((1, n_labels))])[source].reshape(n_steps, n_rows, n_labels)
    # paths[t, r, j, i]: the best score at t - 1 of row r ending in label i, then label j at t (before
    # j's own score); a backwards half steps from label i at t - 1 to j at t with trans[j, i]
    flat_moves = np.zeros((n_steps * n_rows, n_labels, n_labels))
    flat_moves[ahead] = trans.T
    flat_moves[behind] = trans
    moves = flat_moves.reshape(n_steps, n_rows, n_labels, n_labels)
    paths = np.empty((n_steps, n_rows, n_labels, n_labels))
    flat_paths = paths.reshape(n_steps, cells, n_labels)
    back = np.zeros((n_steps, cells), dtype=np.intp)
    offsets = np.arange(cells) * n_labels
    at = np.empty(cells, dtype=np.intp)
    prev = scores[0].copy()
    before, flat_prev = prev[:, None, :], prev.reshape(-1)
    add = np.add
    for t in range(1, n_steps):
        step, chosen = flat_paths[t], back[t]
        add(before, moves[t], out=paths[t])
        step.argmax(1, out=chosen)
        add(chosen, offsets, out=at)
        step.reshape(-1).take(at, out=flat_prev)
        add(prev, scores[t], out=prev)
    # a sequence cut in two: the label of its middle position is the best for both halves
    halves: dict[int, list[tuple[int, int]]] = {}
    for k, _, n, _, r, t0 in placed:
        if n < lengths[k]:
            halves.setdefault(k, []).append((t0 + n, r))
    middle: dict[int, int] = {}
    close: set[int] = set()
    if halves:
        cut = list(halves)
        (t1, r1), (t2, r2) = (np.array(x).T for x in zip(*(halves[k] for k in cut), strict=True))
        mids = [sum(lengths[:k]) + lengths[k] // 2 for k in cut]
        joint = paths[t1, r1, 0] + paths[t2, r2, 0] - emissions[mids]
        middle = dict(zip(cut, joint.argmax(1).tolist(), strict=True))
        top = np.partition(joint, n_labels - 2, axis=1)
        close.update(k for k, gap in zip(cut, (top[:, -1] - top[:, -2]).tolist(), strict=True) if gap < margin)
    # back-trace each piece from its end; note every decision taken, to check its margin
    pointers = back.tolist()
    labels = [0] * total
    dt: list[int] = []
    dr: list[int] = []
    dj: list[int] = []
    owners: list[int] = []
    for k, first, n, back_half, r, t0 in placed:
        end = t0 + n
        base = r * n_labels
        if k in middle:
            y = middle[k]
        else:
            y = pointers[end][base]
            dt.append(end)
            dr.append(r)
            dj.append(0)
            owners.append(k)
        path = [y]
        for t in range(end - 1, t0, -1):
            dt.append(t)
            dr.append(r)
            dj.append(y)
            owners.append(k)
            y = pointers[t][base + y]
            path.append(y)
        if back_half:
            labels[first : first + n] = path
        else:
            labels[first : first + n] = path[::-1]
    top = np.partition(paths[dt, dr, dj], n_labels - 2, axis=1)
    narrow = np.flatnonzero(top[:, -1] - top[:, -2] < margin)
    close.update(owners[i] for i in narrow.tolist())
    return labels, [k not in close for k in range(len(lengths))]
