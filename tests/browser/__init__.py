# Debian's build, which the browser tests drive and tests/conftest.py looks for.
CHROMIUM = "/usr/bin/chromium"
