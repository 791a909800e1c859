"""The Đắk Hà sample year: seeded dataset (data), expected figures (oracle), workbooks (writer)."""
