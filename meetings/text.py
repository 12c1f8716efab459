"""Comparing names as people write them: one folding rule for the whole project."""

from __future__ import annotations

import unicodedata

# Letters that Unicode decomposition does not reduce to ASCII, and typographic marks that
# stand for plain ones.
_LETTERS = str.maketrans(
    {
        "ß": "ss",
        "ẞ": "SS",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "Th",
        "ı": "i",
        "ħ": "h",
        "Ħ": "H",
        "ŀ": "l",
        "Ŀ": "L",
        "‘": "'",
        "’": "'",
        "ʼ": "'",
        "ʻ": "'",
        "ʿ": "",
        "ʾ": "",
        "–": "-",
        "‐": "-",
    }
)


def plain_letters(text: str) -> str:
    """Text without accents, keeping case: "Brasília" → "Brasilia", "Łódź" → "Lodz"."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """The key two spellings of a name are compared by: accents removed, curly quotes
    straightened, lower case, runs of spaces made one ("Gnassingbé" and "gnassingbe" agree)."""
    return " ".join(plain_letters(text).casefold().split())
