"""Break opportunities for e-mail addresses and URLs, placed the way typesetters break them.

An address has no space to break at, so a box narrower than the address breaks it between
any two characters. Typesetting breaks it where a reader still sees one address: after
``@``, after a slash (``//`` kept together), before a dot and the other separators
(``_ ? # % ~``), before and after ``=`` and ``&``; never at a hyphen of the address, which
would read as a word divided at the line's end, and never by adding a hyphen. The
opportunities are zero-width spaces (U+200B, line-break class ZW), and a word joiner
(U+2060, class WJ) follows each hyphen; renderers break at the one, not after the other,
and draw neither. Only an address that would otherwise break mid-word gets them, so
addresses that fit stay exactly as written (copied from the slide, an address with them
carries the invisible characters along).
"""

from __future__ import annotations

import re

ZERO_WIDTH_SPACE = "\u200b"  # a break opportunity that shows nothing (Unicode line-break class ZW)
WORD_JOINER = "\u2060"  # no break here: after a hyphen, it keeps the hyphen from ending a line
_AFTER = "@/=&"
_BEFORE = "._?#%~=&"
_ADDRESS = re.compile(
    r"[a-z][a-z0-9+.-]*://\S+"  # a URL with its scheme
    r"|[^\s@]+@[^\s@]+\.[^\s@]+"  # an e-mail address
    r"|(?:www\.)?(?:[\w-]+\.)+[a-z]{2,}(?:[/?#]\S*)?",  # a host name, with or without a path
    re.IGNORECASE)
_ENCLOSING = "()[]{}<>\"'«»“”‘’,;:!"  # punctuation around an address in running text (and a full stop)


def is_address(word: str) -> bool:
    """Return True when ``word`` (punctuation around it aside) is an e-mail address or a URL."""
    return _ADDRESS.fullmatch(word.strip(_ENCLOSING + ".")) is not None


def with_breaks(word: str) -> str:
    """Return address ``word`` with a zero-width space where it may break and a word joiner after each hyphen."""
    core = word.strip(_ENCLOSING + ".")
    if not core:
        return word
    start = word.index(core)
    chars = [core[0]]
    for before, char in zip(core, core[1:]):
        if before == "-":
            chars.append(WORD_JOINER)
        elif _breaks_between(before, char):
            chars.append(ZERO_WIDTH_SPACE)
        chars.append(char)
    return word[:start] + "".join(chars) + word[start + len(core):]


def _breaks_between(before: str, char: str) -> bool:
    if before == char and before in "/&=":  # '//' and the like stay together
        return False
    return before in _AFTER or (char in _BEFORE and before not in _BEFORE)


def give_breaks(text_elements, word: str) -> bool:
    """Return True after giving ``word`` break opportunities in the ``a:t`` elements holding it.

    Only an address whole inside one run is changed; a word that is no address is left alone.
    """
    broken = with_breaks(word) if is_address(word) else word
    if broken == word:
        return False
    changed = False
    for element in text_elements:
        if element.text and word in element.text:
            element.text = element.text.replace(word, broken)
            changed = True
    return changed
