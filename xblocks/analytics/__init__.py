"""The seminar's tracking events for analytics pipelines: an Open edX plugin app that, where
event-routing-backends is installed, turns them into xAPI statements (docs/admin.md)."""
