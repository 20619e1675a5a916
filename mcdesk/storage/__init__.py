"""The portfolio on disk: SQLite through SQLAlchemy, migrations, the evidence file store; any
worker thread (writes go through the jobs writer lane)."""
