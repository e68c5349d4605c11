"""The upload form of both flows: one file, checked to be a spreadsheet before it is kept."""

from django import forms

from . import selectors
from .readers import MAX_BYTES, FileRefused, read_tables


class UploadForm(forms.Form):
    file = forms.FileField(
        widget=forms.FileInput(attrs={"accept": ".xlsx,.csv"}),
        error_messages={"required": "Choose a file to upload.", "empty": "The file is empty.", "invalid": "Choose a file to upload."},
    )

    def __init__(self, *args, label: str, help_text: str, check=None, **kwargs):
        """`check(tables)` raises FileRefused when the tables are not the kind of file this page takes."""
        super().__init__(*args, **kwargs)
        self.fields["file"].label = label
        self.fields["file"].help_text = help_text
        self.check = check

    def clean_file(self):
        upload = self.cleaned_data["file"]
        # The size is known before reading: a huge upload is refused without loading it.
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                f"The file is {upload.size / 1024 / 1024:.1f} MB: files of up to {MAX_BYTES // 1024 // 1024} MB are accepted."
            )
        self.content = upload.read()
        try:
            self.tables = read_tables(self.content)
            if self.check:
                self.check(self.tables)
        except FileRefused as refusal:
            raise forms.ValidationError(str(refusal)) from None
        return upload


def plan_upload_form(data=None, files=None) -> UploadForm:
    return UploadForm(
        data,
        files,
        label="Upload a plan",
        help_text=(
            "An Excel workbook (.xlsx) from export_plan or a page's download, or a CSV file of actions, business "
            "cases, business case figures or risks. Up to 5 MB and 10,000 rows."
        ),
        check=lambda tables: selectors.match_kinds(tables, selectors.PLAN_KINDS),
    )


def progress_sheet_form(data=None, files=None, *, user=None, period=None) -> UploadForm:
    def check(tables):
        if period is not None:
            selectors.match_kinds(tables, [selectors.progress_sheet_kind(user=user, period=period)])

    return UploadForm(
        data,
        files,
        label="Upload your filled sheet",
        help_text="The Excel workbook downloaded here, with your updates typed in. Up to 5 MB.",
        check=check,
    )
