-- filing/resource/pgstore schema version 1: the filing-resource ledger (R-96).
-- Portable SQL: varchar keys (MySQL indexes no unbounded text key), bigint
-- instants in Unix microseconds (no time-zone types), no sequences, no
-- arrays, no partial indexes. beian_resource_instance has one row per
-- instance, locked (SELECT ... FOR UPDATE) while a code is issued, so that
-- the cap count and the insert are one step.
CREATE TABLE IF NOT EXISTS beian_resource_instance (
	instance varchar(255) PRIMARY KEY
);
CREATE TABLE IF NOT EXISTS beian_resource_entry (
	code          varchar(64)  PRIMARY KEY,
	kind          varchar(32)  NOT NULL,
	instance      varchar(255) NOT NULL,
	owner         varchar(255) NOT NULL,
	grantee       varchar(255) NOT NULL DEFAULT '',
	state         varchar(16)  NOT NULL,
	filing_id     varchar(255) NOT NULL DEFAULT '',
	filer         varchar(255) NOT NULL DEFAULT '',
	record_number varchar(255) NOT NULL DEFAULT '',
	issued_at     bigint       NOT NULL,
	expires_at    bigint       NOT NULL,
	updated_at    bigint       NOT NULL
);
CREATE INDEX beian_resource_entry_instance ON beian_resource_entry (instance, code);
