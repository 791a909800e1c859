"""A corpus of hostile and malformed workbooks and folders, generated, never committed."""
