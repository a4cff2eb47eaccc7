-- conflict/pgstore schema version 1.
--
-- beian_conflict_head: the change sequence, one row. Every write bumps it as
-- its last statement; the row lock makes commit order the sequence order,
-- so a reader that sees change N+1 sees change N.
CREATE TABLE IF NOT EXISTS beian_conflict_head (
	id  smallint PRIMARY KEY CHECK (id = 1),
	seq bigint   NOT NULL
);
INSERT INTO beian_conflict_head (id, seq) VALUES (1, 0) ON CONFLICT (id) DO NOTHING;

-- beian_conflict_record: one row per subject ever stored, keyed by its
-- certificate key ("cert type:number"); body is the conflict.Record as JSON;
-- seq is the subject's last change; removed rows stay as tombstones so that
-- followers learn of the removal.
CREATE TABLE IF NOT EXISTS beian_conflict_record (
	subject text    PRIMARY KEY,
	seq     bigint  NOT NULL,
	removed boolean NOT NULL DEFAULT false,
	body    text    NOT NULL
);
CREATE INDEX IF NOT EXISTS beian_conflict_record_seq ON beian_conflict_record (seq);

-- beian_conflict_claim: the unique keys of the record set (kind: domain,
-- app, cert, number; value normalised) and the subject holding each.
CREATE TABLE IF NOT EXISTS beian_conflict_claim (
	kind    text NOT NULL,
	value   text NOT NULL,
	subject text NOT NULL,
	PRIMARY KEY (kind, value)
);
CREATE INDEX IF NOT EXISTS beian_conflict_claim_subject ON beian_conflict_claim (subject);
