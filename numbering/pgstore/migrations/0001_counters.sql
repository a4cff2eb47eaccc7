-- numbering/pgstore schema version 1: one row per allocation counter.
-- key is numbering.Key.String() ("subject/52/2026", "service/黔ICP备2026001073号");
-- last is the last value issued or raised to (never lowered).
CREATE TABLE IF NOT EXISTS beian_numbering_counter (
	key  text   PRIMARY KEY,
	last bigint NOT NULL CHECK (last >= 0)
);
