class Tabbed:
	"""Indented with tabs.

	Second paragraph.
	"""

	def method(self, a,
			b):
		"""Tab-indented method."""
		if a:
			return b

	value = 1  #: Tabbed value.
