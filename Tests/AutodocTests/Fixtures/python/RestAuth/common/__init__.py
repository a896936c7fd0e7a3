"""Shared helpers of the RestAuth fixture."""
