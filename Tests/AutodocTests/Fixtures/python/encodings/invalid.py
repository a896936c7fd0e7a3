"""Not UTF-8: ö."""
