"""Person identity in the store: `comity.nlp.names`' rules and the country, the same whatever the
order of ingest, on SQLite and PostgreSQL; migration 0004 re-keys a store written with 0003's keys."""
from __future__ import annotations

import subprocess
import sys

import pytest
from sqlalchemy import text
from store_records import article, ev, evidence

from comity.model import Agreement, ArticleResult, Meeting, Person
from comity.query import find_persons, get_person, list_persons
from comity.storage import Store, identity, migrate
from comity.storage import alerts as store_alerts
from comity.storage import mapping as m
from comity.storage.engine import make_engine
from comity.storage.textfold import fold_key

# ---- the key ------------------------------------------------------------------------------------


@pytest.mark.parametrize("a, b", [
    ("Lê Thị Hồng Nhung", "Le Thi Hong Nhung"),
    ("Lê Thị Hồng Nhung", "Lê Thị Hǒng Nhung"),      # a caron typed for the hook above
    ("Lê Thị Hồng Nhung", "LE THI-HONG NHUNG"),
    ("Đặng Quốc Bảo", "Dang Quoc Bao"),
    ("Sjafrie Sjamsoeddin", "Syafrie Syamsuddin"),      # listed in name_variants.yaml
    ("Sjafrie Sjamsoeddin", "Sjafrie Sjamsuddin"),
    ("Tea Banh", "Tea Bahn"),
    ("Volodymyr Zelenskyy", "Volodymyr Zelensky"),
])
def test_identity_one_key_for_spellings_of_one_name(a, b):
    assert identity.person_key(a, "XXX") == identity.person_key(b, "XXX")


@pytest.mark.parametrize("a, b", [
    ("Đỗ Văn Minh", "Đỗ Văn Mạnh"),                      # one vowel: two people
    ("Vũ Hải Sơn", "Vũ Hải Sang"),
    ("Tea Banh", "Tea Seiha"),
])
def test_identity_different_names_stay_apart(a, b):
    assert identity.name_key(a) != identity.name_key(b)


def test_identity_country_is_part_of_the_key():
    assert identity.person_key("Kim Young-chul", "PRK") != identity.person_key("Kim Young-chul", "KOR")
    assert identity.person_key("Kim Young-chul", "PRK") == "kimyoungchul|PRK"
    assert identity.person_key("Kim Young-chul", None) == "kimyoungchul|"


NAMES = ["Lê Thị Hồng Nhung", "Le Thi Hong Nhung", "Đỗ Văn Minh", "Do Van Manh", "Syafrie Syamsuddin",
         "Sjafrie Sjamsoeddin", "Khamlieng Outhakaisone", "Khamliang Outhakaysone", "Tea Bahn", "Tea Banh",
         "Kim Young-chul", "Kim Youngchul", "Sergei Shoigu", "Sergei Shoygu", "Сергей Шойгу", "Hans Groß",
         "Hans Gross", "O'Brien Kelly", "OBrien Kelly", "Andrej Belousov", "Andrei Byelousov"]


def test_identity_mirrors_comity_nlp_names():
    from comity.nlp import names

    for a in NAMES:
        # without listed variants, the name key is names.name_key (apostrophes aside)
        if not any(p in identity._variants() for p in identity.name_parts(a)):
            assert identity.name_key(a) == names.name_key(a).replace("'", "")
        for b in NAMES:
            if identity.name_key(a) == identity.name_key(b):
                assert names.same_person(a, b), (a, b)


def test_identity_does_not_import_spacy():
    code = "import sys, comity.storage.identity, comity.storage.store; assert 'spacy' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


# ---- the store -----------------------------------------------------------------------------------

def report(n: int, people: list[tuple[str, str | None]], published: str = "2025-03-01") -> ArticleResult:
    """A report naming `people` (name, country): a meeting of all, a signing by the first two."""
    body = f"Report {n}: " + ", ".join(name for name, _ in people) + " met and signed an accord."
    a = article(f"identity-{n}", body, published, "VNA")
    persons = tuple(Person(id=f"p{k}", name=name, country=c, key="") for k, (name, c) in enumerate(people, 1))
    ids = tuple(p.id for p in persons)
    countries = tuple(sorted({c for _, c in people if c}))
    e1 = ev(a, "e1", "040", "CONSULT", countries[0], countries[-1], published, f"Report {n}:",
            src_person="p1", tgt_person="p2" if len(persons) > 1 else None)
    accord = Agreement(id="a1", kind="mou", name=f"accord {n}", parties=countries, status="signed",
                       evidence=evidence(a, "signed an accord"), signed_on=published, signatories=ids[:2])
    meeting = Meeting(id="m1", date=published, kind="talks", countries=countries, participants=ids, events=("e1",))
    return ArticleResult(article=a, persons=persons, events=(e1,), agreements=(accord,), meetings=(meeting,))


def reports() -> list[ArticleResult]:
    return [
        report(1, [("Lê Thị Hồng Nhung", "VNM"), ("Sjafrie Sjamsoeddin", "IDN")], "2024-05-02"),
        report(2, [("Le Thi Hong Nhung", "VNM"), ("Syafrie Syamsuddin", "IDN")], "2025-01-10"),
        report(3, [("Lê Thị Hǒng Nhung", "VNM"), ("Đỗ Văn Minh", "VNM")], "2025-02-11"),
        report(4, [("Do Van Manh", "VNM"), ("Kim Young-chul", "PRK")], "2025-03-12"),
        report(5, [("Kim Youngchul", "KOR"), ("Tea Bahn", "KHM")], "2025-04-13"),
        report(6, [("Tea Banh", "KHM"), ("Kim Young-chul", "PRK")], "2023-06-14"),
    ]


def snapshot(url: str) -> dict:
    """What the store says about people, in store-independent terms (keys, not ids)."""
    with Store.open(url) as store, store.read() as conn:
        keys = dict(conn.execute(text("SELECT id, key FROM persons")).all())
        persons = {r.key: (r.country, r.first_seen, r.last_seen) for r in
                   conn.execute(text("SELECT key, country, first_seen, last_seen FROM persons"))}
        spellings = {}
        for r in conn.execute(text("SELECT person_id, name FROM person_observations")):
            spellings.setdefault(keys[r.person_id], set()).add(r.name)
        events = sorted((a, keys.get(s), keys.get(t)) for a, s, t in conn.execute(text(
            "SELECT a.input_id, source_person_id, target_person_id FROM event_mentions e "
            "JOIN articles a ON a.id = e.article_id")))
        meetings = sorted((a, tuple(keys[i] for i in p)) for a, p in conn.execute(
            m_select("meeting_mentions", "participants")))
        signatories = sorted((a, tuple(keys[i] for i in p)) for a, p in conn.execute(
            m_select("agreement_observations", "signatories")))
    return {"persons": persons, "spellings": spellings, "events": events, "meetings": meetings,
            "signatories": signatories}


def m_select(table: str, column: str):
    from sqlalchemy import JSON, select
    from sqlalchemy import column as col
    from sqlalchemy import table as tab

    t = tab(table, col("article_id"), col(column, JSON))
    a = tab("articles", col("id"), col("input_id"))
    return select(a.c.input_id, t.c[column]).join(a, a.c.id == t.c.article_id)


def test_store_persons_by_names_rules_and_country(db_url):
    with Store.open(db_url) as store:
        store.save(reports())
    snap = snapshot(db_url)
    assert snap["spellings"] == {
        "lethihongnhung|VNM": {"Lê Thị Hồng Nhung", "Le Thi Hong Nhung", "Lê Thị Hǒng Nhung"},
        "sjafriesjamsoeddin|IDN": {"Sjafrie Sjamsoeddin", "Syafrie Syamsuddin"},
        "dovanminh|VNM": {"Đỗ Văn Minh"},
        "dovanmanh|VNM": {"Do Van Manh"},
        "kimyoungchul|PRK": {"Kim Young-chul"},
        "kimyoungchul|KOR": {"Kim Youngchul"},
        "teabanh|KHM": {"Tea Bahn", "Tea Banh"},
    }
    assert snap["persons"]["lethihongnhung|VNM"] == ("VNM", "2024-05-02", "2025-02-11")
    assert snap["persons"]["teabanh|KHM"] == ("KHM", "2023-06-14", "2025-04-13")
    with Store.open(db_url) as store, store.read() as conn:
        assert [p.country for p in find_persons(conn, "kim young chul")] in (["PRK", "KOR"], ["KOR", "PRK"])
        assert get_person(conn, "Syafrie Syamsuddin").names == ("Sjafrie Sjamsoeddin", "Syafrie Syamsuddin")
        assert get_person(conn, "Le Thi Hong Nhung").person.reports == 3
        assert [p.name for p in list_persons(conn, name="Syamsuddin")] == ["Sjafrie Sjamsoeddin"]
        assert list_persons(conn, name="VNM") == []  # the country in the key is not a name


def test_store_persons_same_whatever_the_order_and_idempotent(db_url, tmp_path):
    with Store.open(db_url) as store:
        for r in reports():
            store.save([r])
        assert store.save(reports()).known == len(reports())
    other = f"sqlite:///{tmp_path / 'reversed.db'}"
    with Store.open(other) as store:
        store.save(list(reversed(reports())))
    a, b = snapshot(db_url), snapshot(other)
    assert a == b
    with Store.open(db_url) as store, store.write() as conn:
        assert identity.rekey(conn)["observations"] == 0  # a store keyed now needs no re-keying
    assert snapshot(db_url) == a


# ---- migration 0004 ------------------------------------------------------------------------------

def old_person_key(person: Person) -> str:
    """0003's key: the folded name without spaces, whatever the country."""
    return fold_key(person.key or person.name)


def test_migration_0004_rekeys_an_old_store_as_a_fresh_ingest_would(empty_url, db_url, monkeypatch):
    engine = make_engine(empty_url)
    migrate.upgrade(engine, "0003")
    with monkeypatch.context() as patch:
        patch.setattr(m, "person_key", old_person_key)
        patch.setattr(m, "provenance_cols", lambda record: {})  # comity 0003 kept no rule (0005)
        patch.setattr(store_alerts, "evaluate", lambda *args: 0)  # nor alert rules (0006)
        old = Store(engine)
        old.save(reports()[:3])
        old.save(reports()[3:])
        with old.read() as conn:
            assert migrate.current(conn) == "0003"
            before = conn.execute(text("SELECT count(*) FROM persons")).scalar_one()
            kim = conn.execute(text("SELECT key FROM persons WHERE key LIKE 'kim%'")).scalars().all()
    engine.dispose()
    assert before == 8 and kim == ["kimyoungchul"]  # Syafrie apart, Kim of PRK and KOR one person
    with Store.open(empty_url) as store, store.read() as conn:  # upgraded here
        assert migrate.current(conn) == migrate.head()
        assert store.counts()["persons"] == 7
    with Store.open(db_url) as store:
        store.save(reports())
    assert snapshot(empty_url) == snapshot(db_url)


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'old.db'}"
    from conftest import new_postgres_database

    return new_postgres_database(request.getfixturevalue("postgres_server"))
