# -*- coding: latin-1 -*-
"""Café au lait."""
