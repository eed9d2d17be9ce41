"""Filters for text in the one format of ``core/text.py``: ``{{ minute.discussion|text_blocks }}``
gives the blocks ``text/blocks.html`` renders; ``|text_points`` the points of a minute."""

from __future__ import annotations

from django import template

from preventhub.core.text import Block, blocks, numbered_first, points, strip_number

register = template.Library()


@register.filter
def text_blocks(text: str) -> list[Block]:
    return blocks(text)


@register.filter
def text_points(text: str) -> list[str]:
    return points(text)


@register.filter
def resolution_blocks(text: str, number: str) -> list[Block]:
    """A resolution's text with its number ("1.") on its first paragraph, printed once even when
    the author typed it too."""
    return numbered_first(blocks(strip_number(text, number)), f"{number}.")
