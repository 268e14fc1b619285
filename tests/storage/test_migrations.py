"""Alembic: an old store is upgraded with its data, the head schema is exactly schema.py, and a
store from a newer comity is refused rather than damaged."""
from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from comity.errors import StoreError
from comity.query import search
from comity.storage import Store
from comity.storage import migrate
from comity.storage.engine import make_engine
from comity.storage.schema import metadata


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'old.db'}"
    from conftest import new_postgres_database

    return new_postgres_database(request.getfixturevalue("postgres_server"))  # no template: really empty


def test_migrations_upgrade_a_0001_store_with_data(empty_url):
    engine = make_engine(empty_url)
    migrate.upgrade(engine, "0001")
    with engine.begin() as conn:
        assert migrate.current(conn) == "0001"
        # rows as comity 0001 wrote them (no search_text column yet)
        conn.execute(text("INSERT INTO stories (id, content_hash, first_published) VALUES (1, 'h', '2024-12-18')"))
        conn.execute(text(
            "INSERT INTO articles (id, copy_hash, content_hash, story_id, is_primary, input_id, published, language, "
            "body_start, text, ingested_at) VALUES (1, 'c', 'h', 1, :t, 'old', '2024-12-18', 'en', 0, "
            ":body, '2024-12-19T00:00:00+00:00')"), {"t": True, "body": "Phan Văn Giang held talks in Hà Nội."})
    engine.dispose()
    with Store.open(empty_url) as store:
        with store.read() as conn:
            assert migrate.current(conn) == migrate.head()
            hits = search(conn, "phan van giang ha noi")
        assert [h.report for h in hits] == ["old"]
        assert store.counts()["articles"] == 1


def test_migrations_0005_gives_old_observations_an_empty_rule(empty_url):
    engine = make_engine(empty_url)
    migrate.upgrade(engine, "0004")
    with engine.begin() as conn:  # a person observed by comity 0004, before records carried their rule
        conn.execute(text("INSERT INTO stories (id, content_hash) VALUES (1, 'h')"))
        conn.execute(text(
            "INSERT INTO articles (id, copy_hash, content_hash, story_id, is_primary, input_id, language, "
            "body_start, text, ingested_at) VALUES (1, 'c', 'h', 1, :t, 'old', 'en', 0, 'x', '2024-12-19')"),
            {"t": True})
        conn.execute(text("INSERT INTO persons (id, key, name) VALUES (1, 'giang|VNM', 'Giang')"))
        conn.execute(text(
            "INSERT INTO person_observations (person_id, article_id, local_id, name, titles, aliases, mentions, "
            "confidence) VALUES (1, 1, 'p1', 'Giang', '[]', '[]', '[]', 0.9)"))
    migrate.upgrade(engine)
    with engine.connect() as conn:
        from comity.storage.schema import person_observations as po

        assert [tuple(r) for r in conn.execute(po.select().with_only_columns(po.c.rule, po.c.steps))] == [("", [])]
    engine.dispose()


def test_migrations_head_matches_schema(db_url):
    Store.open(db_url).close()
    engine = make_engine(db_url)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": migrate.include_object})
        diff = compare_metadata(context, metadata)
    engine.dispose()
    assert diff == []


def test_migrations_downgrade_and_upgrade_again(empty_url):
    engine = make_engine(empty_url)
    migrate.upgrade(engine, "head")
    from alembic import command

    config = migrate._config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0001")
    migrate.upgrade(engine)
    with engine.connect() as conn:
        assert migrate.current(conn) == migrate.head()
    engine.dispose()


def test_migrations_newer_store_is_refused(tmp_path):
    url = f"sqlite:///{tmp_path / 'new.db'}"
    Store.open(url).close()
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(StoreError, match="E203"):
        Store.open(url)


def test_migrations_open_twice_is_a_no_op(tmp_path):
    url = f"sqlite:///{tmp_path / 's.db'}"
    Store.open(url).close()
    with Store.open(url) as store:
        assert store.counts()["articles"] == 0
