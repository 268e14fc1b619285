"""Agency sign-offs ("VNA/VNS", "Xinhua") and the country each is based in."""
from __future__ import annotations

from functools import cache
from importlib import resources


from ..errors import DataError, Errors
from ..source_yaml import load_source


@cache
def agency_countries() -> dict[str, str | None]:
    path = resources.files("comity.nlp") / "resources" / "agencies.yaml"
    data = load_source(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise DataError(Errors.E104.format(path=path, detail="expected a mapping of agency -> fields"))
    return {str(k): (v or {}).get("country") for k, v in data.items()}


def home_country(source: str | None) -> str | None:
    """The country of the first known agency in a sign-off: "VNA/VNS" -> VNM; "AFP" -> None."""
    if not source:
        return None
    table = agency_countries()
    for part in source.replace("(", "/").replace(")", "/").split("/"):
        part = part.strip()
        if part in table:
            return table[part]
    return None
