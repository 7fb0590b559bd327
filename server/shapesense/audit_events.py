"""Audit events ShapeSense raises itself (`sys.audit`) for the hook in startup.py to read.

Their names live here because lsp/pool.py raises them and startup.py listens: startup's `main`
leads to the server, so pool.py importing startup would close an import circle.
"""

# lsp/pool.py announces the exact argv of the analysis process it is about to start.
ALLOW_PROCESS = "shapesense.allow_process"
