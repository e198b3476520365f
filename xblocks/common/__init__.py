"""What the seminar blocks share: safe Markdown, i18n, resources, services, handlers, OLX."""
