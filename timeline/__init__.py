"""timeline: find time expressions in dated text and anchor them to the publication date.

>>> import timeline
>>> [(m.text, m.value) for m in timeline.extract("The vote was held on Friday.", published="2020-01-05")]
[('Friday', '2020-01-03')]
"""

from __future__ import annotations

from timeline._extract import extract
from timeline._model import Interval, Mention

__all__ = ["Interval", "Mention", "extract"]
__version__ = "0.1.0"
