"""TimeML reading and writing (timeline.timeml)."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline import Mention
from timeline.timeml import (
    GoldTimex,
    TimeMLDocument,
    TimeMLError,
    read_timeml,
    read_timeml_string,
    to_timeml,
    write_timeml,
)

SMALL = """<?xml version="1.0" ?>
<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<DOCID>WIRE-0001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2011-06-14" functionInDocument="CREATION_TIME">20110614</TIMEX3></DCT>
<TITLE>not part of the text</TITLE>
<TEXT>
Shares of A&amp;B Corp <EVENT eid="e1" class="OCCURRENCE">rose</EVENT> <TIMEX3 tid="t1" type="DATE" value="2011-06-13">on Monday</TIMEX3>.
The <TIMEX3 tid="t2" type="DURATION" value="P3M" mod="LESS_THAN">nearly three months</TIMEX3> of losses <SIGNAL sid="s1">before</SIGNAL> that ended <TIMEX3 tid="t3" type="DATE" value="PAST_REF">earlier</TIMEX3>; an empty one: <TIMEX3 tid="t4" type="DATE" value="2011" />.
</TEXT>
</TimeML>
"""


def test_read_small_document() -> None:
    doc = read_timeml_string(SMALL)
    assert doc.doc_id == "WIRE-0001"
    assert doc.published == "2011-06-14"
    assert doc.text.startswith("\nShares of A&B Corp rose on Monday.\n")
    assert "<" not in doc.text and "not part of the text" not in doc.text
    assert [(t.tid, t.text, t.type, t.value, t.mod) for t in doc.timexes] == [
        ("t1", "on Monday", "DATE", "2011-06-13", None),
        ("t2", "nearly three months", "DURATION", "P3M", "LESS_THAN"),
        ("t3", "earlier", "DATE", "PAST_REF", None),
    ]
    for t in doc.timexes:
        assert doc.text[t.start : t.end] == t.text
    # '&amp;' is one character of text, so offsets count it once
    assert doc.timexes[0].start == len("\nShares of A&B Corp rose ")


def test_read_datetime_dct_and_no_docid(tmp_path) -> None:
    path = tmp_path / "story-7.tml"
    path.write_text(
        '<TimeML><DCT><TIMEX3 tid="t0" type="TIME" value="1998-02-19T08:02:00">x</TIMEX3></DCT>'
        "<TEXT>At <TIMEX3 tid='t1' type='TIME' value='1998-02-19T07:30'>7:30 a.m.</TIMEX3></TEXT></TimeML>",
        encoding="utf-8",
    )
    doc = read_timeml(path)
    assert doc.doc_id == "story-7"
    assert doc.published == "1998-02-19T08:02:00"
    assert doc.text == "At 7:30 a.m."
    assert doc.timexes == (GoldTimex(3, 12, "7:30 a.m.", "t1", "TIME", "1998-02-19T07:30", None),)


def test_read_without_dct_and_with_non_ascii() -> None:
    doc = read_timeml_string(
        "<TimeML><TEXT>Élection — <TIMEX3 tid='t1' type='DATE' value='2019-05'>mai 2019</TIMEX3> ✓</TEXT></TimeML>",
        name="dir/fr-01.tml",
    )
    assert doc.doc_id == "fr-01"
    assert doc.published is None
    assert doc.timexes[0].start == len("Élection — ")
    assert doc.timexes[0].text == "mai 2019"


def test_creation_time_outside_dct_is_found() -> None:
    doc = read_timeml_string(
        "<TimeML><TIMEX3 tid='t0' type='DATE' value='2001-09-10' functionInDocument='CREATION_TIME'/>"
        "<TEXT>nothing dated here</TEXT></TimeML>"
    )
    assert doc.published == "2001-09-10"
    assert doc.timexes == ()


def test_not_well_formed_names_file_and_line(tmp_path) -> None:
    path = tmp_path / "broken.tml"
    path.write_text("<TimeML>\n<TEXT>\nfine so far\nthen <TIMEX3 tid='t1'>oops</TEXT>\n</TimeML>\n")
    with pytest.raises(TimeMLError) as info:
        read_timeml(path)
    err = info.value
    assert isinstance(err, ValueError)
    assert "broken.tml" in str(err)
    assert "line 4" in str(err)
    assert err.line == 4 and err.source == str(path)


def test_unescaped_ampersand_is_an_error(tmp_path) -> None:
    path = tmp_path / "amp.tml"
    path.write_text("<TimeML><TEXT>AT&T said</TEXT></TimeML>")
    with pytest.raises(TimeMLError, match=r"amp\.tml: line 1"):
        read_timeml(path)


def test_missing_text_names_file(tmp_path) -> None:
    path = tmp_path / "no-text.tml"
    path.write_text("<TimeML><DOCID>x</DOCID></TimeML>")
    with pytest.raises(TimeMLError, match=r"no-text\.tml.*<TEXT>"):
        read_timeml(path)


def test_missing_file_is_an_os_error(tmp_path) -> None:
    with pytest.raises(OSError):
        read_timeml(tmp_path / "absent.tml")


# ------------------------------------------------------------------ writing


def _mention(text: str, start: int, end: int, type_: str, value: str, mod: str | None = None) -> Mention:
    return Mention(start=start, end=end, text=text[start:end], type=type_, value=value, mod=mod)  # type: ignore[arg-type]


def test_to_timeml_structure() -> None:
    text = 'Prices fell 5% on Friday & "again" <today>.'
    mentions = [
        _mention(text, 18, 24, "DATE", "2020-01-03"),
        _mention(text, 36, 41, "DATE", "PRESENT_REF", "APPROX"),
    ]
    xml = to_timeml(text, mentions, doc_id="A&B 1", published=dt.date(2020, 1, 5))
    assert xml.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<TimeML')
    root = ET.fromstring(xml.encode("utf-8"))
    assert root.tag == "TimeML"
    assert root.findtext("DOCID") == "A&B 1"
    dct = root.find("DCT/TIMEX3")
    assert dct is not None
    assert dct.attrib["tid"] == "t0"
    assert dct.attrib["type"] == "DATE"
    assert dct.attrib["value"] == "2020-01-05"
    assert dct.attrib["functionInDocument"] == "CREATION_TIME"
    tags = root.findall("TEXT/TIMEX3")
    assert [t.attrib for t in tags] == [
        {"tid": "t1", "type": "DATE", "value": "2020-01-03"},
        {"tid": "t2", "type": "DATE", "value": "PRESENT_REF", "mod": "APPROX"},
    ]
    doc = read_timeml_string(xml)
    assert doc.text == text
    assert [(t.start, t.end, t.mod) for t in doc.timexes] == [(18, 24, None), (36, 41, "APPROX")]


@pytest.mark.parametrize(
    ("published", "value"),
    [
        (dt.date(1998, 3, 4), "1998-03-04"),
        (dt.datetime(1998, 2, 19, 8, 2), "1998-02-19T08:02:00"),
        ("1990-08-15T13:37", "1990-08-15T13:37"),
        (" 1998-03-04 ", "1998-03-04"),
        (None, None),
    ],
)
def test_published_forms(published: object, value: str | None) -> None:
    xml = to_timeml("text", [], doc_id="d", published=published)  # type: ignore[arg-type]
    assert read_timeml_string(xml).published == value


def test_published_of_wrong_type() -> None:
    with pytest.raises(TypeError, match="published"):
        to_timeml("text", [], doc_id="d", published=19980304)  # type: ignore[arg-type]


def test_overlapping_mentions_keep_earliest_longest() -> None:
    text = "from March 3 to March 5, 2001"
    mentions = [
        _mention(text, 16, 23, "DATE", "XXXX-03-05"),  # "March 5" loses to the longer one
        _mention(text, 16, 29, "DATE", "2001-03-05"),
        _mention(text, 5, 12, "DATE", "XXXX-03-03"),
        _mention(text, 8, 18, "DATE", "bogus"),  # starts inside "March 3": dropped
    ]
    doc = read_timeml_string(to_timeml(text, mentions, doc_id="d", published=None))
    assert [(t.text, t.value, t.tid) for t in doc.timexes] == [
        ("March 3", "XXXX-03-03", "t1"),
        ("March 5, 2001", "2001-03-05", "t2"),
    ]


def test_adjacent_and_empty_mentions() -> None:
    text = "2001-2002"
    mentions = [
        _mention(text, 0, 4, "DATE", "2001"),
        _mention(text, 4, 4, "DATE", "empty"),
        _mention(text, 5, 9, "DATE", "2002"),
        _mention(text, 4, 5, "DATE", "dash"),
    ]
    doc = read_timeml_string(to_timeml(text, mentions, doc_id="d", published=None))
    assert [t.value for t in doc.timexes] == ["2001", "dash", "2002"]


def test_mention_outside_text_is_an_error() -> None:
    with pytest.raises(ValueError, match="outside the text"):
        to_timeml("short", [_mention("short text", 6, 10, "DATE", "x")], doc_id="d", published=None)


def test_carriage_returns_and_tabs_survive() -> None:
    text = "line one\r\nline two\rthree\tfour\n"
    doc = read_timeml_string(to_timeml(text, [], doc_id="d", published=None))
    assert doc.text == text


def test_control_character_raises_with_offset() -> None:
    text = "page one\x0cpage two"
    with pytest.raises(TimeMLError, match="U\\+000C at offset 8") as info:
        to_timeml(text, [], doc_id="d", published=None)
    assert info.value.offset == 8


def test_control_character_in_value_raises() -> None:
    text = "on Friday"
    with pytest.raises(TimeMLError, match="value of mention t1"):
        to_timeml(text, [_mention(text, 3, 9, "DATE", "2020\x01")], doc_id="d", published=None)


def test_control_character_replaced_keeps_offsets() -> None:
    text = "\x00on\x1b Friday\x0b"
    mentions = [_mention(text, 5, 11, "DATE", "2020-01-03")]
    doc = read_timeml_string(to_timeml(text, mentions, doc_id="d", published=None, invalid="replace"))
    assert doc.text == "\ufffdon\ufffd Friday\ufffd"
    assert doc.timexes[0].text == "Friday"


def test_write_and_read_file(tmp_path) -> None:
    text = "Le 5 janvier — « vote » & co.\r\n"
    path = tmp_path / "out" / "doc.tml"
    write_timeml(path, text, [_mention(text, 3, 12, "DATE", "2020-01-05")], doc_id="doc", published="2020-01-06")
    doc = read_timeml(path)
    assert doc == TimeMLDocument(
        doc_id="doc",
        published="2020-01-06",
        text=text,
        timexes=(GoldTimex(3, 12, "5 janvier", "t1", "DATE", "2020-01-05", None),),
    )


# ------------------------------------------------------------------ round trip

_FORBIDDEN = [chr(c) for c in range(0x20) if chr(c) not in "\t\n\r"] + ["\ufffe", "\uffff"]
_xml_chars = st.characters(blacklist_categories=("Cs",), blacklist_characters=_FORBIDDEN)
_tricky = st.sampled_from(["&", "<", ">", '"', "'", "\r", "\n", "\t", "]]>", "&amp;", "<TIMEX3>", "é", "—", "𝄞"])
_texts = st.lists(st.one_of(_tricky, _xml_chars), max_size=60).map("".join)
_attr = st.lists(st.one_of(_tricky, _xml_chars), min_size=1, max_size=8).map("".join)


@st.composite
def _text_and_spans(draw: st.DrawFn) -> tuple[str, list[tuple[int, int, str, str, str | None]]]:
    text = draw(_texts)
    spans = []
    pos = 0
    while pos < len(text) and draw(st.booleans()):
        start = pos + draw(st.integers(0, len(text) - pos - 1))
        end = start + draw(st.integers(1, len(text) - start))
        mod = draw(st.none() | _attr)
        spans.append((start, end, draw(st.sampled_from(["DATE", "TIME", "DURATION", "SET"])), draw(_attr), mod))
        pos = end
    return text, spans


@given(_text_and_spans(), st.text(_xml_chars, min_size=1).filter(str.strip))
def test_round_trip(case: tuple[str, list[tuple[int, int, str, str, str | None]]], doc_id: str) -> None:
    text, spans = case
    mentions = [_mention(text, *s) for s in spans]
    xml = to_timeml(text, mentions, doc_id=doc_id, published="2020-01-05")
    doc = read_timeml_string(xml.encode("utf-8"))
    assert doc.text == text
    assert doc.published == "2020-01-05"
    assert doc.doc_id == doc_id.strip()
    assert [(t.start, t.end, t.type, t.value, t.mod) for t in doc.timexes] == spans
    assert all(t.text == text[t.start : t.end] for t in doc.timexes)
    # the str form parses the same
    assert read_timeml_string(xml).text == text


@given(_text_and_spans())
def test_gold_timexes_write_back_unchanged(case: tuple[str, list[tuple[int, int, str, str, str | None]]]) -> None:
    text, spans = case
    first = read_timeml_string(to_timeml(text, [_mention(text, *s) for s in spans], doc_id="d", published=None))
    again = read_timeml_string(to_timeml(first.text, first.timexes, doc_id="d", published=None))
    assert again == first
