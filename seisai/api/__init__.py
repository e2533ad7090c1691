"""The screening service: a yente-compatible HTTP API with keys, roles and an audit log.

``seisai serve`` runs it; :func:`seisai.api.app.create_app` builds the application. FastAPI
is used only in this package; the screening itself (:mod:`seisai.api.screening`,
:mod:`seisai.api.search`) does not depend on it, so ``seisai audit replay`` runs the same code.
"""
