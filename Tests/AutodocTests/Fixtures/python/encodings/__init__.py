"""Encoding fixtures."""
