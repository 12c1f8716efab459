"""Reading a saved web page or pasted text into plain article text, with trafilatura.

Everything the reader gets passes through here, so the messages of ArticleError are shown to
the editor as they are.
"""

from __future__ import annotations

import codecs
import datetime
import re
import unicodedata
from dataclasses import dataclass

import lxml.html
import trafilatura
from lxml.etree import ParserError

MAX_BYTES = 5_000_000


class ArticleError(Exception):
    """The input cannot be read as an article; str(error) is a message for the editor."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class ArticlePage:
    title: str
    publisher: str
    published_on: datetime.date | None
    url: str
    text: str


# Signatures of files people upload by mistake.
_BINARY_MAGIC = {
    b"\x89PNG": "an image",
    b"\xff\xd8\xff": "an image",
    b"GIF8": "an image",
    b"RIFF": "a media file",
    b"%PDF": "a PDF",
    b"PK\x03\x04": "a zip archive or office document",
    b"\x1f\x8b": "a compressed file",
    b"\xd0\xcf\x11\xe0": "an office document",
}

_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""", re.I)
_LOOKS_LIKE_HTML = re.compile(
    r"<\s*(?:!doctype|html|head|body|p|div|span|script|style|article|section|main|table|br|a|h[1-6]|li|ul|ol|meta|link|title|iframe|noscript)\b[^>]*>",
    re.I,
)
_TAG = re.compile(r"</?[a-zA-Z!][^<>]*>")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n{3,}")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")

# Common words of English that are not words of French, German, Spanish or Italian too.
ENGLISH_WORDS = frozenset(
    (  # noqa: SIM905
        "the and of to with met said is are was were for that this from by his her their its "
        "has have had which who will would be been it they he she after meeting minister"
    ).split()
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words each language uses often and the others (nearly) never, to name the language
# of a text the reader cannot read. Words they share ("de", "la", "que", "en", "con") are left
# out: they would not tell the languages apart.
FUNCTION_WORDS = {
    "English": ENGLISH_WORDS,
    "Spanish": _words(
        "el los las del y por para su sus es fue como más pero este esta también lo han según "
        "tras desde reunión mandatario"
    ),
    "Portuguese": _words(
        "o os do dos das em no na nos nas com um uma foi ao não mais seu sua também pelo pela "
        "após disse reunião encontro"
    ),
    "French": _words(
        "le les des du et un une qui dans pour avec sur au aux est ont ce cette par son ses "
        "été lors selon après président avait"
    ),
    "German": _words(
        "der die das und den dem des mit von zu im ist ein eine einer nicht auf für sich hat "
        "dass wurde bei auch über nach am zum zur"
    ),
    "Italian": _words("il gli della delle dei di che per nel nella è sono anche alla dal dopo"),
}


def read_html(data: bytes) -> ArticlePage:
    """The article in a saved web page (or a plain-text file): title, publisher, date, text."""
    if not data or not data.strip():
        raise ArticleError("The file is empty.")
    if len(data) > MAX_BYTES:
        raise ArticleError("The file is larger than 5 MB.")
    for magic, kind in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise ArticleError(f"The file is {kind}, not a web page; upload the saved HTML page.")
    if b"\x00" in data[:65536] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ArticleError("The file is not text; upload the saved HTML page.")
    markup = _decode(data)
    if _share_of_control_characters(markup) > 0.01:
        raise ArticleError("The file is not text; upload the saved HTML page.")
    if not _LOOKS_LIKE_HTML.search(markup):
        return ArticlePage(
            title="", publisher="", published_on=None, url="", text=clean_text(markup)
        )
    document = _extract(markup)
    text = _normalise(document.text or "") if document else ""
    if not text:
        text = _normalise(_strip_tags(markup))
    if not text:
        raise ArticleError("The page has no readable text.")
    _check_english(text)
    return ArticlePage(
        title=_one_line(document.title if document else ""),
        publisher=_one_line(document.sitename if document else ""),
        published_on=_parse_date(document.date if document else None),
        url=_canonical_url(document.url if document else None),
        text=text,
    )


def clean_text(text: str) -> str:
    """Pasted article text, tidied: plain lines, no control characters and no markup."""
    if len(text) > MAX_BYTES or len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise ArticleError("The text is larger than 5 MB.")
    text = text.replace("\x00", "")
    if _LOOKS_LIKE_HTML.search(text):
        document = _extract(text) if re.search(r"<\s*(?:html|body)\b", text, re.I) else None
        text = (document.text if document else "") or _strip_tags(text)
    text = _normalise(text)
    if not text:
        raise ArticleError("The text is empty.")
    _check_english(text)
    return text


def looks_english(text: str) -> bool:
    """A cheap test: mostly ASCII letters, and English function words among the words."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return False
    if sum(ch.isascii() for ch in letters) / len(letters) < 0.6:
        return False
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < 12:
        return True  # too short to judge; a headline or a dateline
    return sum(w in ENGLISH_WORDS for w in words) / len(words) >= 0.02


def guess_language(text: str) -> str | None:
    """The language a text seems to be in, from its commonest function words, or None."""
    # None when the text is too short to tell or in none of the languages we know (another script).
    words = _WORD.findall(text[:20000])
    joined = "".join(words)
    if not joined or len(joined.encode("ascii", "ignore")) / len(joined) < 0.6:
        return None  # another script
    words = [w.lower() for w in words]
    if len(words) < 12:
        return None
    counts = {
        language: sum(w in vocabulary for w in words)
        for language, vocabulary in FUNCTION_WORDS.items()
    }
    language, best = max(counts.items(), key=lambda item: item[1])
    english = counts.get("English", 0)
    if language != "English" and best <= 2 * english:
        # names carry other languages' little words ("von der Leyen", "da Silva", "de la
        # Fuente"): a text with half as many English ones is English
        language, best = "English", english
    return language if best / len(words) >= 0.05 else None


def _check_english(text: str) -> None:
    if not looks_english(text):
        language = guess_language(text)
        seems = f" (it seems to be {language})" if language and language != "English" else ""
        raise ArticleError(
            f"The text does not look like English{seems}; the reader only understands English "
            "articles."
        )


def _decode(data: bytes) -> str:
    """Decode with the charset the page declares, then UTF-8, then Windows-1252."""
    candidates = []
    if data.startswith(codecs.BOM_UTF8):
        candidates.append("utf-8-sig")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates.append("utf-16")
    head = data[:4096]
    declared = _DECLARED_CHARSET.search(head) or _XML_ENCODING.search(head)
    if declared:
        name = declared.group(1).decode("ascii", "replace").lower()
        try:
            name = codecs.lookup(name).name
        except LookupError:
            pass
        else:
            # Pages that say Latin-1 are nearly always Windows-1252, as browsers assume.
            candidates.append("cp1252" if name in {"latin-1", "iso8859-1", "ascii"} else name)
    candidates += ["utf-8", "cp1252"]
    for encoding in candidates:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    raise ArticleError("The file's characters could not be decoded; save the page as UTF-8.")


def _extract(markup: str):
    try:
        return trafilatura.bare_extraction(
            markup,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            favor_recall=True,
        )
    except Exception:  # trafilatura raises assorted errors on broken markup
        return None


def _strip_tags(markup: str) -> str:
    """The visible text of markup: no scripts, styles or tags; one line per block."""
    try:
        root = lxml.html.fromstring(markup)
    except (ParserError, ValueError):
        return _TAG.sub(" ", markup)
    for junk in root.xpath("//script|//style|//noscript|//template|//head|//svg"):
        junk.drop_tree()
    blocks = "p div br li h1 h2 h3 h4 h5 h6 tr section article header footer blockquote"
    for element in root.iter(*blocks.split()):
        element.tail = "\n" + (element.tail or "")
    return root.text_content()


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n").replace("\t", " ")
    text = _CONTROL.sub("", text)
    text = _TAG.sub("", text)  # never hand on markup, even markup quoted in the text
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()


def _one_line(text: str | None) -> str:
    return " ".join(_normalise(text or "").split())


def _share_of_control_characters(text: str) -> float:
    sample = text[:65536]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f")
    return bad / len(sample)


def _parse_date(value: str | None) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _canonical_url(value: str | None) -> str:
    if value and re.match(r"https?://[^\s/]+", value, re.I):
        return value.strip()
    return ""
