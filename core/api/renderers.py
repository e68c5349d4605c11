"""?format=csv for spreadsheet users.

Lists and summaries are written by core.exports in their export columns (the HTML exports'
where a page has one). Anything else answered to a CSV request (an error, a write's answer)
is flattened here: nested objects become "Parent child" columns and lists are joined with "; ".
"""

from operator import itemgetter

from rest_framework.renderers import BaseRenderer

from core.exports import Column, export_response


def _header(key: str) -> str:
    """A JSON key path as a header in the exports' style: "errors.period" is "Errors period"."""
    words = " ".join(key.replace(".", " ").replace("_", " ").lower().split()) or "value"
    return words[:1].upper() + words[1:]


def _flatten(value, prefix: str = "") -> dict:
    if isinstance(value, dict):
        flat = {}
        for key, nested in value.items():
            flat.update(_flatten(nested, f"{prefix}{key}."))
        return flat
    if isinstance(value, list):
        return {prefix.rstrip("."): "; ".join(str(item) for item in value)}
    return {prefix.rstrip("."): value}


class CSVRenderer(BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None) -> bytes:
        if data is None:
            return b""
        if isinstance(data, dict) and isinstance(data.get("results"), list):
            data = data["results"]
        rows = [
            {_header(key): cell for key, cell in _flatten(row).items()} for row in (data if isinstance(data, list) else [data])
        ]
        headers = list(dict.fromkeys(key for row in rows for key in row))
        columns = [Column(header, itemgetter(header)) for header in headers]
        filled = [{header: row.get(header) for header in headers} for row in rows]
        return export_response(rows=filled, columns=columns, filename="export", file_format="csv").content
