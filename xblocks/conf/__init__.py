"""Package data: the gettext catalog (conf/locale) and the tools that maintain it."""
