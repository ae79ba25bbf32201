"""The document model: what parsers build and rules read (text, offsets, blocks, quotations, findings)."""
