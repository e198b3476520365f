"""seminar-xblocks: lecture, FAQ and quiz XBlocks for an online seminar on Open edX."""

__version__ = "0.1.0"
