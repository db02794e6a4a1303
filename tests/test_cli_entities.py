"""``marsad entities [NAME] | merge A B | split NAME`` through the Typer app."""

from __future__ import annotations

import json

from typer.testing import CliRunner

import marsad.cli.entities  # registers the command until marsad.cli imports it
import marsad.cli.store  # noqa: F401
from marsad.cli.app import app
from marsad.store import open_store
from tests.entity_samples import person_says

runner = CliRunner()
A = "جمال جعفر الإبراهيمي"
B = "أبو مهدي المهندس"


def _two_people(url: str) -> None:
    with open_store(url) as store:
        store.add([person_says(B, "القوات جاهزة", "alpha", "2024-01-01")])
        store.add([person_says(A, "المعركة طويلة", "beta", "2024-01-02")])


def _listed(url: str, *args: str) -> dict[str, object]:
    result = runner.invoke(app, ["entities", *args, "--db", url, "--format", "json"])
    assert result.exit_code == 0, result.output
    return dict(json.loads(result.stdout))


def test_entities_lists_each_entity_with_counts(store_url: str) -> None:
    _two_people(store_url)
    doc = _listed(store_url)
    assert doc["total"] == 2
    result = runner.invoke(app, ["entities", B, "--db", store_url])
    assert result.exit_code == 0 and B in result.stdout and "1 articles, 1 statements" in result.stdout


def test_merge_then_a_new_article_naming_a_is_found_by_searching_b(store_url: str) -> None:
    _two_people(store_url)
    merged = runner.invoke(app, ["entities", "merge", A, B, "--db", store_url])
    assert merged.exit_code == 0, merged.output
    assert A in merged.stdout and B in merged.stdout
    doc = _listed(store_url, B)
    assert doc["total"] == 1
    with open_store(store_url) as store:
        store.add([person_says(A, "الهدنة انتهت", "gamma", "2024-02-01")])
    found = runner.invoke(app, ["search", "--speaker", B, "--db", store_url, "--format", "json"])
    assert found.exit_code == 0, found.output
    assert "الهدنة انتهت" in found.stdout and "المعركة طويلة" in found.stdout


def test_split_undoes_a_merge(store_url: str) -> None:
    _two_people(store_url)
    assert runner.invoke(app, ["entities", "merge", A, B, "--db", store_url]).exit_code == 0
    split = runner.invoke(app, ["entities", "split", A, "--db", store_url])
    assert split.exit_code == 0, split.output
    assert _listed(store_url)["total"] == 2
    found = runner.invoke(app, ["search", "--speaker", B, "--db", store_url, "--format", "json"])
    assert "المعركة طويلة" not in found.stdout and "القوات جاهزة" in found.stdout


def test_merging_an_unknown_name_fails_with_a_message(store_url: str) -> None:
    _two_people(store_url)
    result = runner.invoke(app, ["entities", "merge", "اسم غير موجود", B, "--db", store_url])
    assert result.exit_code == 1
    wrong = runner.invoke(app, ["entities", "merge", A, "--db", store_url])
    assert wrong.exit_code == 2
