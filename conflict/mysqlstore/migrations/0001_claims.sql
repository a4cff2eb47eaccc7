-- conflict/mysqlstore schema version 1.
-- Statements end with ";" at the end of a line and are idempotent (MySQL
-- DDL is not transactional: processes migrating at once must converge).
-- Text columns are VARBINARY/LONGBLOB: byte-exact comparisons, as
-- PostgreSQL's text, with no collation folding case, width or trailing
-- blanks together. Every table has a primary key (Galera replicates only
-- those) and every index is declared in its CREATE TABLE (MySQL 8.0 has no
-- CREATE INDEX IF NOT EXISTS).
--
-- beian_conflict_head: the change sequence, one row. Every write bumps it as
-- its last statement but one; the row lock makes commit order the sequence
-- order, so a reader that sees change N+1 sees change N.
CREATE TABLE IF NOT EXISTS beian_conflict_head (
	id  SMALLINT NOT NULL,
	seq BIGINT   NOT NULL,
	PRIMARY KEY (id)
);
INSERT INTO beian_conflict_head (id, seq) VALUES (1, 0) ON DUPLICATE KEY UPDATE id = id;

-- beian_conflict_record: one row per subject ever stored, keyed by its
-- certificate key ("cert type:number"); body is the conflict.Record as JSON;
-- seq is the subject's last change; removed rows stay as tombstones so that
-- followers learn of the removal.
CREATE TABLE IF NOT EXISTS beian_conflict_record (
	subject VARBINARY(255) NOT NULL,
	seq     BIGINT         NOT NULL,
	removed BOOLEAN        NOT NULL DEFAULT FALSE,
	body    LONGBLOB       NOT NULL,
	PRIMARY KEY (subject),
	INDEX beian_conflict_record_seq (seq)
);

-- beian_conflict_claim: the unique keys of the record set (kind: domain,
-- app, cert, number; value normalised) and the subject holding each.
CREATE TABLE IF NOT EXISTS beian_conflict_claim (
	kind    VARBINARY(16)   NOT NULL,
	value   VARBINARY(1024) NOT NULL,
	subject VARBINARY(255)  NOT NULL,
	PRIMARY KEY (kind, value),
	INDEX beian_conflict_claim_subject (subject)
);
