"""Records across reports: one agreement with a timeline, and the series of a recurring mechanism."""
from .agreements import (
    LinkedAgreement, Observation, identity_key, link, link_agreements, normalise_name, short_id,
)
from .mechanisms import MechanismSeries, Occurrence, link_mechanisms, mechanism_key

__all__ = [
    "LinkedAgreement", "MechanismSeries", "Observation", "Occurrence", "identity_key", "link",
    "link_agreements", "link_mechanisms", "mechanism_key", "normalise_name", "short_id",
]
