// Package pgstore keeps the record set of package conflict in PostgreSQL:
// the records, the unique keys each subject holds (registrable domains, app
// platform identifiers, certificates, record numbers; ),
// enforced by the database's primary key, and a change sequence that
// conflict.Replica follows. Portal instances behind a load balancer share
// one Store: each keeps its own conflict.Index for fast checks, and the
// database decides the races between them. It speaks database/sql: open
// the *sql.DB with any PostgreSQL driver and call Migrate once.
//
// # Tables
//
// beian_conflict_claim (kind, value) → subject is the uniqueness: a
// primary key on the normalised key, so no two subjects ever hold one key.
// beian_conflict_record holds one row per subject (its certificate key, the
// record as JSON, its last change's sequence number, a tombstone flag), and
// beian_conflict_head the change sequence.
//
// # Atomicity
//
// Put is one transaction of three statements. The first claims all keys:
//
//	INSERT INTO beian_conflict_claim AS c (kind, value, subject) SELECT … FROM jsonb_array_elements($1)
//	ON CONFLICT (kind, value) DO UPDATE SET subject = c.subject WHERE c.subject <> EXCLUDED.subject
//	RETURNING kind, value, subject
//
// A row returned with another subject is a key taken: the transaction rolls
// back (all or none) and Put returns a *conflict.ClaimError. Two
// transactions claiming one key serialise on the key's index entry; the
// second sees the first's row once it commits. The second statement releases
// the keys the subject no longer has; the third writes the record and bumps
// the head row. The head is locked from that last statement to the commit,
// so commit order is sequence order and a follower that sees change N+1 has
// seen change N.
//
// # Retries and isolation
//
// Every transaction retries serialization failures (SQLSTATE 40001) and
// deadlocks (40P01) with jittered exponential backoff, so the same SQL runs
// at READ COMMITTED (the default), under SERIALIZABLE (WithIsolation) and
// on PostgreSQL-compatible distributed engines. While the server cannot be
// reached a call retries for WithUnavailableWait (default 2s) and then
// fails with an *Error matching ErrUnavailable; calls succeed again once the
// server is back, without restarting the process.
//
// A connection lost during COMMIT is never retried: the server may have
// committed, and a retried Put would then find its own record's sequence
// above since and answer "stale". The call returns at once an *Error
// matching ErrUnavailable with OutcomeUnknown set ("outcome unknown"); the
// caller re-reads (Changes, Export) to learn whether the write was made.
//
// # PostgreSQL features used
//
// Tables with text, bigint, smallint and boolean columns, primary keys, a
// CHECK constraint, B-tree indexes; INSERT … ON CONFLICT … DO UPDATE … WHERE
// … RETURNING; UPDATE … FROM … RETURNING and data-modifying WITH; SELECT …
// FOR UPDATE; jsonb_array_elements, jsonb_array_elements_text and the ->>
// operator (batch parameters travel as one JSON text parameter, so no
// driver-specific array type is needed); transactions at the server's
// default isolation, SERIALIZABLE, and REPEATABLE READ READ ONLY (Export);
// transactional DDL (migrations). No sequences, advisory locks,
// LISTEN/NOTIFY, COPY, triggers or stored procedures: followers poll the
// change sequence, which distributed engines without LISTEN/NOTIFY serve
// too.
package pgstore
