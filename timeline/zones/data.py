"""Zone names written in news text, as data: abbreviations and the words for zones.

Each row gives a name as the text writes it (compared upper-cased), the zone it
stands for and what it means. An abbreviation that stands for a fixed offset
("EST", "CEST") is that offset all year round, whatever the date: the writer
chose standard or summer time. A generic name ("ET", "Eastern", "Pacific") is a
tz database zone and follows its daylight-saving rules.

Names that mean different zones in different places (IST, CST, BST, AST, and
Eastern / Central / Western in Australia) have several rows: the row whose
``countries`` holds the country of the document's zone is used, otherwise the row
without countries (the default).

docs/zones.md lists this table; a test checks the two agree.
"""

from __future__ import annotations

from typing import Final

import attrs

__all__ = ["ZoneName", "ZONE_NAMES", "zone_name_rows"]


@attrs.frozen
class ZoneName:
    """One reading of a zone name written in the text."""

    name: str  #: as written, upper-cased ("EST", "PACIFIC")
    zone: str  #: "UTC-05:00" (a fixed offset) or an IANA name ("America/New_York")
    meaning: str
    countries: frozenset[str] = frozenset()  #: ISO 3166 codes this reading is for; empty: the default


def _row(name: str, zone: str, meaning: str, countries: str = "") -> ZoneName:
    return ZoneName(name.upper(), zone, meaning, frozenset(countries.split()))


ZONE_NAMES: Final[tuple[ZoneName, ...]] = (
    _row("UTC", "UTC", "Coordinated Universal Time"),
    _row("GMT", "UTC", "Greenwich Mean Time"),
    _row("Z", "UTC", "Zulu time (UTC)"),
    _row("WET", "UTC", "Western European Time"),
    _row("WEST", "UTC+01:00", "Western European Summer Time"),
    _row("CET", "UTC+01:00", "Central European Time"),
    _row("CEST", "UTC+02:00", "Central European Summer Time"),
    _row("EET", "UTC+02:00", "Eastern European Time"),
    _row("EEST", "UTC+03:00", "Eastern European Summer Time"),
    _row("MSK", "UTC+03:00", "Moscow Time"),
    _row("EAT", "UTC+03:00", "East Africa Time"),
    _row("WAT", "UTC+01:00", "West Africa Time"),
    _row("CAT", "UTC+02:00", "Central Africa Time"),
    _row("SAST", "UTC+02:00", "South Africa Standard Time"),
    _row("GST", "UTC+04:00", "Gulf Standard Time"),
    _row("PKT", "UTC+05:00", "Pakistan Standard Time"),
    _row("IST", "UTC+05:30", "India Standard Time"),
    _row("IST", "UTC+02:00", "Israel Standard Time", "IL PS"),
    _row("IST", "UTC+01:00", "Irish Standard Time (summer)", "IE"),
    _row("BST", "UTC+01:00", "British Summer Time"),
    _row("BST", "UTC+06:00", "Bangladesh Standard Time", "BD"),
    _row("CST", "UTC-06:00", "Central Standard Time (North America)"),
    _row("CST", "UTC+08:00", "China Standard Time", "CN TW HK MO"),
    _row("CST", "UTC-05:00", "Cuba Standard Time", "CU"),
    _row("AST", "UTC-04:00", "Atlantic Standard Time"),
    _row("AST", "UTC+03:00", "Arabia Standard Time", "SA IQ KW BH QA YE"),
    _row("HKT", "UTC+08:00", "Hong Kong Time"),
    _row("SGT", "UTC+08:00", "Singapore Time"),
    _row("JST", "UTC+09:00", "Japan Standard Time"),
    _row("KST", "UTC+09:00", "Korea Standard Time"),
    _row("AWST", "UTC+08:00", "Australian Western Standard Time"),
    _row("ACST", "UTC+09:30", "Australian Central Standard Time"),
    _row("AEST", "UTC+10:00", "Australian Eastern Standard Time"),
    _row("AEDT", "UTC+11:00", "Australian Eastern Daylight Time"),
    _row("NZST", "UTC+12:00", "New Zealand Standard Time"),
    _row("NZDT", "UTC+13:00", "New Zealand Daylight Time"),
    _row("NST", "UTC-03:30", "Newfoundland Standard Time"),
    _row("NDT", "UTC-02:30", "Newfoundland Daylight Time"),
    _row("ADT", "UTC-03:00", "Atlantic Daylight Time"),
    _row("EST", "UTC-05:00", "Eastern Standard Time"),
    _row("EDT", "UTC-04:00", "Eastern Daylight Time"),
    _row("CDT", "UTC-05:00", "Central Daylight Time"),
    _row("MST", "UTC-07:00", "Mountain Standard Time"),
    _row("MDT", "UTC-06:00", "Mountain Daylight Time"),
    _row("PST", "UTC-08:00", "Pacific Standard Time"),
    _row("PDT", "UTC-07:00", "Pacific Daylight Time"),
    _row("AKST", "UTC-09:00", "Alaska Standard Time"),
    _row("AKDT", "UTC-08:00", "Alaska Daylight Time"),
    _row("HST", "UTC-10:00", "Hawaii-Aleutian Standard Time"),
    # generic names: the zone, with its daylight-saving rules
    _row("ET", "America/New_York", "Eastern Time"),
    _row("CT", "America/Chicago", "Central Time"),
    _row("MT", "America/Denver", "Mountain Time"),
    _row("PT", "America/Los_Angeles", "Pacific Time"),
    _row("Eastern", "America/New_York", "Eastern Time (North America)"),
    _row("Eastern", "Australia/Sydney", "Australian Eastern Time", "AU"),
    _row("Central", "America/Chicago", "Central Time (North America)"),
    _row("Central", "Australia/Adelaide", "Australian Central Time", "AU"),
    _row("Western", "Australia/Perth", "Australian Western Time", "AU"),
    _row("Mountain", "America/Denver", "Mountain Time"),
    _row("Pacific", "America/Los_Angeles", "Pacific Time"),
    _row("Atlantic", "America/Halifax", "Atlantic Time"),
    _row("Alaska", "America/Anchorage", "Alaska Time"),
    _row("Hawaii", "Pacific/Honolulu", "Hawaii Time"),
)


def _by_name() -> dict[str, tuple[ZoneName, ...]]:
    out: dict[str, list[ZoneName]] = {}
    for row in ZONE_NAMES:
        out.setdefault(row.name, []).append(row)
    # the regional readings first, the default last
    return {k: tuple(sorted(v, key=lambda r: not r.countries)) for k, v in out.items()}


_BY_NAME: Final = _by_name()


def zone_name_rows(name: str) -> tuple[ZoneName, ...]:
    """The readings of a written zone name, regional ones first (empty when unknown).

    >>> [r.zone for r in zone_name_rows("ist")]
    ['UTC+02:00', 'UTC+01:00', 'UTC+05:30']
    """
    return _BY_NAME.get(name.upper(), ())
