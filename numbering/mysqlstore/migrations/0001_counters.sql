-- numbering/mysqlstore schema version 1: one row per allocation counter.
-- counter_key is numbering.Key.String() ("subject/52/2026",
-- "service/黔ICP备2026001073号") as UTF-8 bytes (VARBINARY: byte-exact, no
-- collation, no trailing-space padding); last is the last value issued or
-- raised to (never lowered).
-- Statements end with ";" at the end of a line and are idempotent (MySQL
-- DDL is not transactional: processes migrating at once must converge).
CREATE TABLE IF NOT EXISTS beian_numbering_counter (
	counter_key VARBINARY(255) NOT NULL,
	last        BIGINT         NOT NULL,
	PRIMARY KEY (counter_key)
);
