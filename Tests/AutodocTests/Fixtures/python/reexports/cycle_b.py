"""The other half of the cycle."""
from .cycle_a import loop
