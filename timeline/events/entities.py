"""Entities: who takes part in an event, and which events name an entity.

* `annotate` reads, from the parse, each event's trigger lemma, its participants (subject, object,
  the agent of a passive, "with" X, a possessor, a name before an event noun), a pronoun among them
  resolved inside its sentence or the one before, the event a "postpone / delay / move" verb moves,
  and the words of its sentence that say it updates an earlier report ("postponed to", "now says").
* `EntityName` matches a name against what a participant says: the name itself, a short form
  ("Boeing Co." / "Boeing"), an acronym ("International Monetary Fund" / "IMF"), a possessive
  ("Boeing's chief"), a person's family name ("Okafor").
* `about` keeps the events of a timeline whose participants name an entity.

Tables are in `timeline.events.entities_lexicon`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import Any, Final

import attrs

from timeline.events.entities_lexicon import (
    ACRONYM_SKIPS,
    BUSINESS_WORDS,
    COLLECTIVE_NOUNS,
    DEFINITE_NOUNS,
    LIGHT_VERB_NOUNS,
    LIGHT_VERBS,
    MOVE_VERBS,
    NAME_STOPS,
    NAME_SUFFIXES,
    NOUN_VERBS,
    PERSON_NOUNS,
    PRONOUNS,
    SUBJECT_EVENT_VERBS,
    UPDATE_CUES,
)
from timeline.events.find_lexicon import EVENT_NOUNS
from timeline.events.model import Event, Participant
from timeline.syntax.sentences import story_start

__all__ = ["EntityName", "about", "annotate", "content_words", "names_match"]

_TOKEN_RE: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9&.\-]*")
_POSSESSIVE_RE: Final = re.compile(r"(?:'s|\u2019s|'|\u2019)$")
_CUE_RE: Final = re.compile(r"\b(?:" + "|".join(re.escape(c) for c in UPDATE_CUES) + r")\b")
_SUBJECT_DEPS: Final = frozenset({"nsubj", "nsubjpass", "csubj"})
_OBJECT_DEPS: Final = frozenset({"dobj", "dative", "attr"})
_WITH_PREPS: Final = frozenset({"with", "against", "between"})
_NOUN_POS: Final = frozenset({"NOUN", "PROPN"})
#: how many tokens back a pronoun or "the company" looks, in its sentence and in the one before (a
#: sentence with no stop in it, thousands of tokens long, stays a bounded cost)
_WINDOW: Final = 80
_TITLES: Final = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "prof"}) | PERSON_NOUNS


def _tokens(text: str) -> list[str]:
    """The words of a name as written, possessive endings and trailing dots cut ("Co." stays "Co")."""
    out = []
    for w in _TOKEN_RE.findall(text.replace("\u2019", "'")):
        w = _POSSESSIVE_RE.sub("", w).rstrip(".")
        if w:
            out.append(w)
    return out


@functools.lru_cache(maxsize=65536)
def content_words(text: str) -> frozenset[str]:
    """The lower-case words of a name that identify it: no articles, possessives, company suffixes."""
    return frozenset(w.lower() for w in _tokens(text)
                     if w.lower() not in NAME_STOPS and w.lower() not in NAME_SUFFIXES and w.lower() not in PRONOUNS)


def _acronyms(words: Sequence[str]) -> frozenset[str]:
    """The acronyms of a name of two or more words: initials of the words that count, upper case,
    with or without the small words ("Bank of England": BE, BOE)."""
    if len(words) < 2:
        return frozenset()
    big = "".join(w[0] for w in words if w.lower() not in ACRONYM_SKIPS).upper()
    every = "".join(w[0] for w in words).upper()
    return frozenset(a for a in (big, every) if len(a) >= 2)


def _is_acronym(word: str) -> bool:
    return len(word) >= 2 and sum(c.isupper() for c in word) >= 2 and word.replace("&", "").isalnum() and \
        sum(c.islower() for c in word) <= 1


@attrs.frozen
class EntityName:
    """A name asked for, and the forms that name it (see the module docstring)."""

    text: str
    #: the name's words without company suffixes ("Boeing Co." -> ["Boeing"])
    words: tuple[str, ...]
    acronyms: frozenset[str]
    #: the name is itself an acronym ("IMF")
    acronym: str | None

    @classmethod
    def of(cls, name: str) -> EntityName:
        """`ValueError` for a name with no word in it."""
        if not isinstance(name, str):
            raise TypeError(f"name must be a str, not {type(name).__name__}")
        words = _tokens(name)
        while len(words) > 1 and words[-1].lower() in NAME_SUFFIXES:
            words.pop()
        while len(words) > 1 and words[0].lower() == "the":
            words.pop(0)
        if not words:
            raise ValueError(f"name {name!r} has no word in it")
        acronym = words[0].upper() if len(words) == 1 and _is_acronym(words[0]) else None
        return cls(name, tuple(words), _acronyms(words), acronym)

    def matches(self, text: str | None) -> bool:
        """Whether ``text`` (a participant as written) names this entity."""
        if not text:
            return False
        got = _tokens(text)
        low = [w.lower() for w in got]
        want = [w.lower() for w in self.words]
        n = len(want)
        if self.acronym is not None:  # "IMF" asked: only "IMF" as written, never "imf"
            if any(_is_acronym(w) and w.upper() == self.acronym for w in got):
                return True
        else:
            for i in range(len(low) - n + 1):
                if low[i : i + n] == want:
                    return True
        # an acronym of the name written ("the IMF"), or the name that an acronym asked for stands for
        if self.acronyms and any(_is_acronym(w) and w.upper() in self.acronyms for w in got):
            return True
        if self.acronym is not None and self.acronym in {a for a in _acronyms_in(got)}:
            return True
        # a company's short form: "Kestrel Motors" -> "Kestrel", not followed by another name word
        if n >= 2 and want[-1] in BUSINESS_WORDS:
            short = want[:-1]
            k = len(short)
            for i in range(len(low) - k + 1):
                if low[i : i + k] == short and got[i][:1].isupper():
                    nxt = got[i + k] if i + k < len(got) else ""
                    if not nxt[:1].isupper() or nxt.lower() == want[-1]:
                        return True
        # a person's family name alone, not after another given name ("Okafor", "Ms Okafor")
        if n >= 2 and all(w[:1].isupper() for w in self.words):
            last = want[-1]
            for i, w in enumerate(low):
                if w == last and got[i][:1].isupper():
                    prev = got[i - 1] if i else ""
                    if not prev[:1].isupper() or prev.lower() in _TITLES or prev.lower() in want:
                        return True
        return False


def _acronyms_in(words: Sequence[str]) -> set[str]:
    """The acronyms of the runs of capitalized words in ``words`` (small words allowed inside)."""
    out: set[str] = set()
    run: list[str] = []
    for w in (*words, ""):
        if w[:1].isupper() or (run and w.lower() in ACRONYM_SKIPS):
            run.append(w)
            continue
        while run and run[-1].lower() in ACRONYM_SKIPS:
            run.pop()
        for i in range(len(run)):
            for j in range(i + 2, len(run) + 1):
                out |= _acronyms(run[i:j])
        run = []
    return out


def names_match(a: str | None, b: str | None) -> bool:
    """Whether two participants as written name the same thing: a word in common (no articles,
    no company suffixes), or one an acronym or short form of the other."""
    if not a or not b:
        return False
    if content_words(a) & content_words(b):
        return True
    try:
        return EntityName.of(a).matches(b) or EntityName.of(b).matches(a)
    except ValueError:
        return False


def about(events: Iterable[Event], name: str | EntityName) -> list[Event]:
    """The events whose participants name the entity (or an alias of it), in the order given."""
    entity = name if isinstance(name, EntityName) else EntityName.of(name)
    return [e for e in events if names_entity(e, entity)]


def names_entity(event: Event, entity: EntityName) -> bool:
    """Whether one of the event's participants (or, without any, its subject or object as
    written) names the entity."""
    if event.participants:
        return any(entity.matches(p.text) or entity.matches(p.refers_to) for p in event.participants)
    return entity.matches(event.subject) or entity.matches(event.object)


# ------------------------------------------------------------------ from the parse


def _phrase(tok: Any) -> str:
    """The noun phrase of ``tok`` without what follows its head but a short "of" name ("the head of
    the bank") and a company suffix ("Boeing Co.")."""
    doc = tok.doc
    start = tok.left_edge.i
    end = tok.i + 1
    while end < len(doc) and doc[end].head.i == tok.i and doc[end].dep_ in ("compound", "appos", "flat") \
            and doc[end].text.lower().rstrip(".") in NAME_SUFFIXES:
        end += 1
    if end < len(doc) and doc[end].lower_ == "of" and doc[end].head.i == tok.i:
        objs = [c for c in doc[end].children if c.dep_ == "pobj"]
        if objs and objs[0].pos_ == "PROPN":
            end = objs[0].i + 1
    return str(doc[start:end].text).strip()


def _agrees(kind: str, tok: Any) -> bool:
    low = tok.lemma_.lower()
    if kind == "person":
        return tok.pos_ == "PROPN" or low in PERSON_NOUNS
    if kind == "thing":
        return (tok.tag_ in ("NN", "NNP") and low not in PERSON_NOUNS) or low in COLLECTIVE_NOUNS
    return tok.tag_ in ("NNS", "NNPS") or low in COLLECTIVE_NOUNS


def _candidate(tok: Any, skip: set[int]) -> bool:
    return tok.pos_ in _NOUN_POS and tok.dep_ not in ("compound", "poss") and tok.i not in skip \
        and tok.lower_ not in PRONOUNS


def resolve(pron: Any, skip: set[int]) -> str | None:
    """What the pronoun token ``pron`` stands for: the nearest noun before it in its sentence that
    agrees (he/she: a name or a person noun; it: a singular noun or name; they: a plural or
    collective noun), else the subject of the sentence before (the nearest agreeing noun there)."""
    kind = PRONOUNS.get(pron.lower_)
    if kind is None:
        return None
    sent = pron.sent
    here = [pron.doc[i] for i in range(pron.i - 1, max(sent.start, pron.i - _WINDOW) - 1, -1)]
    here = [t for t in here if _candidate(t, skip) and _agrees(kind, t) and not (t.left_edge.i <= pron.i <= t.right_edge.i)]
    if here:  # the nearest subject before it, else the nearest noun
        return _phrase(next((t for t in here if t.dep_ in _SUBJECT_DEPS), here[0]))
    if sent.start == 0:
        return None
    before = pron.doc[sent.start - 1].sent
    nouns = [t for t in before[-_WINDOW:] if _candidate(t, skip) and _agrees(kind, t)]
    subjects = [t for t in nouns if t.dep_ in _SUBJECT_DEPS]
    if subjects:
        return _phrase(subjects[0])
    return _phrase(nouns[-1]) if nouns else None


def resolve_definite(tok: Any, skip: set[int]) -> str | None:
    """What "the company" (a noun of `DEFINITE_NOUNS` after "the", with nothing else) stands
    for: the nearest name before it in its sentence, else the first subject that is a name in the
    sentence before, else in the one before that."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in DEFINITE_NOUNS:
        return None
    kids = list(tok.children)
    if len(kids) != 1 or kids[0].lower_ != "the" or kids[0].i > tok.i:
        return None
    doc = tok.doc
    sent = tok.sent
    for i in range(tok.i - 1, max(sent.start, tok.i - _WINDOW) - 1, -1):
        t = doc[i]
        if t.pos_ == "PROPN" and _candidate(t, skip) and not (t.left_edge.i <= tok.i <= t.right_edge.i):
            return _phrase(t)
    start = sent.start
    for _ in range(2):
        if start == 0:
            return None
        before = doc[start - 1].sent
        names = [t for t in before[-_WINDOW:] if t.pos_ == "PROPN" and _candidate(t, skip)]
        subject = next((t for t in names if t.dep_ in _SUBJECT_DEPS), None)
        if subject is not None:
            return _phrase(subject)
        if names:
            return _phrase(names[0])
        start = before.start
    return None


def _participants(role: str, tok: Any, skip: set[int]) -> list[Participant]:
    """``tok`` as a participant (a pronoun with what it stands for), and the owner a possessive
    pronoun names ("his office": the office, and his, who he is)."""
    if tok.i in skip:
        return []
    refers = resolve(tok, skip) if tok.lower_ in PRONOUNS else resolve_definite(tok, skip)
    out = [Participant(role, _phrase(tok), refers)]
    poss = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in PRONOUNS), None)
    if poss is not None:
        refers = resolve(poss, skip)
        if refers is not None:
            out.append(Participant("possessor", poss.text, refers))
    return out


def _with_conj(tok: Any) -> list[Any]:
    return [tok, *(c for c in tok.children if c.dep_ == "conj" and c.pos_ in _NOUN_POS | {"PRON"})]


def participants_of(tok: Any, skip: set[int]) -> list[Participant]:
    """The participants of the event word ``tok`` from its arcs (``skip``: tokens of times and
    of the dateline)."""
    out: list[Participant] = []
    for c in tok.children:
        if c.i in skip:
            continue
        dep = c.dep_
        if dep in _SUBJECT_DEPS:
            out += [p for t in _with_conj(c) for p in _participants("subject", t, skip)]
        elif dep in _OBJECT_DEPS and c.pos_ in _NOUN_POS | {"PRON"}:
            out += [p for t in _with_conj(c) for p in _participants("object", t, skip)]
        elif dep == "agent":
            out += [p for t in c.children if t.dep_ == "pobj" for p in _participants("agent", t, skip)]
        elif dep == "prep" and c.lower_ in _WITH_PREPS:
            out += [p for o in c.children if o.dep_ == "pobj" for t in _with_conj(o)
                    for p in _participants("with", t, skip)]
        elif dep == "poss" and tok.pos_ in _NOUN_POS:
            out += [attrs.evolve(p, role="possessor") for p in _participants("possessor", c, skip)[:1]]
        elif dep == "compound" and c.pos_ == "PROPN" and tok.pos_ in _NOUN_POS:
            out.append(Participant("modifier", _phrase(c)))
        elif dep == "prep" and c.lower_ in ("of", "by") and tok.pos_ in _NOUN_POS:
            role = "object" if c.lower_ == "of" else "agent"
            out += [p for t in c.children if t.dep_ == "pobj" for p in _participants(role, t, skip)]
    if tok.pos_ in ("VERB", "AUX") and not any(p.role == "subject" for p in out):
        # the subject it shares: of the verb an infinitive completes ("expects to restore"), of the
        # verb it is joined to by "and" ("made landfall and cut power")
        head = tok
        for _ in range(3):
            if head.dep_ not in ("xcomp", "conj") or head.head.i == head.i:
                break
            head = head.head
            subjects = [c for c in head.children if c.dep_ in _SUBJECT_DEPS and c.i not in skip]
            if subjects:
                out = [p for t in _with_conj(subjects[0]) for p in _participants("subject", t, skip)] + out
                break
    return out


def _hyphened(tok: Any) -> str | None:
    """The whole word a hyphen joins to ``tok`` ("run-off" for "off"), lower case, or None."""
    doc, i = tok.doc, tok.i
    while i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
        i -= 2
    return None if i == tok.i else str(doc[i : tok.i + 1].text).lower()


def _lemma(tok: Any) -> str:
    """The lemma events are matched on: a noun's verb ("meeting": meet), a light verb's event noun
    ("hold a rally": rally), a hyphened noun whole ("run-off")."""
    low: str = str(tok.lemma_).lower()
    if tok.pos_ in _NOUN_POS:
        whole = _hyphened(tok)
        if whole is not None:
            return NOUN_VERBS.get(whole, whole)
        return NOUN_VERBS.get(low, NOUN_VERBS.get(str(tok.lower_), low))
    noun = _noun_event(tok)
    return low if noun is None else _lemma(noun)


def _noun_event(tok: Any) -> Any | None:
    """The event noun a verb stands for: a light verb's object ("hold a rally"; not with a
    particle, "called off"), the subject of "go ahead", "take place" ("the debate will go ahead")."""
    low = str(tok.lemma_).lower()
    if tok.pos_ != "VERB" and tok.pos_ != "AUX":
        return None
    if low in LIGHT_VERBS and not any(c.dep_ == "prt" for c in tok.children):
        obj = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "NOUN"), None)
        if obj is not None and _event_noun(obj):
            return obj
    if low in SUBJECT_EVENT_VERBS:
        need = SUBJECT_EVENT_VERBS[low]
        subj = next((c for c in tok.children if c.dep_ in _SUBJECT_DEPS and c.pos_ == "NOUN"), None)
        if subj is not None and _event_noun(subj) and (need is None or any(c.lower_ == need for c in tok.children)):
            return subj
    return None


def _event_noun(tok: Any) -> bool:
    words = (str(tok.lemma_).lower(), str(tok.lower_), _hyphened(tok))
    return any(w is not None and (w in NOUN_VERBS or w in EVENT_NOUNS or w in LIGHT_VERB_NOUNS) for w in words)


def _moved(tok: Any, skip: set[int]) -> Any | None:
    """The event noun a move verb moves: its object, or its subject when passive."""
    if tok.lemma_.lower() not in MOVE_VERBS:
        return None
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass") and c.pos_ in _NOUN_POS and c.i not in skip:
            return c
    return None


def annotate(doc: Any, events: Sequence[Event]) -> list[Event]:
    """``events`` of the analyzed ``doc`` (a `timeline.Document`) with their ``lemma``,
    ``participants``, ``moves`` and ``update`` read from its parse (unchanged without a parse)."""
    parsed = doc.syntax
    if parsed is None or not events:
        return list(events)
    skip = {t.i for m in doc.mentions for t in _tokens_in(parsed, m.start, m.end)}
    first = next(iter(parsed.sents), None)
    if first is not None:  # the dateline ("CORDA, Oct 4 (Wire) -") names no participant
        skip.update(range(first.start, story_start(first)))
    text = doc.text
    out = []
    for e in events:
        span = parsed.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
        tok = None if span is None or len(span) == 0 or span[0].idx != e.trigger.start else span[0]
        if tok is None:
            out.append(e)
            continue
        moved = _moved(tok, skip)
        parts = participants_of(tok, skip)
        noun = None if moved is not None else _noun_event(tok)
        if noun is not None:  # "X held a rally": X and the rally's own; "the debate between X and Y went ahead"
            parts = [p for p in parts if p.text != _phrase(noun)]
            parts += [attrs.evolve(p, role="subject") if p.role in ("possessor", "modifier") and not any(
                q.role == "subject" for q in parts) else p for p in participants_of(noun, skip)]
        if moved is not None:  # the moved event's own participants: "the parliament's vote"
            parts = [attrs.evolve(p, role="agent") if p.role == "subject" else p
                     for p in parts if p.role != "object" and not (p.role == "subject" and p.text == _phrase(moved))]
            parts += [attrs.evolve(p, role="subject") if p.role in ("possessor", "modifier") else p
                      for p in participants_of(moved, skip)]
        if noun is None and moved is None and not any(p.role == "subject" for p in parts) and e.subject:
            parts.insert(0, Participant("subject", e.subject))
        src = e.sources[0] if e.sources else None
        cue = None
        if src is not None:
            found = _CUE_RE.search(text[src.start : src.end].lower())
            cue = None if found is None else found.group(0)
        out.append(attrs.evolve(e, lemma=_lemma(tok), participants=tuple(parts),
                                moves=None if moved is None else _lemma(moved), update=cue))
    return out


def _tokens_in(parsed: Any, start: int, end: int) -> Iterable[Any]:
    span = parsed.char_span(start, end, alignment_mode="expand")
    return () if span is None else span


def annotate_timeline(doc: Any, tl: Any) -> Any:
    """A `Timeline` of ``doc`` with its events annotated (`annotate`), deadlines following."""
    events = annotate(doc, (*tl.events, *tl.unplaced))
    if not events:
        return tl
    by_id = {e.id: e for e in events}
    n = len(tl.events)
    return attrs.evolve(tl, events=tuple(events[:n]), unplaced=tuple(events[n:]),
                        all_deadlines=tuple(attrs.evolve(d, event=by_id.get(d.event.id, d.event))
                                            for d in tl.all_deadlines))
