"""?format=csv for spreadsheet users.

Lists with export columns (actions, progress updates) are written by core.exports with
the same columns as the HTML exports; anything else is flattened here: nested objects become
"parent.child" columns and lists are joined with "; ".
"""

from operator import itemgetter

from rest_framework.renderers import BaseRenderer

from core.exports import Column, export_response


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
        rows = [_flatten(row) for row in (data if isinstance(data, list) else [data])]
        headers = list(dict.fromkeys(key for row in rows for key in row))
        columns = [Column(header, itemgetter(header)) for header in headers]
        filled = [{header: row.get(header) for header in headers} for row in rows]
        return export_response(rows=filled, columns=columns, filename="export", file_format="csv").content
