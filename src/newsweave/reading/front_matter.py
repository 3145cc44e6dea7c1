"""Front matter: the metadata block that Hugo, Jekyll, Obsidian and most CMS exports put
atop a Markdown or text file.

    ---
    title: Nine dead as section of Tollan Bridge falls into Port Ellis harbour
    source: Coastal Herald
    published: 2025-10-15T09:15:00Z
    url: https://coastal-herald.example/news/tollan-bridge
    ---

A text file cannot otherwise say when it was published or by whom, and grouping's time
window, the analysis's timeline and the desk's chart all want the publication time. The
block is YAML (parsed by PyYAML); only the fields an article has are read, under their
usual names (``date`` for ``published``, ``outlet``/``publisher`` for ``source``, ``link``
for ``url``); others (tags, author, layout) are ignored. A block that is not a YAML
mapping is not front matter: the file is read whole, with a warning where it looked like
one, so no text is ever dropped; so is a mapping that names no field such tools write
("Update: ..." between two rules).
"""

from __future__ import annotations

import datetime as dt
import re

import yaml

ARTICLE_FIELDS = ("title", "source", "url", "published")
ALIASES = {"date": "published", "outlet": "source", "publisher": "source", "link": "url"}
# Front matter names at least one field these tools write; "Update: ..." between two
# rules is prose that YAML happens to read as a mapping.
KNOWN_KEYS = {*ARTICLE_FIELDS, *ALIASES, "author", "authors", "tags", "categories", "layout",
              "description", "summary", "slug", "draft", "lang", "language", "image"}
_BLOCK = re.compile(r"---[ \t]*\r?\n(.*?)(?:\r?\n)?^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)",
                    re.DOTALL | re.MULTILINE)


def _as_text(value: object) -> str | None:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value).strip() or None
    return None


def split_front_matter(text: str, name: str, warnings: list[str]) -> tuple[dict[str, str], str]:
    """The article fields a file's front matter gives, and the text after it."""
    block = _BLOCK.match(text)
    if block is None:
        return {}, text
    try:
        metadata = yaml.safe_load(block.group(1))
    except yaml.YAMLError as error:
        problem = str(getattr(error, "problem", None) or "not YAML")
        warnings.append(f"{name}: its front matter is not valid YAML ({problem}); read as text")
        return {}, text
    if not isinstance(metadata, dict) or not KNOWN_KEYS & {str(key).lower() for key in metadata}:
        return {}, text  # a horizontal rule and a paragraph, not metadata
    fields: dict[str, str] = {}
    for key, value in metadata.items():
        field = ALIASES.get(str(key).lower(), str(key).lower())
        text_value = _as_text(value)
        if field in ARTICLE_FIELDS and text_value is not None:
            fields.setdefault(field, text_value)
    return fields, text[block.end():]
