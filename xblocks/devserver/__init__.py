"""The xblock-sdk workbench set up for the seminar: `seminar serve` and the tests use it."""
