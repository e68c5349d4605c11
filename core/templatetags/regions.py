"""A wide table's own scrolling region, so the page itself never scrolls sideways at 320 CSS px (WCAG 1.4.10)."""

from django import template
from django.utils.html import format_html

register = template.Library()


class ScrollRegionNode(template.Node):
    def __init__(self, nodelist, id_parts, wide):
        self.nodelist = nodelist
        self.id_parts = id_parts
        self.wide = wide

    def render(self, context):
        # Focusable, so keyboard users can scroll it; a named region, so screen readers say what it holds.
        return format_html(
            '<div class="app-table-scroll{}" role="region" aria-labelledby="{}" tabindex="0">{}</div>',
            " app-table-scroll--wide" if self.wide and self.wide.resolve(context) else "",
            "".join(str(part.resolve(context)) for part in self.id_parts),
            self.nodelist.render(context),
        )


@register.tag
def scroll_region(parser, token):
    """{% scroll_region "heading-" forloop.counter [wide=True] %}<table>…</table>{% endscroll_region %}

    The parts, joined, are the id of the element naming the region: the table's caption or the
    heading above it. `wide` lets a register break out of the page column, up to 1240 px.
    """
    name, *bits = token.split_contents()
    wide = None
    if bits and bits[-1].startswith("wide="):
        wide = parser.compile_filter(bits.pop().removeprefix("wide="))
    if not bits:
        raise template.TemplateSyntaxError(f"{name} takes the id of the element naming it")
    nodelist = parser.parse(("endscroll_region",))
    parser.delete_first_token()
    return ScrollRegionNode(nodelist, [parser.compile_filter(bit) for bit in bits], wide)
