"""The OOXML package reader (``read_package``: workbook, sheets, styles, date system; the reader uses
it too), OOXML helpers and the cell-level patcher that writes review values into an existing .xlsx, with
its streaming read-back (the helper process lives in check_worker). Depends on the kernel only.

The names below load their module on first use, so importing one light module of this package
(or the package) does not load pandas."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench._lazy import lazy_names

if TYPE_CHECKING:
    from workbench.xlsx._package import PackageInfo, read_package, workbook_part_of
    from workbench.xlsx.patch import (
        CellValue,
        ColumnsInUse,
        NewColumn,
        NewSheet,
        PatchResult,
        SheetPatch,
        Validation,
        check_package,
        last_used_column,
        patch_sheets,
        patch_xlsx,
        read_date1904,
        table_ranges,
        verify_patch,
        workbook_ending,
    )

_LAZY = {
    "CellValue": "patch",
    "ColumnsInUse": "patch",
    "NewColumn": "patch",
    "NewSheet": "patch",
    "PackageInfo": "_package",
    "PatchResult": "patch",
    "SheetPatch": "patch",
    "Validation": "patch",
    "check_package": "patch",
    "last_used_column": "patch",
    "patch_sheets": "patch",
    "patch_xlsx": "patch",
    "read_date1904": "patch",
    "read_package": "_package",
    "table_ranges": "patch",
    "verify_patch": "patch",
    "workbook_ending": "patch",
    "workbook_part_of": "_package",
}


__getattr__ = lazy_names(__name__, _LAZY)


__all__ = [
    "CellValue",
    "ColumnsInUse",
    "NewColumn",
    "NewSheet",
    "PackageInfo",
    "PatchResult",
    "SheetPatch",
    "Validation",
    "check_package",
    "last_used_column",
    "patch_sheets",
    "patch_xlsx",
    "read_date1904",
    "read_package",
    "table_ranges",
    "verify_patch",
    "workbook_ending",
    "workbook_part_of",
]
