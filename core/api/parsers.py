"""The API's JSON parser: DRF's, refusing a body nested too deep to be anything but an attack."""

from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

# No request this API takes nests more than a few levels; 100 leaves room and stops a body of
# 1,000 nested "[" from exhausting the interpreter's recursion limit.
MAX_JSON_DEPTH = 100
TOO_DEEP = f"JSON parse error - the body is nested more than {MAX_JSON_DEPTH} levels deep."


def nesting_depth(value, *, give_up_after: int = MAX_JSON_DEPTH) -> int:
    """How many arrays and objects deep `value` goes (0 for a scalar), counted without recursion;
    counting stops once past `give_up_after`."""
    deepest = 0
    pending = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth)
            if deepest > give_up_after:
                break
            pending.extend((child, depth + 1) for child in (item.values() if isinstance(item, dict) else item))
    return deepest


class DepthLimitedJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError(TOO_DEEP) from None
        if nesting_depth(data) > MAX_JSON_DEPTH:
            raise ParseError(TOO_DEEP)
        return data
