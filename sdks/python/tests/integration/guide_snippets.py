"""The customers guide's code blocks, read from ``docs/customers-guide.md`` (the product's spec as kept in
the repository), exactly as written, by the heading they stand under."""

import os
import re
from typing import Dict, List

GUIDE_PATH = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", "..", "docs",
                                          "customers-guide.md"))

#: The sections whose snippets the tests run, in the guide's order.
SECTIONS = ("Creating Customers", "Updating Customers", "Basic Listing", "Search by Name or Email",
            "Getting Customer Details", "Deleting Customers")


def snippets(fence: str) -> Dict[str, str]:
    """The blocks opened by ``fence`` (e.g. ``python [Python]`` fences), one per section of SECTIONS."""
    found: Dict[str, List[str]] = {}
    heading = ""
    with open(GUIDE_PATH, encoding="utf-8") as file:
        lines = file.read().split("\n")
    i = 0
    while i < len(lines):
        title = re.match(r"^#{1,6}\s+(.*?)\s*$", lines[i])
        if title:
            heading = title.group(1)
        if lines[i].strip() == fence:
            body = []
            i += 1
            while i < len(lines) and lines[i].strip() != "```":
                body.append(lines[i])
                i += 1
            found.setdefault(heading, []).append("\n".join(body) + "\n")
        i += 1
    result = {}
    for section in SECTIONS:
        blocks = found.get(section, [])
        if len(blocks) != 1:
            raise AssertionError('%s: section "%s" has %d %s blocks, expected 1'
                                 % (GUIDE_PATH, section, len(blocks), fence))
        result[section] = blocks[0]
    return result
