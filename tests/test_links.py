"""Event-time links: which words a time expression dates, and which words are events at all."""

from __future__ import annotations

import pytest

import timeline

PUB = "2021-03-10"
#: what `_kind` says of a word: an event verb (or a state after "be"), an event noun, or no event
VERB, NOUN, NONE = "VERB", "NOUN", None


def _dated(text: str, time: str, published: str = PUB) -> set[str]:
    """The trigger words (and their `also` words) that the time ``time`` dates."""
    tl = timeline.build(text, published=published)
    out: set[str] = set()
    for e in (*tl.events, *tl.unplaced):
        if time in {m.text for m in (e.time, *(t.time for t in e.more_times)) if m is not None}:
            out |= {e.trigger.text, *(t.text for t in e.also)}
    return out


def _kind(text: str, word: str) -> str | None:
    """VERB, NOUN or NONE: whether the event finder takes ``word`` as an event, and of which kind."""
    found = {w.text: w.pos for w in timeline.analyze(text, published=PUB).words}
    if word not in found:
        return NONE
    return NOUN if found[word] == "NOUN" else VERB


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        ("The mill had net sales of $3 million.", "had", VERB),
        ("The mill had filed for protection.", "had", NONE),
        ("The mill had already closed.", "had", NONE),
        ("The mill had to close.", "had", NONE),
        ("The mill had nearly 400 workers.", "had", VERB),
        ("The mill had quickly closed.", "had", NONE),
        ("The league approved a sharp rise in fees.", "rise", NOUN),
        ("The ministers opened multi-party talks in Oslo.", "talks", NOUN),
        ("Troops patrolled the troubled province.", "troubled", NONE),
        ("Police found stacks of fertilizer-based explosives.", "fertilizer-based", NONE),
        ("The province troubled the ministers.", "troubled", VERB),
        ("The bank booked an eye-watering loss.", "eye-watering", NONE),
        ("The mill will add grain-drying capacity.", "grain-drying", NONE),
        ("The shares closed unchanged at $12.", "unchanged", NONE),
        ("An unnamed official denied the report.", "unnamed", NONE),
        ("The minister spoke on state television.", "television", NONE),
        ("The bank sold its leasing division.", "division", NONE),
        ("The bank lost $3 million, compared with a profit a year ago.", "compared", NONE),
        ("The panel compared the two bids.", "compared", VERB),
    ],
)
def test_word_kinds(text: str, word: str, kind: str) -> None:
    assert _kind(text, word) == kind


def test_had_with_a_figure_is_the_dated_verb() -> None:
    assert "had" in _dated("A year earlier, the brewer had sales of $4 million.", "A year earlier")


@pytest.mark.parametrize(
    ("text", "time", "event"),
    [
        ("Second-quarter net income rose 12% to $40 million, the bank said.", "Second-quarter", "rose"),
        ("The retailer said fourth-quarter sales fell 3% from a year earlier.", "fourth-quarter", "fell"),
    ],
)
def test_a_time_of_a_figure_dates_the_change(text: str, time: str, event: str) -> None:
    dated = _dated(text, time)
    assert event in dated and not dated & {"income", "sales"}


def test_a_time_of_a_reported_figure_dates_the_figure() -> None:
    assert "loss" in _dated("The carrier reported a third-quarter loss of $9 million.", "third-quarter")


def test_a_time_ending_an_opening_phrase_dates_the_main_verb() -> None:
    assert _dated("In heavy Nasdaq trading Tuesday, the chipmaker's shares slumped 4%.", "Tuesday") == {"slumped"}


def test_a_closing_attribution_is_not_the_dated_event() -> None:
    dated = _dated("The ferry sank near the harbour mouth late Monday, coast guard officials said.", "late Monday")
    assert "sank" in dated and "said" not in dated


def test_an_adjacent_reporting_verb_is_still_dated() -> None:
    assert "said" in _dated("The ministry said Monday that the border would stay open.", "Monday")


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        ("The harbour was calm overnight and the ferries were available again.", "available", VERB),
        ("The ferry line expects to be profitable by 2023.", "profitable", VERB),
        ("The shares were weak on Tuesday.", "weak", VERB),
        ("The union is likely to strike.", "likely", NONE),
        ("The company's chairman resigned.", "chairman", NONE),
    ],
)
def test_a_predicate_adjective_after_be_is_a_state(text: str, word: str, kind: str) -> None:
    assert _kind(text, word) == kind


def test_a_state_takes_its_time_over_the_reporting_verb() -> None:
    dated = _dated("The railway said its freight business was weak during the winter.", "the winter")
    assert dated == {"weak"}


@pytest.mark.parametrize(
    ("text", "time", "events"),
    [
        ("The refinery began shipping diesel again on Thursday.", "Thursday", {"began", "shipping"}),
        ("The exchange stopped trading the bonds Monday.", "Monday", {"stopped", "trading"}),
    ],
)
def test_an_aspectual_verb_and_the_verb_it_governs_share_the_time(text: str, time: str, events: set[str]) -> None:
    assert _dated(text, time) >= events


@pytest.mark.parametrize(
    ("text", "time", "event", "not_event"),
    [
        ("The utility announced the sale on Tuesday.", "Tuesday", "announced", "sale"),
        ("Regulators approved the merger last month.", "last month", "approved", "merger"),
    ],
)
def test_a_time_after_the_object_dates_the_verb(text: str, time: str, event: str, not_event: str) -> None:
    dated = _dated(text, time)
    assert event in dated and not_event not in dated


def test_a_figure_over_a_period_is_what_the_period_dates() -> None:
    assert "loss" in _dated("The insurer posted a loss of $8 million for the second quarter.", "the second quarter")


def test_a_reported_figure_is_one_event_without_the_reporting_verb() -> None:
    tl = timeline.build("The airline reported a fourth-quarter loss.", published="1990-02-01")
    (ev,) = [*tl.events, *tl.unplaced]
    assert ev.trigger.text == "loss" and ev.also == ()
    assert ev.description == "the airline reported a loss"


def test_past_verbs_joined_across_an_object_share_the_time() -> None:
    dated = _dated("On Monday, gunmen killed two guards and wounded five villagers.", "Monday")
    assert dated >= {"killed", "wounded"}


def test_an_event_noun_and_the_aspectual_verb_it_is_the_subject_of_share_the_time() -> None:
    assert _dated("The negotiations resumed in Geneva on Monday.", "Monday") >= {"negotiations", "resumed"}


def test_a_verb_keeps_both_times_of_a_range() -> None:
    """One event, dated by both ends: the first time in ``time``, the other in ``more_times``."""
    tl = timeline.build("The fund bought 40,000 shares from May 2 to June 9.", published="2021-07-01")
    (bought,) = [e for e in (*tl.events, *tl.unplaced) if e.trigger.text == "bought"]
    assert bought.time is not None
    assert sorted([bought.time.text, *(t.time.text for t in bought.more_times)]) == ["June 9", "May 2"]
    assert bought.as_dict()["more_times"] == [{"time": t.time_id, "relation": t.relation} for t in bought.more_times]


def test_a_duration_beside_a_day_is_a_second_time_of_one_event() -> None:
    tl = timeline.build("The witness testified for four hours Friday.", published="2021-07-05")
    (event,) = [e for e in (*tl.events, *tl.unplaced) if e.trigger.text == "testified"]
    assert event.time is not None and event.time.text == "Friday" and event.interval is not None
    assert [(t.time.text, t.relation) for t in event.more_times] == [("four hours", "during")]


def test_a_noun_is_dated_once() -> None:
    tl = timeline.build("The talks between 1998 and 2001 failed.", published="2021-07-01")
    assert [e.time.text for e in (*tl.events, *tl.unplaced) if e.trigger.text == "talks" and e.time] == ["1998"]


def test_a_past_form_after_a_date_is_the_verb() -> None:
    """After a number a past form is an adjective ("3 million injured"), not after a date."""
    assert "approved" in _dated("The city council on March 3 approved a new budget for the port.", "March 3")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The storm could do serious damage to the harbor.", "serious"),
        ("The utility will likely raise its rates next year.", "likely"),
    ],
)
def test_an_adjective_or_adverb_after_a_modal_is_no_verb(text: str, word: str) -> None:
    assert _kind(text, word) is NONE


def test_a_form_in_ing_that_qualifies_a_noun_is_not_the_dated_event() -> None:
    dated = _dated("The lenders have extended the carrier $40 million in revolving loans through March.", "March")
    assert "extended" in dated and "revolving" not in dated


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        # a report filed is a document, not an event (TimeML marks the filing; TimeBank and AQUAINT
        # mark the noun "report" 5 times in 37): not a verb, and no event noun either
        ("The agency filed safety reports by Friday.", "reports", NONE),
        ("The mayor created the task force on Tuesday.", "force", NONE),
        ("The stores will trade under their old names until June.", "names", NONE),
        ("The firm said the company plans to sell the unit.", "plans", VERB),
        ("The rebels demanded that the army withdraw within a week.", "withdraw", VERB),
        ("The airline will wait until fuel costs fall.", "fall", VERB),
        ("Talks did not resume on Monday.", "resume", VERB),
        ("Stocks slipped as oil prices rise in Asia.", "rise", VERB),
    ],
)
def test_a_verb_form_that_ends_an_object_is_a_noun(text: str, word: str, kind: str) -> None:
    assert _kind(text, word) == kind


def test_the_verb_of_an_object_noun_is_dated() -> None:
    assert "created" in _dated("The prosecutor, who created the task force on Tuesday, spoke.", "Tuesday")


def test_a_comparative_after_the_verb_is_no_event() -> None:
    assert _kind("Tokyo stocks closed sharply lower on Tuesday.", "lower") is NONE
    assert "closed" in _dated("Tokyo stocks closed sharply lower on Tuesday.", "Tuesday")


def test_a_time_after_publication_does_not_date_a_past_verb() -> None:
    dated = _dated("The maker plans to ship a laptop based on the chip early next year.", "early next year")
    assert "ship" in dated and "based" not in dated


def test_an_adverb_ends_the_noun_a_time_modifies() -> None:
    assert "slump" in _dated("The brewer blamed its fourth-quarter slump partly on higher costs.", "fourth-quarter")


def test_the_end_of_a_period_is_dated_by_its_date_not_by_the_period() -> None:
    text = "For the quarter ended June 30, the chain earned $5 million."
    assert _dated(text, "June 30") == {"ended"}
    assert "ended" not in _dated(text, "the quarter")


def test_a_when_clause_after_a_time_tells_an_event_of_that_time() -> None:
    dated = _dated("The shares have lost half their value since May, when they traded at $30.", "May")
    assert "traded" in dated


def test_a_when_clause_right_after_a_time_is_dated_with_the_main_verb() -> None:
    dated = _dated("Two workers were injured on Friday when a crane collapsed at the port.", "Friday")
    assert {"injured", "collapsed"} <= dated


def test_a_verb_and_the_infinitive_after_it_are_not_both_dated() -> None:
    dated = _dated("Last April, the investors planned to acquire a stake in the chain.", "Last April")
    assert dated == {"planned"}


def test_a_time_of_the_subject_of_a_change_dates_the_change() -> None:
    dated = _dated("Third-quarter mortgage originations dropped sharply to $2 billion.", "Third-quarter")
    assert "dropped" in dated


def test_a_noun_keeps_both_ends_of_a_range() -> None:
    tl = timeline.build("The regulator said he made $60 million from the sale of his shares between 1985 and 1987.",
                        published="2021-07-01")
    (sale,) = [e for e in (*tl.events, *tl.unplaced) if e.trigger.text == "sale"]
    assert sale.time is not None
    assert sorted([sale.time.text, *(t.time.text for t in sale.more_times)]) == ["1985", "1987"]


@pytest.mark.parametrize(("text", "time", "event"), [("Unions have called a strike for Monday.", "Monday", "strike"),
                                                     ("The board set a vote for Friday.", "Friday", "vote"),
                                                     ("Growth has not met our expectations for 1989.", "1989", "met")])
def test_a_day_set_for_an_event_dates_the_event(text: str, time: str, event: str) -> None:
    tl = timeline.build(text, published="2023-11-08")
    assert [e.trigger.text for e in (*tl.events, *tl.unplaced) if e.time is not None and e.time.text == time] == [event]


@pytest.mark.parametrize(
    ("text", "time", "event", "not_event"),
    [
        ("The ministry said that last month a patrol found two more wells.", "last month", "found", "said"),
        ("The airline told regulators that on Monday a pilot reported smoke in the cabin.", "Monday", "reported",
         "told"),
    ],
)
def test_a_time_at_the_head_of_a_that_clause_dates_its_verb(text: str, time: str, event: str,
                                                           not_event: str) -> None:
    dated = _dated(text, time)
    assert event in dated and not_event not in dated


def test_a_time_after_the_verb_of_a_that_clause_still_dates_it() -> None:
    assert "signed" in _dated("The ministry said that the two sides signed the accord on Monday.", "Monday")


def test_a_possessive_time_dates_its_noun_not_the_verb_that_takes_it() -> None:
    dated = _dated("The ministers condemned Saturday's bombing of the depot.", "Saturday")
    assert "bombing" in dated and "condemned" not in dated


def test_a_time_before_and_dates_the_first_of_the_joined_phrases() -> None:
    dated = _dated("The army will begin pulling troops out of the border zone on Friday and release prisoners.",
                   "Friday")
    assert "begin" in dated and "release" not in dated


def test_a_hyphenated_word_in_ing_is_an_adjective_not_the_dated_event() -> None:
    dated = _dated("Last month alone, an eye-watering $2 billion left the bond funds.", "Last month")
    assert "left" in dated and "eye-watering" not in dated


def test_a_participle_in_un_is_an_adjective_and_the_verb_before_it_is_dated() -> None:
    dated = _dated("The stock has slipped lately, closing unchanged Monday at $8 a share.", "Monday")
    assert "closing" in dated and "unchanged" not in dated


def test_a_thing_in_sion_is_no_event_a_time_after_it_can_date() -> None:
    dated = _dated("The general gave a short speech carried on national television Sunday.", "Sunday")
    assert "television" not in dated and "carried" in dated


def test_compared_with_a_time_is_no_event_the_clause_verb_is_dated() -> None:
    dated = _dated("Fuel costs, compared with a year ago, were pushed up by the weak currency.", "a year ago")
    assert "pushed" in dated and "compared" not in dated


def test_the_end_of_a_range_dates_what_its_start_dates() -> None:
    """'from May 2 to June 9, the museum said': June 9 ends the opening, not the saying."""
    tl = timeline.build("The exhibition opens to visitors from May 2 to June 9, the museum said on Tuesday.",
                        published="2021-04-01")
    (opens,) = [e for e in tl if e.trigger.text == "opens"]
    assert opens.time is not None and opens.time.text == "May 2"
    assert [(t.time.text, t.relation) for t in opens.more_times] == [("June 9", "until")]
    assert opens.interval is not None and opens.interval.end.date().isoformat() == "2021-06-10"
