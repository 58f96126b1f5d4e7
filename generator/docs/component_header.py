"""The route header of a component-dialect page: method, path, permission and security.

MDX:        <Endpoint url="/ver1/..." method="POST" permissions={<><Permission title="Permission"
            description="BOTS_WRITE" /><Permission title="Security" description="SIGNED" /></>} />
Early JSX:  <div className="main-container-endpoint"> ... <span className="endpoint-method">PATCH</span>
            <span className="endpoint-url">/ver1/...</span> ... <span className="permission-description">X</span>
"""

from __future__ import annotations

import re

from .jsx import Element, TextRun, parse_elements
from .markup import plain_text
from .model import Located, PageDoc

_SECURITY_WORDS = {"SIGNED", "NONE", "UNSIGNED", "PUBLIC"}


def read_endpoint(element: Element, page: PageDoc, problems: list[tuple[int, str]]) -> None:
    """Fill the page's route and permissions from an `<Endpoint>` element or an early-JSX header div."""
    if element.name == "Endpoint":
        _set(page, "method", element.attr("method"), element.line)
        _set(page, "path", element.attr("url") or element.attr("path"), element.line)
        permissions = element.attrs.get("permissions")
        if permissions is not None:
            inner, found = parse_elements(permissions.value, element.line)
            problems.extend(found)
            for permission in _all(inner, "Permission"):
                _permission(page, permission.attr("title"), permission.attr("description"), permission.line)
        return
    for span in _all(element, "span"):
        classes = span.attr("className").split()
        text = plain_text(span.text())
        if "endpoint-method" in classes:
            _set(page, "method", text, span.line)
        elif "endpoint-url" in classes:
            _set(page, "path", text, span.line)
        elif "permission-description" in classes:
            _permission(page, _label_near(element, span), text, span.line)


def _set(page: PageDoc, name: str, text: str, line: int) -> None:
    if text.strip() and getattr(page, name) is None:
        setattr(page, name, Located(text.strip(), line))


def _permission(page: PageDoc, title: str, value: str, line: int) -> None:
    """`title` says Permission or Security; without one, a word like SIGNED is the security."""
    value = plain_text(value)
    words = title.lower()
    is_security = "security" in words or ("permission" not in words and value.upper() in _SECURITY_WORDS)
    _set(page, "security" if is_security else "permission", value, line)


def _label_near(header: Element, span: Element) -> str:
    """The text before a permission span in its container, since the previous one: `Permission:`."""
    parent = _parent_of(header, span) or header
    label: list[str] = []
    for child in parent.children:
        if child is span:
            break
        if isinstance(child, Element) and "permission-description" in child.attr("className").split():
            label = []
        else:
            label.append(plain_text(child.text if isinstance(child, TextRun) else child.text()))
    return " ".join(label)


def _parent_of(root: Element, target: Element) -> Element | None:
    for child in root.elements():
        if child is target:
            return root
        found = _parent_of(child, target)
        if found is not None:
            return found
    return None


def _all(root: Element, name: str) -> list[Element]:
    found = []
    for child in root.elements():
        if child.name == name:
            found.append(child)
        found.extend(_all(child, name))
    return found
