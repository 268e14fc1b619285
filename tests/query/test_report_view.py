"""A report's page lists what that report says: a mechanism shows the countries its own report
names, not the members other reports added to the same mechanism."""
from __future__ import annotations

import dataclasses

import store_records as rec
from sqlalchemy import select

from comity.model import Mechanism
from comity.query.views import get_report
from comity.storage import Store
from comity.storage import schema as s


def test_report_view_mechanism_shows_its_own_reports_countries(db_url):
    lao = rec.lao_2024()
    admm = Mechanism(id="x2", name="ADMM-Plus", countries=("LAO", "VNM"),
                     evidence=rec.evidence(lao.article, "Defence Border Friendship Exchange"), status="held")
    lao = dataclasses.replace(lao, mechanisms=(*lao.mechanisms, admm))
    other = rec.lao_2025()  # another report names the same forum with Australia and Việt Nam
    other = dataclasses.replace(other, mechanisms=(dataclasses.replace(
        admm, countries=("AUS", "VNM"), evidence=rec.evidence(other.article, "met Khamliang Outhakaysone")),))
    with Store.open(db_url) as store:
        store.save([other])  # the forum is stored first with AUS-VNM, then told of by the Lao report
        store.save([lao])
        with store.read() as conn:
            ids = dict(conn.execute(select(s.articles.c.input_id, s.articles.c.id)).all())
            labels = {a: [h.label for h in get_report(conn, ids[a]).records if h.kind == "mechanism"]
                      for a in ("lao-2024", "lao-2025")}
    assert "mechanism LAO-VNM: held" in labels["lao-2024"]
    assert not any("AUS" in label for label in labels["lao-2024"])
    assert labels["lao-2025"] == ["mechanism AUS-VNM: held"]
