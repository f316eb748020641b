-- Extensions the schema relies on.
-- pg_trgm: trigram operator class behind the contact search index (contacts.search_text, V9).
-- gen_random_uuid() is built into PostgreSQL 13+, so pgcrypto is not needed for primary keys.
-- On Aurora PostgreSQL the migrating role needs rds_superuser (or pg_trgm must be pre-created) for this statement.
create extension if not exists pg_trgm;
