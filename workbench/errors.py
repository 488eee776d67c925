"""Typed errors of the core.

Every error carries the file it concerns and the problem as data (a message code plus parameters), so
that the CLI and the GUI can word it in the user's language from one catalogue
(:mod:`workbench.messages`). Each class also inherits the matching built-in exception, so generic
handlers (``except OSError``) keep working.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from workbench.messages import Problem


class WorkbenchError(Exception):
    """Base of every error the core raises on purpose.

    ``code`` names the entry in the message catalogue; ``params`` fill its placeholders; ``path`` is
    the file concerned (may be ``None`` for errors that concern no file).
    """

    code: ClassVar[str] = "error"
    exit_code: ClassVar[int] = 2

    def __init__(self, path: str | Path | None = None, detail: str | Problem = "", **params: Any) -> None:
        self.path = Path(path) if path is not None else None
        self.detail = detail
        self.params: dict[str, Any] = dict(params)
        super().__init__(self.message("en"))

    def message(self, lang: str = "sv") -> str:
        """The full user message in ``lang`` ("sv" or "en"), naming the file and the problem.

        ``params["problems"]`` (lines under the message) are problems (:class:`~workbench.messages.Problem`),
        worded in ``lang``, or plain text; the first :data:`LISTED_PROBLEMS` are listed and the rest
        (with ``params["more_problems"]``, problems the raiser did not even list) counted.
        """
        from workbench.messages import CATALOGUE, Problem, text

        file_text = str(self.path) if self.path is not None else text("no_file", lang)
        detail = self.detail.render(lang) if isinstance(self.detail, Problem) else self.detail
        params = {**self.params, "file": file_text, "detail": detail}
        code = self.code if self.code in CATALOGUE else "error"
        message = text(code, lang, **params)
        if detail and "{detail}" not in CATALOGUE[code][0]:
            message += f" ({detail})"
        problems = list(self.params.get("problems") or ())
        if problems:
            # a file with 100,000 bad values is one message of a screenful, not 100,000 lines
            shown = problems[:LISTED_PROBLEMS]
            message += "\n" + "\n".join(f"  - {p.render(lang) if isinstance(p, Problem) else p}" for p in shown)
            more = len(problems) - len(shown) + int(self.params.get("more_problems") or 0)
            if more:
                message += "\n  " + text("problems_more", lang, count=more)
        return message


LISTED_PROBLEMS = 20
"""How many problem lines a message lists before it counts the rest."""


class FileMissingError(WorkbenchError, FileNotFoundError):
    code = "file_missing"


class FileLockedError(WorkbenchError, PermissionError):
    """The file exists but cannot be opened: another program holds it, or permissions forbid it."""

    code = "file_locked"


class UnsupportedFormatError(WorkbenchError, ValueError):
    """Not a spreadsheet we can read (wrong kind of file, or a format we do not support)."""

    code = "unsupported_format"


class EncryptedFileError(WorkbenchError, ValueError):
    code = "encrypted"


class EncryptedOdsError(EncryptedFileError):
    """An OpenDocument spreadsheet saved with a password (its manifest names the cipher)."""

    code = "encrypted_ods"


class CorruptFileError(WorkbenchError, ValueError):
    """Damaged file: truncated zip, invalid XML, inconsistent package."""

    code = "corrupt"


class CsvUnclosedQuoteError(CorruptFileError):
    """A csv quote that is never closed (``params["line"]``): the rest of the file would be one field."""

    code = "csv_unclosed_quote"


class CsvTooWideError(CorruptFileError):
    """A csv record with more fields than a sheet has columns (``params["record"]``, ``["limit"]``)."""

    code = "csv_too_wide"


class CsvRecordTooLongError(CorruptFileError):
    """The first csv record does not end within the sniffing sample (``params["kb"]``)."""

    code = "csv_record_too_long"


class EmptyWorkbookError(WorkbenchError, ValueError):
    code = "empty_workbook"


class SheetNotFoundError(WorkbenchError, KeyError):
    code = "sheet_not_found"

    def __str__(self) -> str:  # KeyError quotes its argument; keep the plain message
        return self.message("en")


class SheetExistsError(WorkbenchError, ValueError):
    """A sheet to add is named like one the workbook has (``params["existing"]``); Excel compares sheet
    names without regard to case."""

    code = "sheet_exists"


class SheetNameError(WorkbenchError, ValueError):
    """A sheet to add has a name Excel refuses: empty, over 31 characters, one of ``[]:*?/\\``, an
    apostrophe first or last, or the reserved "History"."""

    code = "sheet_name_invalid"


class NoHeaderError(WorkbenchError, ValueError):
    code = "no_header"


class TooLargeError(WorkbenchError, ValueError):
    """Absurd dimensions or a zip bomb: refused to keep memory and time bounded."""

    code = "too_large"


class InvalidDecisionsError(WorkbenchError, ValueError):
    """Decisions to apply contain unknown keys, unknown fields or values outside the vocabularies.

    ``params["problems"]`` lists one :class:`~workbench.messages.Problem` per problem (a code and its
    parameters, worded in the language the message is shown in).
    """

    code = "invalid_decisions"


class NoKeyColumnError(WorkbenchError, ValueError):
    """The table has no article key column, so review values cannot be matched to rows (``workbench
    export`` and ``apply`` refuse it). ``params["header_row"]``: the header row that was read."""

    code = "no_key_column_found"


class InvalidEditError(InvalidDecisionsError):
    """An edit in the review grid was refused; nothing was changed.

    ``params``: ``field``, ``value``, ``reason`` (``unknown_field``, ``not_editable``,
    ``unknown_value``, ``unknown_key``, ``unknown_row``, ``self_reference``, ``row_without_key``)
    and ``problems`` (one line per offending value, key or row).
    """

    code = "invalid_edit"


class OutputKindError(WorkbenchError, ValueError):
    """The output name's ending does not fit the workbook written: Excel opens a workbook only under the
    ending of its kind (macros need ``.xlsm``, a plain workbook ``.xlsx``). ``params["needed"]`` is the
    ending that fits; ``path`` is the output refused."""

    code = "output_kind"


class PasteRefusedError(InvalidEditError):
    """Some values of a paste or a fill-down were not set (the others were); ``count`` says how many,
    ``problems`` names each (row, article, column, value and why)."""

    code = "paste_refused"


class WriteError(WorkbenchError, OSError):
    """Writing the file failed (disk full, permission, vanished folder); the original is untouched."""

    code = "write_failed"


class VerifyError(WorkbenchError, OSError):
    """The written file did not read back as intended; it was discarded and the original kept."""

    code = "verify_failed"


class FileBusyError(WorkbenchError, OSError):
    """Someone else is saving or has the file open; ``params["who"]`` names them."""

    code = "file_busy"
    exit_code = 3


class FileOpenElsewhereError(FileBusyError):
    """Someone has the workbook open in Excel or LibreOffice (their owner file exists); ``params["who"]``
    names them. The caller may wait, save anyway, or save a copy."""

    code = "file_open_elsewhere"


class OlderCopyError(WorkbenchError):
    """The workbook on disk is older than the version saved last from this computer: it was replaced
    by an older copy. Nothing was written; ``params["saved_at"]`` and ``params["file_time"]``."""

    code = "file_older"
    exit_code = 3


class ConflictError(WorkbenchError):
    """Both we and a colleague changed the same review cells differently."""

    code = "conflicts"
    exit_code = 3


class NotJointWorkbookError(WorkbenchError, ValueError):
    """A file given as the joint workbook lacks its sheets (``params["sheets"]``)."""

    code = "not_joint_workbook"


class NotArticleListError(WorkbenchError, ValueError):
    """A file given to merge has no column for quantity or spend, nor a GTIN or a supplier article number
    (``params["headers"]``: the headers found): a contact list, say, not a municipality's article list."""

    code = "merge_not_article_list"


class EmptyListError(WorkbenchError, ValueError):
    """A list given to re-merge holds no article rows, so it would empty the municipality's rows in the
    joint workbook (``params["municipality"]``, ``params["rows"]`` it holds there, ``params["joint"]``)."""

    code = "merge_empty_list"


class JointNotXlsxError(WorkbenchError, ValueError):
    """The joint workbook's name does not end in ``.xlsx``."""

    code = "joint_not_xlsx"


class UnknownArticleError(WorkbenchError, ValueError):
    """Article IDs the joint workbook does not hold (``params["ids"]``, ``params["count"]``)."""

    code = "joint_unknown_ids"


class SourceRowNotFoundError(WorkbenchError, ValueError):
    """No source row at ``params["row"]`` on the joint workbook's sheet ``params["sheet"]``."""

    code = "split_unknown_row"


class JointStepOutdatedError(WorkbenchError, ValueError):
    """A link or split cannot be undone or redone: the joint workbook's rows changed since."""

    code = "joint_step_outdated"


class CriteriaDataError(WorkbenchError, ValueError):
    """A file of the environmental criteria data (``resources/criteria/``) has a bad value: ``params["entry"]``
    names the entry, ``detail`` the problem."""

    code = "criteria_bad"


class NoOrgUnitError(WorkbenchError, ValueError):
    """Questionnaires per förvaltning asked of a joint workbook whose source rows name none."""

    code = "survey_no_org_unit"


class NoSurveyAnswersError(WorkbenchError, ValueError):
    """The joint workbook has no ``Enkätsvar`` sheet yet (``params["sheet"]``)."""

    code = "survey_no_answers"


class AnsweredFormsInTheWayError(WorkbenchError, ValueError):
    """``survey make`` would overwrite forms that hold answers (``params["forms"]``): nothing is written."""

    code = "survey_answered_forms_in_the_way"


class NothingCollectedError(WorkbenchError, ValueError):
    """None of the files given to ``survey collect`` could be read as a form of the workbook."""

    code = "survey_nothing_read"


class OutputIsInputError(WorkbenchError, ValueError):
    """The output named is the input file itself (the joint workbook), which is never overwritten."""

    code = "output_is_input"


class OutputFolderMissingError(WriteError):
    """The folder of the output (``params["folder"]``) does not exist; nothing was written."""

    code = "output_folder_missing"


class PurchaseHeaderError(WorkbenchError, ValueError):
    """A purchase file in which no header row of purchase lines is found."""

    code = "followup_no_header"


class PurchaseNoAmountError(WorkbenchError, ValueError):
    """A purchase file without an amount column (nor quantity and unit price): ``params["headers"]``,
    ``["row"]``."""

    code = "followup_no_amount"


class PurchaseColumnsError(WorkbenchError, ValueError):
    """A purchase file without a column that names the article (GTIN, supplier article no, key or name)."""

    code = "followup_no_article_column"


class PurchaseReadError(CorruptFileError):
    """A purchase file the engine could not read through (``detail``: what it said)."""

    code = "followup_unreadable"


class UsageError(WorkbenchError, ValueError):
    """Wrong command-line usage or arguments."""

    code = "usage"


class OutputFormatError(UsageError):
    """An output name whose suffix is not the format the file is saved in (``params["suffix"]``)."""

    code = "output_format"


class Cancelled(WorkbenchError):
    """The user cancelled a long operation; nothing was changed."""

    code = "cancelled"
    exit_code = 1
