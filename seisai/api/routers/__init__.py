"""The API's routers, one per concern; :func:`seisai.api.app.create_app` includes them all."""
