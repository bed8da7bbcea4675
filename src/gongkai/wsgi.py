"""WSGI entry point for gunicorn or granian."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings.production")
application = get_wsgi_application()

# Search's character tables take about a second to build: build them as the worker starts,
# not on some reader's first search.
from gongkai.search.text import warm_up  # noqa: E402  (needs the settings configured above)

warm_up()
