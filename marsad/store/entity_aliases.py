"""Entities across articles: entity keys mapped to global entities, with hand-made merges and splits.

Every stored entity gets ``entities.entity_key`` (:func:`marsad.nlp.names.entity_key`); each key
belongs to one global entity (``entity_aliases``), so the same person named in articles of several
outlets is one entity.  A user merges two names or splits one off; the decision is kept in
``entity_overrides`` and respected when a later ingest brings a key not seen before.

The SQL here runs on SQLite and PostgreSQL alike: ``mark`` is the backend's parameter marker.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from marsad.nlp.names import entity_key
from marsad.search import name_forms, name_pattern
from marsad.store.base import EntitySummary, Page


class Conn(Protocol):
    def execute(self, sql: Any, params: Any = ..., /) -> Any: ...

    def cursor(self) -> Any: ...


@dataclass(frozen=True, slots=True)
class GlobalEntity:
    id: int
    canonical: str
    type: str
    names: list[str]  # the canonical names of its keys, most used first


def like(pattern: str) -> str:
    return "%" + pattern.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _entity_of(conn: Conn, mark: str, key: str) -> int | None:
    row = conn.execute(f"SELECT entity FROM entity_aliases WHERE key = {mark}", (key,)).fetchone()
    return int(row[0]) if row else None


def _new_entity(conn: Conn, mark: str, canonical: str, etype: str) -> int:
    sql = f"INSERT INTO global_entities (canonical, type) VALUES ({mark}, {mark}) RETURNING id"
    return int(conn.execute(sql, (canonical, etype)).fetchone()[0])


def _attach(conn: Conn, mark: str, key: str, entity: int) -> None:
    conn.execute(f"DELETE FROM entity_aliases WHERE key = {mark}", (key,))
    conn.execute(f"INSERT INTO entity_aliases (key, entity) VALUES ({mark}, {mark})", (key, entity))


def sync(conn: Conn, mark: str) -> int:
    """Give every entity row without an ``entity_key`` its key, and every new key its global entity
    (respecting the overrides).  Run inside ``add``'s transaction, and on open for older rows."""
    rows = conn.execute("SELECT rowid, canonical, type FROM entities WHERE entity_key IS NULL").fetchall()
    if not rows:
        return 0
    keyed = [(entity_key(canonical, etype) or f"{etype}:{canonical}", int(rowid)) for rowid, canonical, etype in rows]
    conn.cursor().executemany(f"UPDATE entities SET entity_key = {mark} WHERE rowid = {mark}", keyed)
    firsts: dict[str, tuple[str, str]] = {}
    for (key, _), (_, canonical, etype) in zip(keyed, rows, strict=True):
        firsts.setdefault(key, (canonical, etype))
    for key, (canonical, etype) in firsts.items():
        if _entity_of(conn, mark, key) is not None:
            continue
        override = conn.execute(f"SELECT action, target FROM entity_overrides WHERE key = {mark}", (key,)).fetchone()
        target = _entity_of(conn, mark, override[1]) if override and override[0] == "merge" and override[1] else None
        _attach(conn, mark, key, target if target is not None else _new_entity(conn, mark, canonical, etype))
    return len(rows)


def keys_named(conn: Conn, mark: str, name: str) -> list[str]:
    """The entity keys a user's ``name`` stands for: the keys whose canonical name is ``name`` (folded,
    honorifics aside) when there are any, else every key of an entity whose namings contain it."""
    pattern = name_pattern(name)
    if pattern is None:
        return []
    rows = conn.execute(
        f"SELECT entity_key, canonical, count(*) AS n FROM entities WHERE name_key LIKE {mark} ESCAPE '\\'"
        " AND entity_key IS NOT NULL GROUP BY entity_key, canonical ORDER BY n DESC, entity_key",
        (like(pattern),),
    ).fetchall()
    wanted = name_forms(name)[0]
    exact = [str(r[0]) for r in rows if name_forms(str(r[1]))[0] == wanted]
    return list(dict.fromkeys(exact or [str(r[0]) for r in rows]))


def group_keys(conn: Conn, mark: str, keys: Sequence[str]) -> list[str]:
    """Every key sharing a global entity with one of ``keys``."""
    if not keys:
        return []
    marks = ",".join([mark] * len(keys))
    sql = (
        "SELECT DISTINCT k2.key FROM entity_aliases k1 JOIN entity_aliases k2 ON k2.entity = k1.entity"
        f" WHERE k1.key IN ({marks}) ORDER BY k2.key"
    )
    return [str(r[0]) for r in conn.execute(sql, tuple(keys))]


def merge(conn: Conn, mark: str, a: str, b: str) -> int:
    """Put every key of ``a``'s entity into ``b``'s entity; returns how many keys moved.
    Raises LookupError when either name is not stored."""
    a_keys, b_keys = keys_named(conn, mark, a), keys_named(conn, mark, b)
    if not a_keys:
        raise LookupError(f"no stored entity named {a!r}")
    if not b_keys:
        raise LookupError(f"no stored entity named {b!r}")
    target_key = b_keys[0]
    target = _entity_of(conn, mark, target_key)
    if target is None:
        raise LookupError(f"no global entity for {b!r}")
    moved = 0
    for key in group_keys(conn, mark, a_keys):
        if _entity_of(conn, mark, key) != target:
            _attach(conn, mark, key, target)
            moved += 1
        if key != target_key:
            _override(conn, mark, key, "merge", target_key)
    _drop_empty(conn)
    return moved


def split(conn: Conn, mark: str, name: str) -> int:
    """Give each key of ``name`` an entity of its own (out of any merge); returns how many keys left a group."""
    keys = keys_named(conn, mark, name)
    if not keys:
        raise LookupError(f"no stored entity named {name!r}")
    moved = 0
    for key in keys:
        entity = _entity_of(conn, mark, key)
        others = group_keys(conn, mark, [key])
        if entity is not None and len(others) > 1:
            row = conn.execute(
                f"SELECT canonical, type, count(*) AS n FROM entities WHERE entity_key = {mark}"
                " GROUP BY canonical, type ORDER BY n DESC, canonical LIMIT 1",
                (key,),
            ).fetchone()
            _attach(conn, mark, key, _new_entity(conn, mark, str(row[0]), str(row[1])))
            moved += 1
            for other in others:  # keys merged into this one now stay where they are
                conn.execute(f"DELETE FROM entity_overrides WHERE key = {mark} AND target = {mark}", (other, key))
        _override(conn, mark, key, "split", None)
    _drop_empty(conn)
    return moved


def _override(conn: Conn, mark: str, key: str, action: str, target: str | None) -> None:
    conn.execute(f"DELETE FROM entity_overrides WHERE key = {mark}", (key,))
    conn.execute(
        f"INSERT INTO entity_overrides (key, action, target) VALUES ({mark}, {mark}, {mark})", (key, action, target)
    )


def _drop_empty(conn: Conn) -> None:
    conn.execute("DELETE FROM global_entities WHERE id NOT IN (SELECT entity FROM entity_aliases)")


def aliases(conn: Conn, mark: str, name: str) -> list[str]:
    """Every canonical name of the entities ``name`` stands for (merged names included), most used first."""
    keys = group_keys(conn, mark, keys_named(conn, mark, name))
    if not keys:
        return []
    marks = ",".join([mark] * len(keys))
    rows = conn.execute(
        f"SELECT canonical, count(*) AS n FROM entities WHERE entity_key IN ({marks})"
        " GROUP BY canonical ORDER BY n DESC, canonical",
        tuple(keys),
    ).fetchall()
    return [str(r[0]) for r in rows]


def summaries(
    conn: Conn, mark: str, keys: Sequence[str] | None, limit: int, offset: int, collate: str = ""
) -> Page[EntitySummary]:
    """Global entities (merged names together), most articles first; ``keys`` (the entity keys a name filter
    stands for, :func:`marsad.store.search_plan.name_terms`) keeps those holding one of them.
    ``collate`` orders names by code point where the backend would not (PostgreSQL: ``COLLATE "C"``)."""
    where, params = "1 = 1", list[str]()
    if keys is not None:
        if not keys:
            return Page([], 0, limit, offset)
        where, params = (
            f"k.entity IN (SELECT entity FROM entity_aliases WHERE key IN ({','.join([mark] * len(keys))}))",
            list(keys),
        )
    base = (
        "FROM entities e JOIN entity_aliases k ON k.key = e.entity_key JOIN global_entities g ON g.id = k.entity"
        f" WHERE {where}"
    )
    total = int(conn.execute(f"SELECT count(DISTINCT k.entity) {base}", params).fetchone()[0])
    groups = conn.execute(
        f"SELECT k.entity, g.canonical, count(DISTINCT e.article_rowid) AS n {base} GROUP BY k.entity, g.canonical"
        f" ORDER BY n DESC, g.canonical{collate}, k.entity LIMIT {mark} OFFSET {mark}",
        [*params, limit, offset],
    ).fetchall()
    items: list[EntitySummary] = []
    in_group = f"e.entity_key IN (SELECT key FROM entity_aliases WHERE entity = {mark})"
    for entity, _, articles in groups:
        names = _ranked(
            conn, f"SELECT e.canonical, count(*) FROM entities e WHERE {in_group} GROUP BY e.canonical", entity
        )
        types = _ranked(conn, f"SELECT e.type, count(*) FROM entities e WHERE {in_group} GROUP BY e.type", entity)
        alias_rows = conn.execute(
            f"SELECT DISTINCT al.alias FROM aliases al JOIN entities e ON e.rowid = al.entity_rowid WHERE {in_group}",
            (entity,),
        ).fetchall()
        aliases = sorted({str(r[0]) for r in alias_rows} | set(names[1:]))
        spoken = conn.execute(
            "SELECT count(*) FROM statements s JOIN entities e"
            f" ON e.article_rowid = s.article_rowid AND e.entity_id = s.speaker_entity WHERE {in_group}",
            (entity,),
        ).fetchone()[0]
        items.append(EntitySummary(names[0], types[0], aliases, int(articles), int(spoken)))
    return Page(items, total, limit, offset)


def _ranked(conn: Conn, sql: str, entity: int) -> list[str]:
    """Values with their counts, most frequent first (ties by code point)."""
    rows = [(str(r[0]), int(r[1])) for r in conn.execute(sql, (entity,)).fetchall()]
    return [v for v, _ in sorted(rows, key=lambda r: (-r[1], r[0]))]
