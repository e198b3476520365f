"""The quiz block: graded questions after each lecture and the final assessment."""
