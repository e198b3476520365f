"""The seminar course: sources -> model -> emitters (OLX, portable OLX, booklet, scenarios)."""
