from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.warnings import Level
from app.render.content_provider import ContentProvider, builtin_pack_folder
from app.ui.main_window import MainWindow
from app.ui.preferences import Preferences
from app.ui.screens.learn import LearnArea
from app.ui.screens.screen_view import ScreenView
from app.ui.screens.warning_signs import WarningSignsArea
from app.ui.theme import LIGHT, TEXT_STEPS, stylesheet


def _learn(qtbot: QtBot, content: ContentProvider) -> LearnArea:
    area = LearnArea(content)
    qtbot.addWidget(area)
    area.resize(1000, 700)
    area.show()
    return area


def test_first_screen_shows_with_progress(qtbot: QtBot, content: ContentProvider) -> None:
    area = _learn(qtbot, content)
    assert not content.content().problems  # the built-in pack is clean
    total = len(content.content().pack.screens)
    assert area.current_screen_id() == "what-is-microneedling"
    assert area.progress.text() == f"1 of {total}"
    assert "What is microneedling?" in area.view.toPlainText()
    assert not area.back_button.isEnabled()


def test_next_and_back_move_one_screen_and_stop_at_the_ends(
    qtbot: QtBot, content: ContentProvider
) -> None:
    area = _learn(qtbot, content)
    ids = [s.meta.id for s in content.content().pack.screens]
    qtbot.mouseClick(area.next_button, Qt.MouseButton.LeftButton)
    assert area.current_screen_id() == ids[1]
    assert area.progress.text().startswith("2 of")
    qtbot.mouseClick(area.back_button, Qt.MouseButton.LeftButton)
    assert area.current_screen_id() == ids[0]
    area.go_to_index(len(ids) - 1)
    # The end of Learn offers to set up your recovery instead of a Next that goes nowhere.
    assert area.next_button.text() == "Set up your recovery"
    asked: list[bool] = []
    area.set_up_recovery.connect(lambda: asked.append(True))
    area.next()
    assert area.current_screen_id() == ids[-1] and asked == [True]


def test_alt_arrows_page_through_screens(qtbot: QtBot, content: ContentProvider) -> None:
    area = _learn(qtbot, content)
    with qtbot.waitActive(area):  # shortcuts only fire in the active window
        area.activateWindow()
    area.view.setFocus()
    qtbot.keyClick(area.view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert area.progress.text().startswith("2 of")
    qtbot.keyClick(area.view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert area.progress.text().startswith("1 of")


def test_contents_lists_every_screen_and_opens_the_one_chosen(
    qtbot: QtBot, content: ContentProvider
) -> None:
    area = _learn(qtbot, content)
    area.show_contents()
    screens = content.content().pack.screens
    assert area.contents_list.count() == len(screens)
    assert area.pages.currentIndex() == 1
    area.contents_list.setCurrentRow(6)
    qtbot.keyClick(area.contents_list, Qt.Key.Key_Return)
    assert area.current_screen_id() == screens[6].meta.id
    assert area.pages.currentIndex() == 0


def test_a_link_to_another_screen_opens_it(qtbot: QtBot, content: ContentProvider) -> None:
    area = _learn(qtbot, content)
    area.view.anchorClicked.emit(QUrl("screen:warning-signs"))
    assert area.current_screen_id() == "warning-signs"


def test_protocol_timings_fill_the_prose(qtbot: QtBot, content: ContentProvider) -> None:
    area = _learn(qtbot, content)
    area.open_screen("first-days-after")
    text = area.view.toPlainText()
    assert "{{" not in text
    assert "30 hours" in text  # the test pack's makeup timing (protocol.toml), not typed in prose


def test_illustration_is_drawn_and_described(qtbot: QtBot, content: ContentProvider) -> None:
    area = _learn(qtbot, content)
    screen = content.content().pack.screen("what-is-microneedling")
    assert screen is not None and screen.meta.illustration_alt
    assert screen.meta.illustration_alt in area.view.accessibleDescription()
    image = area.view.document().resource(
        QTextDocument.ResourceType.ImageResource.value, QUrl("mnc-illustration:current")
    )
    assert image is not None and not image.isNull()


def test_nothing_outside_the_document_is_ever_loaded(qtbot: QtBot) -> None:
    view = ScreenView(lambda _id: None)
    qtbot.addWidget(view)
    kind = QTextDocument.ResourceType.ImageResource.value
    assert view.loadResource(kind, QUrl("https://example.com/tracker.png")) is None
    assert view.loadResource(kind, QUrl.fromLocalFile("/etc/passwd")) is None


def test_text_follows_the_text_size_setting(
    qtbot: QtBot, window: MainWindow, prefs: Preferences
) -> None:
    learn = window.area_widget("learn")
    assert isinstance(learn, LearnArea)
    assert learn.view.document().defaultFont().pixelSize() == TEXT_STEPS[0]
    prefs.set_text_step(3)  # what the Settings screen does
    assert learn.view.document().defaultFont().pixelSize() == TEXT_STEPS[3]
    assert learn.current_screen_id() == "what-is-microneedling"  # still on the same screen


def test_learn_area_waits_for_the_pack_then_shows_it(qtbot: QtBot) -> None:
    provider = ContentProvider()
    area = _learn(qtbot, provider)
    assert area.current_screen_id() == ""
    provider.load()
    assert area.current_screen_id() == "what-is-microneedling"


def test_broken_pack_falls_back_to_the_built_in_one_and_says_what_is_wrong(
    qtbot: QtBot, tmp_path: Path
) -> None:
    broken = tmp_path / "clinic-pack"
    shutil.copytree(builtin_pack_folder(), broken)
    (broken / "pack.toml").write_text('id = "x"\ntitle = [broken', encoding="utf-8")
    provider = ContentProvider(broken)
    area = _learn(qtbot, provider)
    provider.load()
    assert provider.content().used_fallback
    summary = provider.problem_summary()
    assert str(broken) in summary and "pack.toml" in summary
    area.show_contents()
    assert area.problems_box.isVisible()
    assert area.current_screen_id() == "what-is-microneedling"  # the built-in pack is shown


def test_broken_protocol_in_a_pack_also_falls_back(tmp_path: Path) -> None:
    broken = tmp_path / "clinic-pack"
    shutil.copytree(builtin_pack_folder(), broken)
    (broken / "protocol.toml").write_text("format = 1\n[rules.makeup]\namount = -3\n")
    provider = ContentProvider(broken)
    provider.load()
    assert provider.content().used_fallback
    assert "protocol.toml" in provider.problem_summary()


def test_warning_signs_put_the_emergency_section_first_in_emergency_colours(
    qtbot: QtBot, content: ContentProvider
) -> None:
    area = WarningSignsArea(content, lambda: LIGHT, lambda _id: None)
    qtbot.addWidget(area)
    area.show()
    text = area.view.toPlainText()
    emergency = text.index(content.level_words(Level.EMERGENCY).title)
    assert emergency < text.index(content.level_words(Level.CALL_TODAY).title)
    frames = area.view.document().rootFrame().childFrames()
    assert frames, "the emergency section is boxed"
    assert frames[0].frameFormat().background().color().name().upper() == LIGHT.emergency_bg


def test_a_new_language_is_a_folder_away(qtbot: QtBot, tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(builtin_pack_folder(), pack)
    shutil.copytree(pack / "en", pack / "fr")
    first = next((pack / "fr" / "screens").glob("01-*.md"))
    first.write_text(
        first.read_text(encoding="utf-8").replace(
            'title = "What is microneedling?"', 'title = "Qu\'est-ce que le microneedling ?"'
        ),
        encoding="utf-8",
    )
    meta = pack / "pack.toml"
    meta.write_text(
        meta.read_text(encoding="utf-8").replace(
            'languages = ["en", "es"]', 'languages = ["en", "es", "fr"]'
        ),
        encoding="utf-8",
    )
    french = ContentProvider(pack, language="fr")
    area = _learn(qtbot, french)
    french.load()
    assert not french.content().problems
    assert "Qu'est-ce que le microneedling ?" in area.view.toPlainText()
    # The built-in pack is in Spanish too.
    spanish = ContentProvider(language="es")
    spanish.load()
    assert spanish.content().pack.language == "es" and not spanish.content().problems
    # A language the pack does not have falls back to its first one, not to an error.
    german = ContentProvider(pack, language="de")
    german.load()
    assert german.content().pack.language == "en" and not german.content().used_fallback
    assert not german.content().problems
    system_c_locale = ContentProvider(language="C")
    system_c_locale.load()
    assert not system_c_locale.content().problems


def test_nav_bar_goes_to_two_rows_rather_than_clip(qtbot: QtBot, content: ContentProvider) -> None:
    area = _learn(qtbot, content)
    area.resize(1000, 700)
    qtbot.waitUntil(lambda: area.bar.two_rows is False)
    area.resize(300, 500)
    qtbot.waitUntil(lambda: area.bar.two_rows is True)
    for button in (area.back_button, area.contents_button, area.next_button):
        assert button.width() >= button.sizeHint().width(), button.text()


def test_rail_keeps_its_labels_at_the_largest_text_and_goes_compact_only_when_very_narrow(
    qtbot: QtBot, window: MainWindow, prefs: Preferences
) -> None:
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.rail.item(0).text() == "Learn")
    prefs.set_text_step(3)
    window.resize(1281, 800)  # the offscreen screen is small; a resize refits the rail
    qtbot.waitUntil(lambda: window.rail.property("compact") is False)
    assert [window.rail.item(i).text().replace("\n", " ") for i in range(5)] == [
        "Learn",
        "My recovery",
        "Warning signs",
        "Settings",
        "About",
    ]
    window.resize(800, 600)  # labels still there: wrapped onto two lines where they must be
    qtbot.waitUntil(lambda: window.rail.item(0).text() == "Learn")
    assert window.rail.property("compact") is False
    window.resize(640, 480)
    qtbot.waitUntil(lambda: window.rail.item(0).text() == "")
    assert window.rail.item(0).toolTip() == "Learn"
    assert window.rail.item(0).data(Qt.ItemDataRole.AccessibleTextRole) == "Learn"
    assert window.rail.property("compact") is True


def test_learn_body_lines_are_one_and_a_half_times_the_text_size_apart(
    qtbot: QtBot, content: ContentProvider, app_style: QApplication
) -> None:
    for step, px in enumerate(TEXT_STEPS):
        app_style.setStyleSheet(stylesheet("light", step))
        area = _learn(qtbot, content)
        area.refresh()
        document = area.view.document()
        gaps = []
        block = document.begin()
        while block.isValid():
            layout = block.layout()
            if not block.blockFormat().headingLevel() and layout.lineCount() > 1:
                gaps.append(layout.lineAt(1).y() - layout.lineAt(0).y())
            block = block.next()
        assert gaps, "the first screen has a paragraph of more than one line"
        assert all(abs(gap - 1.5 * px) <= 1 for gap in gaps), (px, gaps)
