"""A text document's structure for assistive technology: headings, paragraphs, lists and list
items, pictures by their alt text, links, and the warning-level boxes as named groups.

Qt gives a QTextBrowser one flat text object, so a screen reader cannot jump from heading to
heading or hear "list, 4 items". `DocumentView` is the browser's accessible interface instead
(made by app.ui.accessible's factory for a browser with the "structuredDocument" property),
with one virtual child per block, read from the document the browser shows. The browser keeps
drawing, scrolling and following links (Tab and Enter) itself.

Qt's accessibility cache keeps a pointer to every interface a screen reader has asked about,
and deletes those still there when the application ends. A virtual child made in Python must
therefore outlive Qt's use of it and leave the cache before Python frees it: each set of
children is kept until the browser shows another document or is destroyed, then taken out of
the cache (QAccessible.deleteAccessibleInterface) and only then let go.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QPoint, QRect, QRectF
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QAccessibleInterface,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QWindow,
)
from PySide6.QtWidgets import QAccessibleWidget, QTextBrowser

from app.ui.accessible import STRUCTURED as STRUCTURED  # screen_view asks for it from here

Role = QAccessible.Role
OBJECT_CHARACTER = "\ufffc"  # where a picture sits in a block's text
ALT_PROPERTY = "illustrationAlt"  # the browser's words for its own illustration


@dataclass
class Part:
    """One item of the structure, before it becomes an interface (plain data, for tests)."""

    role: QAccessible.Role
    name: str
    first: int = 0  # the first and last character positions it covers, for its rectangle
    last: int = 0
    children: list[Part] = field(default_factory=list)


def _picture_names(block: QTextBlock, illustration: tuple[str, str]) -> list[str]:
    """The alt text of each picture in `block` that has one; a picture without words (a level's
    icon beside its word) is left out of what is read."""
    names = []
    iterator = block.begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        fmt = fragment.charFormat()
        if fmt.isImageFormat():
            image = fmt.toImageFormat()
            alt = image.stringProperty(QTextFormat.Property.ImageAltText)
            if image.name() == illustration[0]:
                alt = illustration[1]
            if alt.strip():
                names.append(alt.strip())
        iterator += 1
    return names


def _links(block: QTextBlock) -> list[Part]:
    links = []
    iterator = block.begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        fmt = fragment.charFormat()
        if fmt.isAnchor() and fragment.text().strip():
            end = fragment.position() + fragment.length()
            links.append(Part(Role.Link, fragment.text().strip(), fragment.position(), end))
        iterator += 1
    return links


def document_parts(document: QTextDocument, illustration: tuple[str, str] = ("", "")) -> list[Part]:
    """The structure of `document` in reading order. `illustration` is the address of a picture
    the document holds and the words that describe it."""
    top: list[Part] = []
    root = document.rootFrame()
    groups: dict[int, Part] = {}  # a frame (a level's box), by its first position
    lists: dict[int, tuple[Part, int]] = {}  # a list by its first block: its part, its depth
    block = document.begin()
    while block.isValid():
        start, end = block.position(), block.position() + max(block.length() - 1, 0)
        frame = QTextCursor(block).currentFrame()
        into = top
        if frame is not None and frame != root:
            key = frame.firstPosition()
            if key not in groups:  # the box's first block is its level's word: its name
                word = block.text().replace(OBJECT_CHARACTER, "").strip()
                groups[key] = Part(Role.Grouping, word, frame.firstPosition(), frame.lastPosition())
                top.append(groups[key])
                block = block.next()
                continue
            into = groups[key].children
        text = block.text().replace(OBJECT_CHARACTER, "").strip()
        listed = block.textList()
        if listed is not None and text:
            item = Part(Role.ListItem, text, start, end, _links(block))
            first = listed.item(0).position()
            if first not in lists:
                depth = listed.format().indent()
                whole = Part(Role.List, "", start, end)
                # A deeper list belongs to the item above it, as in HTML.
                outer = [(part, d) for part, d in lists.values() if d < depth and part.children]
                if outer and outer[-1][0].last >= start - 1:
                    outer[-1][0].children[-1].children.append(whole)
                else:
                    into.append(whole)
                lists[first] = (whole, depth)
            whole = lists[first][0]
            whole.children.append(item)
            whole.last = end
            for part, _depth in lists.values():  # an outer list spans its inner ones
                if part.first <= start:
                    part.last = max(part.last, end)
        elif block.blockFormat().headingLevel() and text:
            into.append(Part(Role.Heading, text, start, end))
        elif text:
            into.append(Part(Role.Paragraph, text, start, end, _links(block)))
        for alt in _picture_names(block, illustration):
            into.append(Part(Role.Graphic, alt, start, end))
        block = block.next()
    return top


class _Node(QAccessibleInterface):
    """A virtual child: a heading, paragraph, list, list item, picture, link or box.

    (Qt's C++ answers "none" with a null pointer where PySide6's stubs say an interface is
    always returned: hence the ignored overrides.)"""

    def __init__(self, owner: DocumentView, part: Part, parent: QAccessibleInterface) -> None:
        super().__init__()
        self._owner = owner
        self._part = part
        self._parent = parent
        self._children = [_Node(owner, child, self) for child in part.children]

    def isValid(self) -> bool:
        return self._owner.alive

    def object(self) -> QObject | None:  # type: ignore[override]
        return None

    def window(self) -> QWindow | None:  # type: ignore[override]
        return self._owner.window()

    def relations(
        self, match: QAccessible.RelationFlag = QAccessible.RelationFlag.AllRelations
    ) -> list[tuple[QAccessibleInterface, QAccessible.RelationFlag]]:
        return []

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return next((c for c in self._children if c.rect().contains(x, y)), None)

    def parent(self) -> QAccessibleInterface:
        return self._parent

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        if 0 <= index < len(self._children):
            return self._owner.handed(self._children[index])
        return None

    def childCount(self) -> int:
        return len(self._children)

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        return next((i for i, c in enumerate(self._children) if c is child), -1)

    def text(self, kind: QAccessible.Text) -> str:
        return self._part.name if kind == QAccessible.Text.Name else ""

    def setText(self, kind: QAccessible.Text, text: str) -> None:
        pass  # read-only

    def rect(self) -> QRect:
        return self._owner.span_rect(self._part.first, self._part.last)

    def role(self) -> QAccessible.Role:
        return self._part.role

    def state(self) -> QAccessible.State:
        state = QAccessible.State()
        state.readOnly = True
        # Not "showing" while the browser is hidden (another area open), nor when scrolled out
        # of its view: a reader's "what is on screen" then matches the screen.
        state.invisible = not self._owner.shown()
        state.offscreen = state.invisible or not self._owner.in_view(self.rect())
        return state

    def nodes(self) -> list[_Node]:
        return [self, *(n for c in self._children for n in c.nodes())]


class DocumentView(QAccessibleWidget):
    """The browser as a document whose children are its structure (see the module's text)."""

    def __init__(self, browser: QTextBrowser) -> None:
        super().__init__(browser, Role.Document)
        self._browser = browser
        self._document: QTextDocument | None = None
        self._generation = -1
        self._children: list[_Node] = []
        self._handed: set[int] = set()  # ids of nodes given to Qt, so in its cache
        self.alive = True
        browser.destroyed.connect(self._forget)

    # the structure ----------------------------------------------------------------------------

    def _current(self) -> list[_Node]:
        generation = int(self._browser.property("documentGeneration") or 0)
        document = self._browser.document()
        if generation != self._generation or document is not self._document:
            self._forget_nodes()
            self._generation, self._document = generation, document
            alt = str(self._browser.property(ALT_PROPERTY) or "")
            address = str(self._browser.property("illustrationAddress") or "")
            parts = document_parts(document, (address, alt))
            self._children = [_Node(self, part, self) for part in parts]
        return self._children

    def handed(self, node: _Node) -> _Node:
        self._handed.add(id(node))
        return node

    def _forget_nodes(self) -> None:
        every = [n for c in self._children for n in c.nodes()]
        for node in every:
            if id(node) in self._handed:
                QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(node))
        self._handed.clear()
        self._children = []

    def _forget(self) -> None:
        self.alive = False
        self._forget_nodes()

    def shown(self) -> bool:
        return self.alive and self._browser.isVisible()

    def in_view(self, rect: QRect) -> bool:
        viewport = self._browser.viewport()
        seen = QRect(viewport.mapToGlobal(QPoint(0, 0)), viewport.size())
        return seen.intersects(rect)

    def span_rect(self, first: int, last: int) -> QRect:
        """Where characters `first` to `last` are on the screen now."""
        if not self.alive:
            return QRect()
        document = self._browser.document()
        layout = document.documentLayout()
        area = QRectF()
        block = document.findBlock(first)
        while block.isValid() and block.position() <= last:
            area = area.united(layout.blockBoundingRect(block))
            block = block.next()
        offset = QPoint(
            self._browser.horizontalScrollBar().value(), self._browser.verticalScrollBar().value()
        )
        local = area.toAlignedRect().translated(-offset)
        viewport = self._browser.viewport()
        return QRect(viewport.mapToGlobal(local.topLeft()), local.size())

    # QAccessibleInterface -----------------------------------------------------------------------

    def childCount(self) -> int:
        return len(self._current())

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        children = self._current()
        return self.handed(children[index]) if 0 <= index < len(children) else None

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        return next((i for i, c in enumerate(self._current()) if c is child), -1)

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]
        found = next((c for c in self._current() if c.rect().contains(x, y)), None)
        return self.handed(found) if found is not None else None


def document_changed(browser: QTextBrowser) -> None:
    """Call after `browser` shows a new document: its structure is read again, and a screen
    reader that is listening is told."""
    generation = int(browser.property("documentGeneration") or 0) + 1
    browser.setProperty("documentGeneration", generation)
    if QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleEvent(browser, QAccessible.Event.ObjectReorder))
