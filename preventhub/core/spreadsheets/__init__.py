"""Importing councils' spreadsheets and exporting lists: core's machinery, modules' declarations.

A module declares a :class:`~.sheets.Sheet` (its columns, how a batch of rows is checked and
saved, how a record becomes cells) in its ``spreadsheets.py`` and registers it with
:func:`~.sheets.register_sheet` from ``AppConfig.ready``. Core gives it:

- the import pages (``core:import_upload`` with the sheet's kind, then choosing the columns,
  checking and importing), see ``views.py``;
- the streaming readers (``readers.py``), the value parsers (``parsers.py``) and the two-pass
  engine (``engine.py``);
- ``exports.export_response`` for the module's own export view, which passes its list page's
  restricted, filtered queryset.
"""
