"""The questions My recovery asks before it does something the patient may not mean: each with
two buttons named by what they do, the safe one the default (Enter and Escape choose it)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject, Qt
from PySide6.QtWidgets import QWidget

from app.domain.series import CloseSession


@dataclass(frozen=True)
class Question:
    title: str
    text: str
    go_ahead: str  # the button that does it, named by what it does ("Delete session")
    go_back: str  # the safe answer, and the default ("Keep")


# (parent, question) -> True when the patient chose to go ahead
Confirm = Callable[[QWidget, Question], bool]


def ask(parent: QWidget, question: Question) -> bool:
    from PySide6.QtWidgets import QMessageBox  # when asked: screens load without it

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(question.title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(question.text)
    go_ahead = box.addButton(question.go_ahead, QMessageBox.ButtonRole.AcceptRole)
    go_back = box.addButton(question.go_back, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(go_back)
    box.setEscapeButton(go_back)
    box.exec()
    return box.clickedButton() is go_ahead


def delete_question(number: int) -> Question:
    return Question(
        QCoreApplication.translate("Questions", "Delete a session"),
        QCoreApplication.translate(
            "Questions", "Delete session {n}? Its checklist ticks and notes are deleted with it."
        ).format(n=number),
        QCoreApplication.translate("Questions", "Delete session"),
        QCoreApplication.translate("Questions", "Keep"),
    )


def _gap_words(days: int) -> str:
    if days == 0:
        return QCoreApplication.translate("Questions", "on the same day")
    if days == 1:
        return QCoreApplication.translate("Questions", "1 day later")
    if days == -1:
        return QCoreApplication.translate("Questions", "1 day earlier")
    if days > 0:
        return Questions().days_later(days)
    return Questions().days_earlier(-days)


class Questions(QObject):
    """Words with a count, in Qt's plural forms (%n): lupdate marks a message as plural only
    for tr() inside a class. Context "Questions", as the rest of this module."""

    def days_later(self, days: int) -> str:
        return self.tr("%n days later", "", days)

    def days_earlier(self, days: int) -> str:
        return self.tr("%n days earlier", "", days)


def close_session_question(close: CloseSession, changing: bool) -> Question:
    """ "You already have a session on Tue 3 Mar. Add another 1 day later?" """
    other = close.other.treated_at.astimezone(ZoneInfo(close.other.zone))
    day = QLocale().toString(QDate(other.year, other.month, other.day), "ddd d MMM")
    gap = _gap_words(close.days_apart)
    if changing:
        text = QCoreApplication.translate(
            "Questions", "You already have a session on {day}. Put this one {gap}?"
        )
        go_ahead = QCoreApplication.translate("Questions", "Change it")
    else:
        text = QCoreApplication.translate(
            "Questions", "You already have a session on {day}. Add another {gap}?"
        )
        go_ahead = QCoreApplication.translate("Questions", "Add it")
    return Question(
        QCoreApplication.translate("Questions", "Sessions close together"),
        text.format(day=day, gap=gap),
        go_ahead,
        QCoreApplication.translate("Questions", "Go back"),
    )
