"""International bodies (meetings/data/bodies.json). An official whom the text gives a body's
post ("UN Secretary-General António Guterres", "the Director-General of the WTO, Ngozi
Okonjo-Iweala", "NATO chief Mark Rutte") speaks for the body, not for the country they once
served, and is left out of the meetings between countries. (The European Union is a party of
its own, as countries are.)"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from meetings.intake.lexicon import data_file
from meetings.text import fold

# A country's office named with the body's, the person's own: "Senegal President and ..."
NATIONAL_POST_AND = re.compile(
    r"\b(?:President|Prime\s+Minister|King|Emir|Amir|Sultan|Chancellor|Premier)\s+and\s+(?:the\s+)?"
    r"(?:current\s+|rotating\s+)?$"
)


@dataclass(frozen=True)
class Patterns:
    names: dict[str, str]  # a body's name as written, folded -> the body
    body: re.Pattern  # any body's name
    right_before: re.Pattern  # "UN " right before a mention that starts with a post
    post_before: re.Pattern  # "NATO Secretary General ", "the Secretary-General of the UN, "
    starts_with_post: re.Pattern  # a mention that starts with a post ("President Macron")
    post_within: re.Pattern  # "Secretary-General of the UN" inside a mention
    post_after: re.Pattern  # ", Secretary-General of the United Nations" after a name


@functools.cache
def patterns() -> Patterns:
    data = data_file("bodies.json")
    names = {fold(name): body["name"] for body in data["bodies"] for name in body["names"]}
    written = sorted({n for body in data["bodies"] for n in body["names"]}, key=len, reverse=True)
    # names in capitals ("UN", "WHO") only in capitals; the others in any case
    capitals = [n for n in written if n.replace(".", "").isupper()]
    others = [n for n in written if not n.replace(".", "").isupper()]
    body = (
        r"(?<![\w.])(?:"
        + "|".join(re.escape(n) for n in capitals)
        + "|(?i:"
        + "|".join(re.escape(n) for n in others)
        + r"))(?![\w])"
    )
    heads = sorted(data["heads"], key=len, reverse=True)
    post = r"(?<![\w-])(?i:" + "|".join(re.escape(h) for h in heads) + r")(?![\w-])"
    owner = rf"{body}(?:'s)?\s+"
    of_body = rf"{post}\s+of\s+(?:the\s+)?{body}"
    return Patterns(
        names=names,
        body=re.compile(body),
        right_before=re.compile(rf"{owner}$"),
        # up to two words of the post in lower case: "EU foreign policy chief"
        post_before=re.compile(rf"(?:{owner}(?:[a-z][\w-]*\s+){{0,2}}{post}|{of_body}\s*,?)\s+$"),
        starts_with_post=re.compile(rf"(?:the\s+)?{post}"),
        post_within=re.compile(rf"{of_body}|{owner}{post}"),
        post_after=re.compile(
            rf"\s*,\s*(?:the\s+)?(?:{owner}(?:[a-z][\w-]*\s+){{0,2}}{post}|{of_body})"
        ),
    )


def body_of(sentence: str, start: int, end: int) -> str | None:
    """The international body whose post the mention sentence[start:end] holds, by the words
    of the mention or right around it; None for a country's official."""
    p = patterns()
    before, mention = sentence[max(0, start - 80) : start], sentence[start:end]
    found = (
        p.post_before.search(before)
        or (p.starts_with_post.match(mention) and p.right_before.search(before))
        or p.post_within.search(mention)
        or p.post_after.match(sentence, end)
    )
    if not found:
        return None
    if found.re is p.post_before and NATIONAL_POST_AND.search(before, 0, found.start()):
        return None  # "Senegal President and Chairman of the African Union Macky Sall"
    name = p.body.search(found[0])
    return p.names.get(fold(name[0])) if name else None
