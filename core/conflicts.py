"""The one refusal for a stale save: someone changed the record after the caller read it."""


class EditConflict(Exception):
    """Carries the record's current version and who changed it when, for the page or the API to say."""

    def __init__(self, message: str, *, current_version: int, changed_by, changed_at):
        self.current_version = current_version
        self.changed_by = changed_by
        self.changed_at = changed_at
        super().__init__(message)
