"""The FAQ block: the seminar's knowledge product."""
