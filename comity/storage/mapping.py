"""Records <-> rows: pure functions, no database (round-trip tested with hypothesis).

The identity keys live here too, because they decide what counts as "the same" across
reports: `copy_hash` (one copy of a report, read twice), `content_hash` (the same body
under another header), `person_key`, `event_key`, `meeting_key`; agreements and mechanisms
use `comity.link`'s keys as given.

Person ids inside a record ("p1") are local to their article; rows hold store ids, so
the functions that write them take a `persons` map (local id -> store id) and the ones
that read them take its inverse.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any, Mapping

from ..ingest.normalize import content_hash
from ..model import Actor, Agreement, Article, Event, Evidence, Mechanism, Meeting, Person, Place, Plover
from . import identity
from .textfold import fold_key, fold_text

Row = dict[str, Any]

# CAMEO codes whose two sides reports give in either order ("A and B held talks", "B and
# A signed"): the same event whichever side a report names first. Other codes are directed
# (a visit: the visitor is the source).
SYMMETRIC_CODES = frozenset({"030", "031", "0311", "0312", "0313", "0314", "036", "040", "046", "057"})
SYMMETRIC_ROOTS = frozenset({"06"})  # material cooperation: "the two armies will exchange..."


# ---- keys --------------------------------------------------------------------------------------------

def copy_hash(article: Article) -> str:
    """The text and header exactly as read: re-reading the same file gives the same hash."""
    parts = (article.text, _iso(article.published), article.source, article.dateline, article.title, article.url)
    return hashlib.sha256("\x1f".join(p or "" for p in parts).encode("utf-8")).hexdigest()


def body_hash(article: Article) -> str:
    """The report's body, whitespace and Unicode form aside: the same story under another header."""
    return content_hash(article.body)


def person_key(person: Person) -> str:
    """One person across reports: name by `comity.nlp.names`' rules, and country ("phanvangiang|VNM");
    see `comity.storage.identity`. Computed from the name as written, so that `identity.rekey` can
    compute it again from the observations alone."""
    return identity.person_key(person.name or person.key, person.country)


def actor_code(actor: Actor | None) -> str:
    if actor is None:
        return "-"
    return actor.country if actor.country and actor.country != "IGO" else f"IGO:{fold_key(actor.name or '')}"


def is_symmetric(cameo: str) -> bool:
    return cameo in SYMMETRIC_CODES or cameo[:2] in SYMMETRIC_ROOTS


def event_key(event: Event, story: str) -> str:
    """One real-world event: date, CAMEO code and dyad (unordered for symmetric codes).

    An undated event cannot be matched across reports, so its key carries the story's
    body hash: it merges only with the same event in another copy of the same story.
    """
    source, target = actor_code(event.source), actor_code(event.target)
    dyad = "~".join(sorted((source, target))) if is_symmetric(event.cameo) else f"{source}>{target}"
    when = event.date if event.date else f"undated:{story[:16]}"
    return f"{when}|{event.cameo}|{dyad}"


def meeting_key(meeting: Meeting, story: str) -> str:
    when = meeting.date if meeting.date else f"undated:{story[:16]}"
    return f"{when}|{'-'.join(sorted(meeting.countries))}"


def agreement_key(agreement: Agreement) -> str:
    from ..link.agreements import identity_key  # imported late: it reaches the gazetteer

    return identity_key(agreement)


def mechanism_key(mechanism: Mechanism) -> str:
    from ..link.mechanisms import mechanism_key as key

    return key(mechanism)


# ---- articles ----------------------------------------------------------------------------------------

def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def article_row(article: Article) -> Row:
    return {
        "copy_hash": copy_hash(article), "content_hash": body_hash(article), "input_id": article.id,
        "published": _iso(article.published), "dateline": article.dateline, "source": article.source,
        "title": article.title, "url": article.url, "language": article.language, "origin": article.origin,
        "body_start": article.body_start, "body_end": article.body_end, "text": article.text,
        "search_text": fold_text(article.text),
    }


def article_from_row(row: Mapping[str, Any]) -> Article:
    published = row["published"]
    return Article(
        id=row["input_id"], text=row["text"], published=dt.date.fromisoformat(published) if published else None,
        dateline=row["dateline"], source=row["source"], title=row["title"], url=row["url"],
        language=row["language"], body_start=row["body_start"], body_end=row["body_end"], origin=row["origin"])


# ---- provenance and evidence ----------------------------------------------------------------------------------------

def provenance_cols(record: Event | Person | Meeting | Agreement | Mechanism) -> Row:
    return {"rule": record.rule, "steps": list(record.steps)}


def provenance_from(row: Mapping[str, Any]) -> Row:
    """A record's `rule` and `steps` from its observation (as keyword arguments)."""
    return {"rule": row["rule"], "steps": tuple(row["steps"])}


def evidence_cols(evidence: Evidence) -> Row:
    return {"sentence": evidence.sentence, "start_char": evidence.start, "end_char": evidence.end,
            "evidence": evidence.text}


def evidence_from(row: Mapping[str, Any]) -> Evidence:
    return Evidence(sentence=row["sentence"], start=row["start_char"], end=row["end_char"], text=row["evidence"])


def _ids(local: tuple[str, ...], persons: Mapping[str, int]) -> list[int | str]:
    # a local id the article's persons do not resolve is kept as written rather than dropped
    return [persons.get(p, p) for p in local]


def _local(ids: list[int | str], back: Mapping[int, str]) -> tuple[str, ...]:
    return tuple(back.get(i, str(i)) if isinstance(i, int) else i for i in ids)


# ---- persons -----------------------------------------------------------------------------------------

def person_row(person: Person, observed_on: str | None) -> Row:
    return {"key": person_key(person), "name": person.name, "country": person.country,
            "first_seen": observed_on, "last_seen": observed_on}


def person_observation_row(person: Person, *, person_id: int, article_id: int, observed_on: str | None) -> Row:
    return {"person_id": person_id, "article_id": article_id, "local_id": person.id, "name": person.name,
            "country": person.country, "titles": list(person.titles), "rank": person.rank,
            "aliases": list(person.aliases), "mentions": [list(m) for m in person.mentions],
            "observed_on": observed_on, "confidence": person.confidence, **provenance_cols(person)}


def person_from_observation(row: Mapping[str, Any], key: str = "") -> Person:
    return Person(id=row["local_id"], name=row["name"], country=row["country"], titles=tuple(row["titles"]),
                  rank=row["rank"], aliases=tuple(row["aliases"]),
                  mentions=tuple((a, b) for a, b in row["mentions"]), key=key, confidence=row["confidence"],
                  **provenance_from(row))


# ---- events ------------------------------------------------------------------------------------------

def event_row(event: Event, key: str) -> Row:
    target = event.target
    return {
        "key": key, "date": event.date, "date_granularity": event.date_granularity, "cameo": event.cameo,
        "cameo_root": event.cameo[:2], "plover_type": event.plover.type, "plover_mode": event.plover.mode,
        "plover_context": list(event.plover.context), "quad_class": event.quad_class,
        "goldstein": event.goldstein, "source_country": event.source.country,
        "source_sector": event.source.sector, "source_name": event.source.name,
        "target_country": target.country if target else None, "target_sector": target.sector if target else None,
        "target_name": target.name if target else None,
        "place_name": event.place.name if event.place else None,
        "place_country": event.place.country if event.place else None,
        "num_mentions": 1, "num_articles": 1,
    }


def event_mention_row(event: Event, *, event_id: int, article_id: int, persons: Mapping[str, int]) -> Row:
    target_person = event.target.person if event.target else None
    return {
        "event_id": event_id, "article_id": article_id, "local_id": event.id,
        "source_person_id": persons.get(event.source.person) if event.source.person else None,
        "target_person_id": persons.get(target_person) if target_person else None,
        "date_text": event.date_text, "trigger": event.trigger, "confidence": event.confidence,
        **evidence_cols(event.evidence), "evidence_fold": fold_text(event.evidence.text),
        "more_evidence": [evidence_cols(e) for e in event.more_evidence], **provenance_cols(event),
    }


def event_from_rows(event: Mapping[str, Any], mention: Mapping[str, Any], back: Mapping[int, str]) -> Event:
    """The event as one report gave it: the shared row for what it is, the mention for where."""
    def person(col: str) -> str | None:
        pid = mention[col]
        return back.get(pid, str(pid)) if pid is not None else None

    has_target = any(event[c] is not None for c in ("target_country", "target_sector", "target_name")) \
        or mention["target_person_id"] is not None
    return Event(
        id=mention["local_id"], cameo=event["cameo"],
        plover=Plover(type=event["plover_type"], mode=event["plover_mode"],
                      context=tuple(event["plover_context"])),
        source=Actor(country=event["source_country"], sector=event["source_sector"],
                     person=person("source_person_id"), name=event["source_name"]),
        target=Actor(country=event["target_country"], sector=event["target_sector"],
                     person=person("target_person_id"), name=event["target_name"]) if has_target else None,
        date=event["date"], evidence=evidence_from(mention),
        place=Place(event["place_name"], event["place_country"]) if event["place_name"] is not None else None,
        date_text=mention["date_text"], date_granularity=event["date_granularity"],
        goldstein=event["goldstein"], quad_class=event["quad_class"], trigger=mention["trigger"],
        more_evidence=tuple(evidence_from(e) for e in mention["more_evidence"]), confidence=mention["confidence"],
        **provenance_from(mention))


# ---- meetings ----------------------------------------------------------------------------------------

def meeting_row(meeting: Meeting, key: str) -> Row:
    return {"key": key, "date": meeting.date, "kind": meeting.kind, "countries": "-".join(sorted(meeting.countries)),
            "place_name": meeting.place.name if meeting.place else None,
            "place_country": meeting.place.country if meeting.place else None,
            "host_country": meeting.host_country, "status": meeting.status}


def meeting_mention_row(meeting: Meeting, *, meeting_id: int, article_id: int, persons: Mapping[str, int],
                        events: Mapping[str, int]) -> Row:
    return {"meeting_id": meeting_id, "article_id": article_id, "local_id": meeting.id, "kind": meeting.kind,
            "status": meeting.status, "participants": _ids(meeting.participants, persons),
            "events": _ids(meeting.events, events), **provenance_cols(meeting)}


# ---- agreements --------------------------------------------------------------------------------------

def agreement_row(agreement: Agreement, key: str, observed_on: str | None) -> Row:
    return {"key": key, "kind": agreement.kind, "name": agreement.name, "parties": "-".join(agreement.parties),
            "domain": agreement.domain, "period_start": agreement.period_start,
            "period_end": agreement.period_end, "signed_on": agreement.signed_on, "status": agreement.status,
            "first_seen": observed_on, "last_seen": observed_on}


def agreement_observation_row(agreement: Agreement, *, agreement_id: int, article_id: int,
                              observed_on: str | None, persons: Mapping[str, int]) -> Row:
    return {"agreement_id": agreement_id, "article_id": article_id, "local_id": agreement.id,
            "name": agreement.name, "status": agreement.status, "signed_on": agreement.signed_on,
            "observed_on": observed_on, "signatories": _ids(agreement.signatories, persons),
            "witnesses": _ids(agreement.witnesses, persons), "confidence": agreement.confidence,
            **evidence_cols(agreement.evidence), **provenance_cols(agreement)}


def agreement_from_rows(agreement: Mapping[str, Any], obs: Mapping[str, Any], back: Mapping[int, str]) -> Agreement:
    return Agreement(
        id=obs["local_id"], kind=agreement["kind"], name=obs["name"],
        parties=tuple(agreement["parties"].split("-")) if agreement["parties"] else (),
        status=obs["status"], evidence=evidence_from(obs), domain=agreement["domain"],
        period_start=agreement["period_start"], period_end=agreement["period_end"], signed_on=obs["signed_on"],
        signatories=_local(obs["signatories"], back), witnesses=_local(obs["witnesses"], back),
        confidence=obs["confidence"], **provenance_from(obs))


# ---- mechanisms --------------------------------------------------------------------------------------

def mechanism_row(mechanism: Mechanism, key: str) -> Row:
    return {"key": key, "name": mechanism.name, "countries": "-".join(sorted(mechanism.countries)),
            "level": mechanism.level}


def mechanism_occurrence_row(mechanism: Mechanism, *, mechanism_id: int, article_id: int,
                             observed_on: str | None) -> Row:
    return {"mechanism_id": mechanism_id, "article_id": article_id, "local_id": mechanism.id,
            "countries": "-".join(sorted(mechanism.countries)), "ordinal": mechanism.ordinal, "level": mechanism.level, "status": mechanism.status,
            "date": mechanism.date, "place_name": mechanism.place.name if mechanism.place else None,
            "place_country": mechanism.place.country if mechanism.place else None, "observed_on": observed_on,
            "confidence": mechanism.confidence, **evidence_cols(mechanism.evidence), **provenance_cols(mechanism)}


def mechanism_from_rows(mechanism: Mapping[str, Any], occ: Mapping[str, Any]) -> Mechanism:
    return Mechanism(
        id=occ["local_id"], name=mechanism["name"],
        # the report's own countries (stored since 0007), else the mechanism's across reports
        countries=tuple(c.split("-")) if (c := occ.get("countries") or mechanism["countries"]) else (),
        evidence=evidence_from(occ), ordinal=occ["ordinal"], level=occ["level"], status=occ["status"],
        date=occ["date"], place=Place(occ["place_name"], occ["place_country"]) if occ["place_name"] is not None
        else None, confidence=occ["confidence"], **provenance_from(occ))
