"""Checks of WCAG 2.2 AA success criteria that axe-core cannot make, for Playwright pages.

Each returns what fails on the page as it is now (empty when it passes), so a test can gather
them over many pages and print every failure at once.
"""

# The W3C's text spacing bookmarklet (1.4.12): the least spacing a user may impose.
TEXT_SPACING_CSS = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""

_DESCRIBE = """
const describe = (el) => {
  const name = (el.getAttribute('aria-label') || el.innerText || el.value || el.name || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
  return `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : ''} "${name}"`;
};
"""

# Content cut off: a box that hides its overflow yet holds more than it shows. Boxes a pixel wide
# or tall are the visually hidden text for screen readers, clipped on purpose.
_CLIPPED = _DESCRIBE + """
() => [...document.querySelectorAll('body *')].filter((el) => {
  if (!el.getClientRects().length || el.clientWidth <= 1 || el.clientHeight <= 1) return false;
  const style = getComputedStyle(el);
  const hides = (value) => value === 'hidden' || value === 'clip';
  return (hides(style.overflowY) && el.scrollHeight > el.clientHeight + 1)
    || (hides(style.overflowX) && el.scrollWidth > el.clientWidth + 1);
}).map((el) => `${describe(el)}: shows ${el.clientWidth}x${el.clientHeight} of ${el.scrollWidth}x${el.scrollHeight}`)
"""

# 2.4.11: the focused element is on screen and nothing covers it: what is at the centre of the
# visible part of one of its boxes (a link wrapped over two lines has two) is it, in it, or its label.
_FOCUSED = _DESCRIBE + """
() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const labels = el.labels ? [...el.labels] : [];
  const centres = [...el.getClientRects()]
    .map((box) => [Math.max(box.left, 0), Math.max(box.top, 0), Math.min(box.right, innerWidth), Math.min(box.bottom, innerHeight)])
    .filter(([left, top, right, bottom]) => right > left && bottom > top)
    .map(([left, top, right, bottom]) => [(left + right) / 2, (top + bottom) / 2]);
  const visible = centres.some(([x, y]) => {
    const hit = document.elementFromPoint(x, y);
    return !!hit && (hit === el || el.contains(hit) || labels.some((label) => label.contains(hit)));
  });
  return {name: describe(el), onScreen: centres.length > 0, visible};
}
"""

# 2.5.8: every target at least 24 by 24 CSS px, or spaced so a 24 px circle on its centre touches
# no other target (nor another small target's circle); a link inside a sentence is exempt.
_SMALL_TARGETS = _DESCRIBE + """
() => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
  const targets = [...document.querySelectorAll(selector)].filter((el) => {
    const box = el.getBoundingClientRect();
    // Content of a closed <details> keeps a box, but is neither shown nor focusable.
    return box.width > 1 && box.height > 1 && el.checkVisibility({visibilityProperty: true});
  });
  const inSentence = (el) => {
    if (getComputedStyle(el).display !== 'inline') return false;
    let block = el.parentElement;
    while (block && getComputedStyle(block).display === 'inline') block = block.parentElement;
    return block.textContent.trim().length > el.textContent.trim().length;
  };
  const centre = (box) => [box.left + box.width / 2, box.top + box.height / 2];
  const distanceToBox = ([x, y], box) => Math.hypot(Math.max(box.left - x, 0, x - box.right), Math.max(box.top - y, 0, y - box.bottom));
  const boxes = new Map(targets.map((el) => [el, el.getBoundingClientRect()]));
  const small = (el) => boxes.get(el).width < 24 || boxes.get(el).height < 24;
  return targets.filter((el) => small(el) && !inSentence(el)).filter((el) => {
    const here = centre(boxes.get(el));
    return targets.some((other) => {
      if (other === el || other.contains(el) || el.contains(other)) return false;
      const box = boxes.get(other);
      if (distanceToBox(here, box) < 12) return true;
      if (!small(other)) return false;
      const [x, y] = centre(box);
      return Math.hypot(here[0] - x, here[1] - y) < 24;
    });
  }).map((el) => `${describe(el)}: ${Math.round(boxes.get(el).width)}x${Math.round(boxes.get(el).height)} px, too close to another target`);
}
"""


def clipped_content(page) -> list[str]:
    return page.evaluate(_CLIPPED)


def horizontal_scroll(page) -> list[str]:
    width, viewport = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    return [f"the page is {width} px wide in a {viewport} px window"] if width > viewport else []


def obscured_focus(page, limit: int = 400) -> tuple[list[str], int]:
    """Tab through the whole page from the top: (what was off screen or covered when focused, stops made)."""
    page.evaluate("window.scrollTo(0, 0); document.activeElement && document.activeElement.blur()")
    problems, seen = [], []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(_FOCUSED)
        if focused is None or (seen and focused["name"] == seen[0]):
            break
        seen.append(focused["name"])
        if not (focused["onScreen"] and focused["visible"]):
            problems.append(f"{focused['name']}: {'covered' if focused['onScreen'] else 'off screen'} when focused")
    return problems, len(seen)


def small_targets(page) -> list[str]:
    return page.evaluate(_SMALL_TARGETS)
