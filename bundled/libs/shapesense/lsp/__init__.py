"""The language server: pygls adapters over the core, one module per LSP feature."""
