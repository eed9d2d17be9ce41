"""A report appendix is refused when it carries active content: the appendix check runs core's
``refuse_active_content`` after its type check (the files are built as in core's upload tests)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from preventhub.core.tests.test_uploads import _javascript, _office, _pdf
from preventhub.core.uploads import MACRO_MESSAGE, PDF_MESSAGE
from preventhub.governance.services.reports_files import check_appendix_file


def test_the_report_appendix_check_refuses_a_pdf_with_javascript():
    upload = SimpleUploadedFile("strategy.pdf", _pdf(_javascript))
    with pytest.raises(ValidationError) as refused:
        check_appendix_file(upload)
    assert refused.value.messages == [PDF_MESSAGE]


def test_the_report_appendix_check_refuses_a_renamed_macro_document():
    upload = SimpleUploadedFile(
        "minutes.docx", _office({"word/vbaProject.bin": b"macros"}), content_type="application/zip"
    )
    with pytest.raises(ValidationError) as refused:
        check_appendix_file(upload)
    assert refused.value.messages == [MACRO_MESSAGE]
