"""The lecture block: one lecture module of the seminar."""
