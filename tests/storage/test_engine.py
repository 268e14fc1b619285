"""Which store a command uses: --db, $COMITY_DB, or the documented default file."""
from __future__ import annotations

import pytest

from comity.errors import StoreError
from comity.storage import Store, default_path, resolve_url
from comity.storage.engine import display_url, make_engine


def test_engine_default_is_xdg_data_home(monkeypatch, tmp_path):
    monkeypatch.delenv("COMITY_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_path() == tmp_path / "comity" / "comity.db"
    assert resolve_url(None) == f"sqlite:///{tmp_path}/comity/comity.db"


def test_engine_default_without_xdg(monkeypatch):
    monkeypatch.delenv("COMITY_DB")
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    assert resolve_url(None).endswith("/.local/share/comity/comity.db")


def test_engine_env_then_option(monkeypatch, tmp_path):
    monkeypatch.setenv("COMITY_DB", str(tmp_path / "env.db"))
    assert resolve_url(None) == f"sqlite:///{tmp_path}/env.db"
    assert resolve_url(tmp_path / "opt.db") == f"sqlite:///{tmp_path}/opt.db"


@pytest.mark.parametrize("given,expected", [
    ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
    ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
    ("postgresql+psycopg://u@h:5433/db", "postgresql+psycopg://u@h:5433/db"),
    ("sqlite:///x.db", "sqlite:///x.db"),
])
def test_engine_urls(given, expected):
    assert resolve_url(given) == expected


def test_engine_password_hidden():
    assert "secret" not in display_url("postgresql+psycopg://u:secret@h/db")


@pytest.mark.parametrize("url", ["mysql://u@h/db", "nonsense://"])
def test_engine_unknown_database_is_refused(url):
    with pytest.raises(StoreError, match="E201"):
        make_engine(url)


def test_engine_unreachable_server_is_one_error():
    with pytest.raises(StoreError, match="E202"):
        Store.open("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")


def test_engine_makes_the_folder(tmp_path):
    with Store.open(tmp_path / "deep" / "er" / "c.db") as store:
        assert store.counts()["events"] == 0
    assert (tmp_path / "deep" / "er" / "c.db").exists()
