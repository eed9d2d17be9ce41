"""Template tags for GOV.UK components.

``{% govuk "button" text="Save" %}`` renders ``govuk/components/button.html`` with ``params`` set
to the keyword arguments, named exactly as the GOV.UK Frontend Nunjucks macro options
(``macro-options.json``), so a component's fixtures can be rendered and compared as they are.
``params=some_dict`` passes a whole options dictionary, and keyword arguments override its keys.

The component templates are ports of upstream ``template.njk`` files. Nunjucks follows
JavaScript's rules (``undefined`` differs from ``null`` and ``""``, ``[]`` and ``{}`` are truthy,
``true`` prints as ``true``), and the upstream logic leans on them, so the options are wrapped in
:class:`Obj` / :class:`Arr` with :data:`UNDEFINED` / :data:`NULL` sentinels that behave the same
way in the Django template language. The small tags below (``setvar``, ``concat``, ``obj``,
``capture``...) stand in for Nunjucks ``set``, string ``+``, object literals and ``caller()``,
which DTL does not have.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from django import template
from django.template.loader import get_template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


class _Nothing:
    """JavaScript ``undefined`` / ``null``: falsy, prints nothing, and any lookup on it gives
    ``undefined``."""

    def __init__(self, js: str) -> None:
        self.js = js

    def __bool__(self) -> bool:
        return False

    def __str__(self) -> str:
        return ""

    def __repr__(self) -> str:
        return self.js

    def __getitem__(self, key: Any) -> _Nothing:
        return UNDEFINED

    def __iter__(self) -> Iterator[Any]:
        return iter(())

    def __len__(self) -> int:
        return 0

    def __contains__(self, item: Any) -> bool:
        return False


UNDEFINED = _Nothing("undefined")
NULL = _Nothing("null")


class Obj(dict[str, Any]):
    """A JavaScript object: always truthy, and a missing key is ``undefined``, not an error."""

    def __missing__(self, key: str) -> _Nothing:
        return UNDEFINED

    def __bool__(self) -> bool:
        return True


class Arr(list[Any]):
    """A JavaScript array: always truthy, with ``.length``."""

    def __bool__(self) -> bool:
        return True

    @property
    def length(self) -> int:
        return len(self)


def js(value: Any) -> Any:
    """Wrap plain Python data (parsed JSON, or options built in Python) in JavaScript-like types."""
    if isinstance(value, Obj | Arr | _Nothing):
        return value
    if value is None:
        return NULL
    if isinstance(value, Mapping):
        return Obj({str(k): js(v) for k, v in value.items()})
    if isinstance(value, list | tuple):
        return Arr(js(v) for v in value)
    return value


def js_str(value: Any) -> str:
    """How JavaScript turns a value into a string (``true``, ``2`` for ``2.0``, ``undefined``)."""
    if isinstance(value, _Nothing):
        return value.js
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _is_nothing(value: Any) -> bool:
    return isinstance(value, _Nothing) or value is None


@register.simple_tag
def govuk(component: str, /, params: Any = None, **kwargs: Any) -> SafeString:
    options = Obj(js(params)) if isinstance(params, Mapping) else Obj()
    options.update({k: js(v) for k, v in kwargs.items()})
    # Rendered without the request on purpose: components need no context processors, and nested
    # components would otherwise run them all again for every label and hint.
    return mark_safe(get_template(f"govuk/components/{component}.html").render({"params": options}))


@register.simple_tag
def govuk_field(bound_field: Any) -> SafeString:
    """One form field as its GOV.UK component (see :mod:`preventhub.core.forms`)."""
    # Imported here: core.forms is application code, and template tag modules load early.
    from preventhub.core.forms import fallback_context, field_component

    component = field_component(bound_field)
    if component is None:
        return mark_safe(
            get_template("govuk/forms/fallback.html").render(fallback_context(bound_field))
        )
    return govuk(component[0], component[1])


# -- Stand-ins for Nunjucks expressions ------------------------------------------------------------


@register.simple_tag
def setvar(value: Any) -> Any:
    """``{% setvar expr as name %}``: Nunjucks ``{% set name = expr %}``, scoped to the block."""
    return value


@register.simple_tag
def concat(*parts: Any) -> str:
    """``{% concat a "-" b as name %}``: JavaScript string ``+``."""
    return "".join(js_str(p) for p in parts)


@register.simple_tag
def add_id(described_by: Any, new_id: Any) -> str:
    """Upstream's ``describedBy + ' ' + id if describedBy else id``, chaining aria-describedby."""
    return f"{js_str(described_by)} {js_str(new_id)}" if described_by else js_str(new_id)


@register.simple_tag
def obj(**kwargs: Any) -> Obj:
    """``{% obj text=x classes="y" as label %}``: a Nunjucks object literal."""
    return Obj({k: js(v) for k, v in kwargs.items()})


@register.simple_tag
def setkey(target: Obj, key: str, value: Any) -> str:
    """``{% setkey state "key" value %}``: for a value set inside a loop and read after it, which
    Nunjucks allows and DTL's block-scoped variables do not."""
    target[key] = js(value)
    return ""


@register.simple_tag
def arr(*items: Any) -> Arr:
    return Arr(js(i) for i in items)


@register.simple_block_tag
def capture(content: str) -> SafeString:
    """``{% capture as name %}...{% endcapture %}``: Nunjucks ``{% set name %}...{% endset %}``
    and ``caller()``."""
    return mark_safe(content)


@register.filter
def njk_default(value: Any, fallback: Any) -> Any:
    """Nunjucks ``default(fallback)`` without ``true``: replaces only ``undefined`` (DTL's
    ``default`` replaces anything falsy)."""
    return fallback if value is UNDEFINED else value


@register.filter(name="js")
def js_filter(value: Any) -> str:
    """A value printed as Nunjucks prints it: ``true``/``false``, nothing for undefined/null."""
    if isinstance(value, _Nothing):
        return ""
    return js_str(value)


@register.filter
def is_undefined(value: Any) -> bool:
    return value is UNDEFINED


@register.filter
def is_bool(value: Any) -> bool:
    return isinstance(value, bool)


@register.filter
def trim(value: Any) -> str:
    return js_filter(value).strip()


@register.filter
def capitalize(value: Any) -> str:
    """Nunjucks ``capitalize``: first letter upper case, the rest lower case."""
    return js_filter(value).capitalize()


@register.filter
def contains(haystack: Any, needle: Any) -> bool:
    """Nunjucks ``needle in haystack``: substring for strings, strict membership for arrays."""
    if isinstance(haystack, str):
        return js_str(needle) in haystack
    if isinstance(haystack, list):
        return any(item == needle and type(item) is type(needle) for item in haystack)
    return False


@register.filter
def loose_eq(a: Any, b: Any) -> bool:
    """JavaScript ``==`` as far as the components need it: ``undefined == null``, ``1 == "1"``."""
    if _is_nothing(a) or _is_nothing(b):
        return _is_nothing(a) and _is_nothing(b)
    if type(a) is type(b):
        return bool(a == b)
    return js_str(a) == js_str(b)


@register.filter
def get_item(mapping: Any, key: Any) -> Any:
    if isinstance(mapping, Mapping):
        return mapping.get(key, UNDEFINED) if isinstance(mapping, Obj) else mapping.get(key)
    return UNDEFINED


# -- Upstream macros -------------------------------------------------------------------------------


def _attribute(name: str, value: Any, *, optional: bool) -> str:
    escaped = "" if _is_nothing(value) else escape(js_str(value))
    if optional and value is True:
        return f" {escape(name)}"
    if not optional or not (_is_nothing(value) or value is False):
        return f' {escape(name)}="{escaped}"'
    return ""


@register.filter
def attr(value: Any, name: str) -> SafeString:
    """``{{ id|attr:"id" }}``: a ``govukAttributes`` entry, always rendered (empty if undefined)."""
    return mark_safe(_attribute(name, value, optional=False))


@register.filter
def opt_attr(value: Any, name: str) -> SafeString:
    """``{{ params.value|opt_attr:"value" }}``: a ``govukAttributes`` entry, ``optional: true``."""
    return mark_safe(_attribute(name, value, optional=True))


@register.filter
def govuk_attributes(attributes: Any) -> SafeString:
    """Port of ``govukAttributes`` (macros/attributes.njk): a string passes through as it is; a
    mapping renders ``name="value"`` pairs, where ``{"value": v, "optional": True}`` drops empty
    values and renders ``true`` as a bare boolean attribute."""
    if isinstance(attributes, str):
        return mark_safe(attributes)
    if not isinstance(attributes, Mapping):
        return mark_safe("")
    html = []
    for name, item in attributes.items():
        options = item if isinstance(item, Mapping) else {"value": item}
        html.append(
            _attribute(
                name, options.get("value", UNDEFINED), optional=options.get("optional") is True
            )
        )
    return mark_safe("".join(html))


@register.simple_tag
def i18n_attributes(key: str, message: Any = None, messages: Any = None) -> SafeString:
    """Port of ``govukI18nAttributes`` (macros/i18n.njk): ``data-i18n.<key>[.<plural rule>]``
    attributes."""
    if messages:
        return mark_safe(
            "".join(
                f' data-i18n.{key}.{rule}="{escape(js_str(text))}"'
                for rule, text in messages.items()
            )
        )
    if message:
        return mark_safe(f' data-i18n.{key}="{escape(js_str(message))}"')
    return mark_safe("")
