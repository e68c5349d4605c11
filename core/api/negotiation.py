from rest_framework.exceptions import ValidationError
from rest_framework.negotiation import DefaultContentNegotiation


class FormatContentNegotiation(DefaultContentNegotiation):
    """An unknown ?format= is a bad request (400) naming the formats on offer, not a 404."""

    def filter_renderers(self, renderers, format):
        matching = [renderer for renderer in renderers if renderer.format == format]
        if not matching:
            offered = " or ".join(renderer.format for renderer in renderers)
            raise ValidationError({"format": [f"Choose a format this endpoint offers: {offered}."]})
        return matching
