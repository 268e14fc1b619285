"""comity's data model: plain frozen records, free of spaCy, SQLAlchemy and FastAPI."""
from .actor import Actor, Meeting, Person, Place
from .agreement import AGREEMENT_KINDS, AGREEMENT_STATUSES, Agreement, Mechanism
from .article import Article
from .event import Event, Plover
from .evidence import Evidence
from .jsonio import FORMAT_VERSION, from_dict, result_from_json, result_to_json, to_dict
from .results import ArticleResult

__all__ = [
    "AGREEMENT_KINDS", "AGREEMENT_STATUSES", "FORMAT_VERSION", "Actor", "Agreement", "Article",
    "ArticleResult", "Event", "Evidence", "Mechanism", "Meeting", "Person", "Place", "Plover",
    "from_dict", "result_from_json", "result_to_json", "to_dict",
]
