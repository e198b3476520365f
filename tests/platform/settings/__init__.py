"""Django settings that run the platform's own test settings on this machine.

No MongoDB server exists for Debian 12, so mongomock stands in, in process; SQLite files
stand in for MySQL, with tables made from the models as the platform's own test runs do.
"""
