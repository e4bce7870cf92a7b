"""Clinic setup: the clinic config as a form for staff, built from the config's schema.

Every field is checked as it is edited, by the loader's own rules (app.domain.clinic_fields),
with what is wrong said beside it, naming it. Saving writes only what staff changed, through
app.clinic_config_file (tomlkit: comments and layout kept; checked again; atomic; 0600). It
says where the file lives and, when its folder is read-only, says so and does not offer to
save. Nothing here reads or writes patient data.
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from app.clinic_config_file import (
    ClinicConfigFile,
    ConfigEditError,
    ConfigRefused,
    folder_is_writable,
)
from app.domain.aftercare_text import AftercareText
from app.domain.clinic import MAX_LOGO_BYTES
from app.domain.clinic_fields import (
    ConfigField,
    before_fields,
    field_problems,
    section_fields,
    timing_fields,
)
from app.domain.clinic_location import default_clinic_config_path
from app.domain.content import Content
from app.domain.getting_ready import GettingReady
from app.domain.input_files import read_regular_file
from app.domain.schema import ProtocolError
from app.export.atomic import write_atomically
from app.fleet.startup import started_with
from app.paths import make_private_dirs
from app.render.content_provider import ContentProvider
from app.ui.screens.clinic_setup_editors import Editor
from app.ui.screens.clinic_setup_fields import make_editor, words_for
from app.ui.screens.clinic_setup_look import LogoEditor, free_name
from app.ui.screens.clinic_setup_pin import PinEditor
from app.ui.screens.page import add_label

log = logging.getLogger(__name__)


def config_path_for_setup(content: ContentProvider) -> Path:
    """The file the app loaded the clinic config from, else where it would look for one."""
    if content.clinic_config_path is not None:
        return content.clinic_config_path
    try:
        home = Path.home()
    except RuntimeError:  # no home folder known: only Windows has a path without one
        home = Path()
    return default_clinic_config_path(sys.platform, os.environ, home)


def _getting_ready(loaded: Content) -> GettingReady | None:
    """The pack's getting-ready list with its own timings, or None when it has none."""
    if loaded.pack.before is None:
        return None
    try:
        return loaded.pack.before.getting_ready()
    except ProtocolError:  # checked when the pack loaded; never expected here
        return None


@dataclass
class Row:
    field: ConfigField
    label: str
    editor: Editor
    problem: QLabel
    initial: object | None = None  # the editor's value as shown from the file: unchanged


class ClinicSetupForm(QWidget):
    """`saved(path)` after the file was written."""

    saved = Signal(object)

    def __init__(
        self,
        content: ContentProvider,
        path: Path,
        can_browse: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(QCoreApplication.translate("ClinicSetup", "Clinic setup"))
        self.path = path
        self._content = content
        loaded = content.content()
        self._rules = loaded.protocol.rule_ids
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.where = add_label(layout, "", "secondary")
        self.read_only = add_label(layout, "")
        self.read_only.setProperty("role", "caution-text")
        self.file_problem = add_label(layout, "")
        self.file_problem.setProperty("role", "caution-text")
        ready = _getting_ready(loaded)
        self._before_words = {item.id: item.text for item in ready.items} if ready else {}
        fields = {
            "clinic": [f for f in section_fields() if f.table == "clinic"],
            "protocol": timing_fields(loaded.protocol),
            "before": before_fields(ready) if ready else [],
            # The PIN last: it is the one field that is not a setting of the screen.
            "kiosk": sorted(
                (f for f in section_fields() if f.table == "kiosk"),
                key=lambda f: f.key == "pin_hash",
            ),
        }
        self.rows: dict[str, Row] = {}
        titles = {
            "clinic": QCoreApplication.translate("ClinicSetup", "The clinic"),
            "protocol": QCoreApplication.translate("ClinicSetup", "Aftercare timings"),
            "before": QCoreApplication.translate(
                "ClinicSetup", "Getting ready, before the treatment"
            ),
            "kiosk": QCoreApplication.translate("ClinicSetup", "The kiosk"),
        }
        for table, title in titles.items():
            if not fields[table]:
                continue
            add_label(layout, title, "h2")
            for field in fields[table]:
                self.rows[field.path] = self._add_row(layout, field, loaded.text, can_browse)
        self.save_button = QPushButton(
            QCoreApplication.translate("ClinicSetup", "Save the clinic setup")
        )
        self.save_button.setProperty("role", "primary")
        self.save_button.clicked.connect(self.save)
        layout.addSpacing(8)
        layout.addWidget(self.save_button)
        self.status = add_label(layout, "")
        self.status.hide()
        self.load()

    def _add_row(
        self, layout: QVBoxLayout, field: ConfigField, text: AftercareText, can_browse: bool
    ) -> Row:
        words = words_for(field, text, self._before_words)
        label = add_label(layout, words.label, "h3")
        editor = make_editor(field, words, self.path.parent, can_browse, self._content.regions())
        editor.setObjectName(f"clinicSetup-{field.path}")
        label.setBuddy(editor.focus_widget())
        layout.addWidget(editor)
        if words.help:
            add_label(layout, words.help, "secondary")
        problem = add_label(layout, "")
        problem.setProperty("role", "caution-text")
        problem.hide()
        row = Row(field, words.label, editor, problem)
        editor.edited.connect(lambda r=row: self._check(r, finished=False))
        return row

    # loading ------------------------------------------------------------------------------------

    def load(self) -> None:
        """Show the file as it is now: each value, and what is wrong with it."""
        self.status.hide()
        self.where.setText(
            QCoreApplication.translate("ClinicSetup", "The settings are kept in {path}").format(
                path=str(self.path)
            )
        )
        self.where.setAccessibleName(self.where.text())
        writable = folder_is_writable(self.path)
        self.read_only.setText(
            QCoreApplication.translate(
                "ClinicSetup",
                "The folder {folder} is read-only for this account, so the setup cannot be "
                "saved here. Ask whoever manages this computer to change it, or start the app "
                "with --clinic-config and a file you may change.",
            ).format(folder=str(self.path.parent))
        )
        started = started_with()
        if started is not None and started.bundle_version is not None:
            # A signed setup bundle's copy (docs/fleet.md): the next bundle would replace it.
            writable = False
            self.read_only.setText(
                QCoreApplication.translate(
                    "ClinicSetup",
                    "This computer's setup comes from setup bundle {version}, signed by the "
                    "clinic. Change it in the bundle and sign a new one; a change made here "
                    "would be replaced.",
                ).format(version=started.bundle_version)
            )
        self.read_only.setVisible(not writable)
        self.save_button.setEnabled(writable)
        self.file_problem.hide()
        try:
            self._file: ClinicConfigFile | None = ClinicConfigFile.open(self.path)
        except (ConfigEditError, OSError) as error:
            self._file = None
            self._tell_file(error)
            self.save_button.setEnabled(False)
            return
        for row in self.rows.values():
            row.editor.show_value(self._file.get(row.field.table, row.field.key))
            # Compared with what the editor shows, not the file: a box the file leaves out
            # shows unticked, a wrong type shows the default; untouched, neither is written.
            row.initial = None if isinstance(row.editor, PinEditor) else row.editor.value()
            self._check(row, finished=True)

    def _tell_file(self, error: Exception) -> None:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        self.file_problem.setText(
            QCoreApplication.translate(
                "ClinicSetup",
                "The settings file cannot be used here: {reason}. Fix it in a text editor.",
            ).format(reason=reason)
        )
        self.file_problem.show()

    # checking -----------------------------------------------------------------------------------

    def _check(self, row: Row, finished: bool) -> bool:
        """Say what is wrong with the row's value now, or nothing; True when it may be saved."""
        editor = row.editor
        if isinstance(editor, PinEditor):
            reason = editor.problem(finished)
            problems = [reason] if reason else []
        else:
            value = editor.value()
            source = self.path
            if isinstance(editor, LogoEditor) and editor.pending is not None:
                # The loader's rules, applied to the chosen file where it is now.
                source = editor.pending.parent / self.path.name
            problems = field_problems(row.field, value, source, self._rules)
            if isinstance(editor, LogoEditor):
                file = editor.source_file()
                editor.show_preview(file if value is not None and not problems else None)
        self._show_problems(row, problems)
        return not problems

    def _show_problems(self, row: Row, problems: list[str]) -> None:
        if not problems:
            row.problem.hide()
            return
        text = QCoreApplication.translate("ClinicSetup", "{field}: {problem}").format(
            field=row.label, problem="; ".join(problems)
        )
        row.problem.setText(text)
        row.problem.setAccessibleName(text)
        row.problem.show()

    def changed_rows(self) -> list[Row]:
        rows = []
        for row in self.rows.values():
            editor = row.editor
            if isinstance(editor, PinEditor):
                changed = editor.typed()
            else:
                pending = isinstance(editor, LogoEditor) and editor.pending is not None
                changed = pending or editor.value() != row.initial
            if changed:
                rows.append(row)
        return rows

    # saving -------------------------------------------------------------------------------------

    def save(self) -> bool:
        """Write what changed, if every changed field passes; say what happened."""
        if self._file is None:
            return False
        changed = self.changed_rows()
        wrong = [row for row in changed if not self._check(row, finished=True)]
        if wrong:
            wrong[0].editor.focus_widget().setFocus()
            names = ", ".join(row.label for row in wrong)
            self._say(
                QCoreApplication.translate("ClinicSetup", "Not saved: fix {fields} first.").format(
                    fields=names
                ),
                problem=True,
            )
            return False
        if not changed:
            self._say(QCoreApplication.translate("ClinicSetup", "Nothing has changed."))
            return True
        copied: Path | None = None  # a logo copied in for this save: removed if it fails
        try:
            # The file as it is now: what changed on disk since the form was filled (the
            # set-kiosk-pin command, a text editor) is kept; only staff's changes go on top.
            self._file = ClinicConfigFile.open(self.path)
            for row in changed:
                if isinstance(row.editor, LogoEditor) and row.editor.pending is not None:
                    copied = self._copy_logo(row.editor)
                self._file.set(row.field.table, row.field.key, row.editor.value())
            self._file.save(self._rules)
        except ConfigRefused as refused:
            self._undo(copied)
            for row in changed:
                mine = [p.message for p in refused.problems if p.field.startswith(row.field.path)]
                self._show_problems(row, mine)
            self._say(
                QCoreApplication.translate("ClinicSetup", "Not saved: {reason}").format(
                    reason=str(refused)
                ),
                problem=True,
            )
            return False
        except (ConfigEditError, OSError) as error:
            self._undo(copied)
            self._say(self._failure_words(error), problem=True)
            return False
        log.info("clinic setup saved (%d fields)", len(changed))
        self.load()
        self._say(
            QCoreApplication.translate("ClinicSetup", "Saved in {path}.").format(
                path=str(self.path)
            )
        )
        self.saved.emit(self.path)
        return True

    def _copy_logo(self, editor: LogoEditor) -> Path | None:
        """Copy the chosen logo next to the config (0600, atomically); the new file, or None
        when the same image was already there under that name."""
        assert editor.pending is not None
        data = read_regular_file(editor.pending, MAX_LOGO_BYTES, what="a logo")
        make_private_dirs(self.path.parent)
        name = free_name(self.path.parent, editor.pending.name, data)
        target = self.path.parent / name
        existed = target.exists()
        if not existed:
            write_atomically(target, data)
        editor.show_value(name)
        return None if existed else target

    def _undo(self, copied: Path | None) -> None:
        self.load_file_only()
        if copied is not None:
            copied.unlink(missing_ok=True)

    def load_file_only(self) -> None:
        """Forget unsaved edits in the document (the form keeps what staff typed)."""
        try:
            self._file = ClinicConfigFile.open(self.path)
        except (ConfigEditError, OSError) as error:
            self._tell_file(error)

    def _failure_words(self, error: Exception) -> str:
        if isinstance(error, PermissionError):
            return QCoreApplication.translate(
                "ClinicSetup",
                "Not saved: this account may not change {folder}. Ask whoever manages this "
                "computer, or use a settings file you may change.",
            ).format(folder=str(self.path.parent))
        if isinstance(error, OSError):
            return QCoreApplication.translate(
                "ClinicSetup", "Not saved: {reason}. Nothing was changed."
            ).format(reason=error.strerror or str(error))
        return QCoreApplication.translate("ClinicSetup", "Not saved: {reason}").format(
            reason=str(error)
        )

    def _say(self, text: str, problem: bool = False) -> None:
        self.status.setProperty("role", "caution-text" if problem else "secondary")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.status.setText(text)
        self.status.setAccessibleName(text)
        self.status.show()
