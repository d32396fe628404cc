#!/usr/bin/env python3
"""Serves the DRF app on 127.0.0.1 at a port the OS picks, and prints `listening on <url>` once bound.

Binding port 0 here (rather than picking a free port in the caller) leaves no window in which
another process could take the port. Django's threaded WSGI server, as `runserver` uses it.
"""
import os
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "e2e_site.settings")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import django  # noqa: E402

django.setup()

from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402

server = ThreadedWSGIServer(("127.0.0.1", int(os.environ.get("E2E_PORT", "0"))), WSGIRequestHandler)
server.set_app(get_wsgi_application())
host, port = server.server_address[:2]
print(f"listening on http://{host}:{port}", flush=True)
try:
    server.serve_forever()
except KeyboardInterrupt:
    pass
finally:
    server.server_close()
