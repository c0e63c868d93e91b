"""Every rule's examples are its tests (as Duckling's corpus), and the negative corpus must stay empty.

Examples are read as whole texts published on Sunday 2020-01-05 with no other
context: the phrase must come out as exactly one mention covering all of it,
with the value the rule lists.
"""

from __future__ import annotations

import datetime as dt

import pytest

import timeline
from timeline.tagger.compose import JOINS
from timeline.tagger.rules import NEGATIVE, RULES, Rule
from timeline.tagger.tokens import PatternError, compile_pattern

PUBLISHED = dt.date(2020, 1, 5)

EXAMPLES = [
    pytest.param(rule.name, phrase, value, id=f"{rule.name}:{phrase}")
    for rule in RULES
    for value, phrases in rule.examples.items()
    for phrase in phrases
]


@pytest.mark.parametrize(("rule", "phrase", "value"), EXAMPLES)
def test_rule_example(rule: str, phrase: str, value: str) -> None:
    # "in [three weeks]": the words outside the brackets are context, not part of the mention
    start = phrase.find("[")
    end = phrase.find("]") - 1
    text = phrase.replace("[", "").replace("]", "")
    if start < 0:
        start, end = 0, len(text)
    mentions = timeline.extract(text, published=PUBLISHED)
    assert mentions, f"no parse for {phrase!r}"
    assert len(mentions) == 1, f"{len(mentions)} mentions for {phrase!r}: {mentions}"
    m = mentions[0]
    assert (m.start, m.end) == (start, end), f"partial cover of {phrase!r}: {m.text!r}"
    assert m.value == value


JOIN_EXAMPLES = [
    pytest.param(value, phrase, id=f"{join.name}:{phrase}")
    for join in JOINS
    for value, phrases in join.examples.items()
    for phrase in phrases
]


@pytest.mark.parametrize(("value", "phrase"), JOIN_EXAMPLES)
def test_join_example(value: str, phrase: str) -> None:
    # two neighbours that are one expression come out as one mention covering the phrase
    (m,) = timeline.extract(phrase, published=PUBLISHED)
    assert (m.start, m.end, m.value) == (0, len(phrase), value)
    assert "+" in m.rule or phrase.startswith(("Friday, ",))


def test_every_join_has_examples() -> None:
    assert all(join.examples for join in JOINS)


@pytest.mark.parametrize("phrase", NEGATIVE)
def test_negative_corpus(phrase: str) -> None:
    assert timeline.extract(phrase, published=PUBLISHED) == []


def test_every_rule_has_a_unique_name() -> None:
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_rule_is_documented_by_examples_or_listed(rule: Rule) -> None:
    # a rule without examples must be one that only widens another, or one whose match always comes
    # with a second mention (day ranges: their examples are in test_tagger.py), listed here on purpose
    assert rule.examples or rule.name in {"the-unit-duration", "day-range-start", "day-range-end", "clock-range-start",
                                                  "year-range-start", "year-range-end",
                                                  "year-bc-range-start"}


@pytest.mark.parametrize(
    "pattern",
    ["(the)?", "MONTH?", "NOTACLASS", "(MONTH", "MONTH)", "x= MONTH"],
)
def test_bad_patterns_are_refused(pattern: str) -> None:
    with pytest.raises(PatternError):
        compile_pattern(pattern, rule="bad")


# Every production must cope with every sequence its pattern admits: feed the tagger runs of
# the words the rules know, with numbers and punctuation, and demand well-formed output.
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from timeline.tagger.tokens import _WORD_TAGS  # noqa: E402

_PIECES = sorted(_WORD_TAGS) + ["5", "17", "31", "1998", "2500", "5:00", "12:30", "'80s", "1990s", "3rd",
                                 "Q3", "p.m.", "a.m.", "Sept.", "May", "-", ",", ".", "'s", "1,000", "2020-02-30"]


@given(st.lists(st.sampled_from(_PIECES), max_size=12), st.dates())
def test_any_run_of_known_words_is_read_without_error(words: list[str], published: dt.date) -> None:
    text = " ".join(words)
    for m in timeline.extract(text, published=published):
        assert text[m.start:m.end] == m.text
        assert m.type in ("DATE", "TIME", "DURATION", "SET")


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_a_rule_starts_only_on_its_first_tags(rule: Rule) -> None:
    # `candidates` skips a rule when a text holds none of its first tags; its regex looks ahead on them
    from timeline.tagger.tokens import compile_pattern, tokenize

    plain = compile_pattern(rule.pattern, rule=rule.name)
    for phrases in rule.examples.values():
        for phrase in phrases:
            tags = tokenize(phrase.replace("[", "").replace("]", "")).tags
            spans = [m.span() for m in plain.finditer(tags) if m.start() < m.end()]
            assert all(tags[a] in rule.first for a, _ in spans)
            assert spans == [m.span() for m in rule.regex.finditer(tags) if m.start() < m.end()]
