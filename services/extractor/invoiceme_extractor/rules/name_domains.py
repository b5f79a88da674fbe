"""The issuer's name spelled by its own e-mail or web address: 'info@cronus.com' and 'CRONUS DE',
'www.dominos.com.my' and "DOMINO'S PIZZA". A page prints the addresses of the business that sends it
far more often than its customer's; a candidate name that holds the address's name is the issuer's
(customer blocks and mall names hold none)."""

from __future__ import annotations

import re

from .lines import Line
from .name_signs import compact

_ADDRESS = re.compile(r"(?:[\w.+-]+@|\bwww\.|https?://)([a-z0-9-]+(?:\.[a-z0-9-]+)+)", re.I)
# Labels of an address that name no business: mailbox providers, hosts, top-level and second-level
# domains (a freelancer writing from gmail.com is not named 'gmail')
_NO_NAME = frozenset(
    "gmail googlemail yahoo hotmail outlook live msn icloud aol gmx protonmail proton walla bezeqint "
    "netvision zahav smile t-online freenet orange wanadoo laposte free libero virgilio tiscali "
    "www mail email shop store info online web".split()
)
_SHORTEST = 4  # letters: 'acme' names a business, 'co' or 'my' is part of a domain
_TOP_LEVEL = re.compile(r"^(?:com|net|org|biz|info|gov|edu|co|ac|[a-z]{2})$")


def address_names(lines: list[Line]) -> set[str]:
    """The business names the page's e-mail and web addresses spell, as `compact` letters."""
    names = set()
    for line in lines:
        for match in _ADDRESS.finditer(line.text):
            for label in match.group(1).lower().split("."):
                name = compact(label)
                if len(name) >= _SHORTEST and label not in _NO_NAME and not _TOP_LEVEL.match(label):
                    names.add(name)
    return names


def spelled_by_address(name: str, names: set[str]) -> bool:
    """A candidate name that holds one of the page's address names ('dominospizza' holds 'dominos')."""
    letters = compact(name)
    return any(spelled in letters for spelled in names)
