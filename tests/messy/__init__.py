"""A messy year of unit workbooks: dataset, a writer sharing no code with intake, a hand oracle."""
