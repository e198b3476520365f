"""The seminar course: sources -> course model -> emitters (OLX, portable OLX, booklet, scenarios)."""
