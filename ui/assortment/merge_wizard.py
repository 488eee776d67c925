"""Arkiv > Ny gemensam analys…: merge several municipalities' lists into one joint workbook.

Page 1 picks the lists (:mod:`ui.assortment.merge_files`), page 2 where to save, page 3 runs
:func:`workbench.assortment.merge_lists` in the background (progress, cancel), page 4 shows what it did
and opens the joint workbook in the grid.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ui import tasks
from ui.assortment.merge_files import FilesPage
from ui.assortment.merge_result import MergeResultView
from ui.errors import error_text
from ui.file_dialogs import get_save_file_name
from workbench.errors import Cancelled
from workbench.settings import Settings

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from workbench.assortment import MergeReport

FILES_PAGE, TARGET_PAGE, RUN_PAGE, RESULT_PAGE = range(4)


class TargetPage(QWizardPage):
    """Page 2: the joint workbook to write (``Gemensam analys.xlsx`` beside the first list)."""

    def __init__(self, files: FilesPage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mergeTargetPage")
        self.files = files
        self._chosen = False  # the user picked or typed a path: keep it
        self.setTitle(self.tr("Where to save the joint analysis"))
        self.setSubTitle(self.tr("The joint workbook holds one row per article with every municipality's "
                                 "volumes, and the source rows behind them."))
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        caption = QLabel(self.tr("&Joint workbook:"))
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("targetEdit")
        caption.setBuddy(self.path_edit)
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.browse_button.setObjectName("browseTargetButton")
        self.browse_button.clicked.connect(self._on_browse_button_clicked)
        row.addWidget(caption)
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        layout.addLayout(row)
        self.note_label = QLabel()
        self.note_label.setObjectName("targetNote")
        self.note_label.setWordWrap(True)
        layout.addWidget(self.note_label)
        layout.addStretch(1)
        self.path_edit.textEdited.connect(self._on_path_edit_text_edited)
        self.path_edit.textChanged.connect(lambda _text: self._update_note())

    def initializePage(self) -> None:
        if not self._chosen and self.files.entries:
            folder = self.files.entries[0].path.parent
            self.path_edit.setText(str(folder / (self.tr("Joint analysis") + ".xlsx")))
        self._update_note()

    def set_target(self, path: Path) -> None:
        self._chosen = True
        self.path_edit.setText(str(path))

    def target(self) -> Path:
        path = Path(self.path_edit.text().strip())
        return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")

    def _on_path_edit_text_edited(self, _text: str) -> None:
        self._chosen = True

    def _on_browse_button_clicked(self) -> None:
        path, _filter = get_save_file_name(self, self.tr("Save the joint analysis as"), self.path_edit.text(),
                                           self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.set_target(Path(path))

    def _update_note(self) -> None:
        text = self.path_edit.text().strip()
        if not text:
            self.note_label.setText("")
        elif not self.target().parent.is_dir():
            self.note_label.setText(self.tr("The folder {folder} does not exist.").format(
                folder=str(self.target().parent)))
        elif self.target().exists():
            self.note_label.setText(self.tr("{file} exists: the lists are merged into it; its review "
                                            "values are kept.").format(file=self.target().name))
        else:
            self.note_label.setText(self.tr("A new joint workbook is created."))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.path_edit.text().strip()) and self.target().parent.is_dir()


class RunPage(QWizardPage):
    """Page 3: the merge in the background, with progress and cancel. Nothing is written when cancelled."""

    def __init__(self, wizard: MergeWizard) -> None:
        super().__init__(wizard)
        self.setObjectName("mergeRunPage")
        self._wizard = wizard
        self.task: tasks.Task | None = None
        self.report: MergeReport | None = None
        self._closed = False
        self.setTitle(self.tr("Merging"))
        self.setSubTitle(self.tr("The lists are read and their rows matched into joint articles. Nothing is "
                                 "saved until the merge is done."))
        self.setCommitPage(True)  # the result page cannot go back to a finished merge
        layout = QVBoxLayout(self)
        self.stage_label = QLabel()
        self.stage_label.setObjectName("mergeStage")
        self.stage_label.setWordWrap(True)
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("mergeProgress")
        buttons = QHBoxLayout()
        self.cancel_button = QPushButton(self.tr("&Cancel merge"))
        self.cancel_button.setObjectName("cancelMergeButton")
        self.cancel_button.clicked.connect(self.cancel)
        self.retry_button = QPushButton(self.tr("&Try again"))
        self.retry_button.setObjectName("retryMergeButton")
        self.retry_button.clicked.connect(self.start)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.retry_button)
        buttons.addStretch(1)
        layout.addWidget(self.stage_label)
        layout.addWidget(self.progress_bar)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.start()

    def cleanupPage(self) -> None:  # Back: a running merge stops
        self.cancel()

    def start(self) -> None:
        from workbench.assortment import merge_lists

        self.report = None
        sources = self._wizard.files_page.sources()
        target = self._wizard.target_page.target()
        language = self._wizard.language
        self.stage_label.setText(self.tr("Reading %n list(s)…", "", len(sources)))
        self.progress_bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self.retry_button.hide()

        def done(report: MergeReport) -> None:
            if self._closed or self.task is not task:
                return
            self.task, self.report = None, report
            self.progress_bar.setRange(0, 1)
            self.progress_bar.setValue(1)
            self.cancel_button.setEnabled(False)
            self.completeChanged.emit()
            self._wizard.next()

        def failed(error: BaseException) -> None:
            if self._closed or self.task is not task:
                return
            self.task = None
            self.progress_bar.setRange(0, 1)
            self.progress_bar.setValue(0)
            self.cancel_button.setEnabled(False)
            self.retry_button.show()
            if isinstance(error, Cancelled):
                self.stage_label.setText(self.tr("The merge was cancelled. Nothing was saved."))
            else:
                self.stage_label.setText(error_text(error, language))

        task = tasks.run_task(lambda progress: merge_lists(target, sources, lang=language, progress=progress),
                              on_success=done, on_failure=failed, on_progress=self._on_progress, lane="save",
                              owner=self)
        self.task = task
        self.completeChanged.emit()

    def _on_progress(self, done: int, total: int, stage: str) -> None:
        if self._closed:
            return
        if total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(done)
        texts = {"read": self.tr("Reading the lists…"), "match": self.tr("Matching the articles…"),
                 "write": self.tr("Saving the joint workbook…"), "done": self.tr("Done.")}
        self.stage_label.setText(texts.get(stage, self.tr("Merging…")))

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.stage_label.setText(self.tr("Cancelling…"))
            self.cancel_button.setEnabled(False)

    def stop(self) -> None:
        self.cancel()
        self._closed = True

    def isComplete(self) -> bool:
        return self.report is not None


class ResultPage(QWizardPage):
    """Page 4: what the merge did; "Open in the review" shows the joint workbook in the grid."""

    def __init__(self, wizard: MergeWizard) -> None:
        super().__init__(wizard)
        self.setObjectName("mergeResultPage")
        self._wizard = wizard
        self.setTitle(self.tr("The joint analysis"))
        self.setSubTitle(self.tr("How the municipalities' rows were matched. Look through the findings before "
                                 "the review."))
        layout = QVBoxLayout(self)
        self.view = MergeResultView()
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.open_button = QPushButton(self.tr("&Open in the review"))
        self.open_button.setObjectName("openJointButton")
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        row.addWidget(self.open_button)
        layout.addLayout(row)

    def initializePage(self) -> None:
        report = self._wizard.run_page.report
        if report is not None:
            self.view.show_report(report, self._wizard.language)

    def _on_open_button_clicked(self) -> None:
        report = self._wizard.run_page.report
        if report is not None:
            self._wizard.open_requested.emit(report.joint)
        self._wizard.accept()


class MergeWizard(QWizard):
    """The four pages; ``open_requested(path)`` asks the main window to open the joint workbook."""

    open_requested = Signal(object)

    def __init__(self, settings: Settings, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mergeWizard")
        self.settings = settings
        self.language = language
        self.setWindowTitle(self.tr("New joint analysis"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.files_page = FilesPage(settings, language, self)
        self.target_page = TargetPage(self.files_page, self)
        self.run_page = RunPage(self)
        self.result_page = ResultPage(self)
        for page_id, page in ((FILES_PAGE, self.files_page), (TARGET_PAGE, self.target_page),
                              (RUN_PAGE, self.run_page), (RESULT_PAGE, self.result_page)):
            self.setPage(page_id, page)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Show &result"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Close"))
        self.target_page.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Merge"))
        self.resize(940, 680)

    def done(self, result: int) -> None:
        self.files_page.stop()
        self.run_page.stop()
        super().done(result)


def open_merge_wizard(window: MainWindow, paths: list[Path] | None = None) -> MergeWizard:
    """Show the wizard over ``window`` (with ``paths`` already listed); it opens the result in the grid."""
    wizard = MergeWizard(window.settings, window.language, window)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.open_requested.connect(lambda path: window.request_open(Path(path)))
    if paths:
        wizard.files_page.add_files(paths)
    wizard.open()
    return wizard


