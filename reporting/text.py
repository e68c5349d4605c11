"""Committee-report section text as plain blocks the report templates render.

Authors type sections as they would in the council's Word template: paragraphs separated
by blank lines, bullet lines starting "- ", and paragraph numbers such as "6.1." typed at
the start. Parsing here (not in a template filter) keeps every piece of HTML in the
templates, where Django escapes it, and gives the PDF and the page the same structure.

Pure standard library, so the PDF builder and the packs can use it without the ORM.
"""

import re
from dataclasses import dataclass, field

_NUMBER_RE = re.compile(r"(\d+(?:\.\d+)+\.?)\s+(.*)", re.DOTALL)
_BULLET = "- "


@dataclass(frozen=True)
class Block:
    """A paragraph (with its number, if it was typed) followed by any bullets under it."""

    number: str = ""
    text: str = ""
    bullets: list[str] = field(default_factory=list)


def text_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    for chunk in re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip()):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        prose: list[str] = []
        bullets: list[str] = []
        for line in lines:
            if line.startswith(_BULLET) or line == "-":
                bullets.append(line[len(_BULLET):].strip())
            elif bullets:
                # A line after the bullets continues the last bullet, as a wrapped line would.
                bullets[-1] = f"{bullets[-1]} {line}"
            else:
                prose.append(line)
        if not prose and not bullets:
            continue
        paragraph = " ".join(prose)
        number = ""
        if match := _NUMBER_RE.fullmatch(paragraph):
            number, paragraph = match.groups()
        blocks.append(Block(number=number, text=paragraph, bullets=bullets))
    return blocks
