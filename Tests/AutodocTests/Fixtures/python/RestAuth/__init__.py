"""RestAuth test fixture package (never imported)."""
