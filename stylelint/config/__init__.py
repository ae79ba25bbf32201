"""Configuration: files found and validated, resolved per article; house-style profiles."""
