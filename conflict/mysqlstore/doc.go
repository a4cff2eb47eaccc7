// Package mysqlstore keeps the record set of package conflict in the MySQL
// family (MySQL 8, MariaDB, a Galera cluster, TiDB): the records, the unique
// keys each subject holds (registrable domains, app platform identifiers,
// certificates, record numbers; ), enforced by the
// database's primary key, and a change sequence that conflict.Replica
// follows. It is the counterpart of conflict/pgstore with the same surface
// (New, Option, WithIsolation, WithUnavailableWait, Error, ErrUnavailable,
// Codes, Retryable, Import). It speaks database/sql: open the *sql.DB with
// github.com/go-sql-driver/mysql (this package imports no driver) and call
// Migrate once.
//
// # Tables
//
// beian_conflict_claim (kind, value) → subject is the uniqueness: a primary
// key on the normalised key, so no two subjects ever hold one key, on one
// server or across the nodes of a Galera cluster (certification compares
// primary keys). beian_conflict_record holds one row per subject,
// beian_conflict_head the change sequence. Keys are VARBINARY: byte-exact,
// as PostgreSQL's text, with no collation folding case or trailing blanks.
//
// # Atomicity
//
// Put is one transaction:
//
//	INSERT INTO beian_conflict_claim (kind, value, subject) VALUES (?,?,?),… ON DUPLICATE KEY UPDATE subject = subject
//	SELECT kind, value, subject FROM beian_conflict_claim WHERE (kind = ? AND value IN (…)) OR … FOR UPDATE
//
// inserts the keys no one holds and locks the others; a key whose holder is
// another subject is taken: the transaction rolls back (all or none) and Put
// returns a *conflict.ClaimError. Then it releases the keys the subject no
// longer has, checks since on the subject's row (SELECT … FOR UPDATE),
// bumps the head row and writes the record. The head is locked from its
// UPDATE to the commit, so commit order is sequence order and a follower
// that sees change N+1 has seen change N. On a Galera cluster two nodes
// claiming one key both insert it locally; certification lets the first
// commit and aborts the other with error 1213, whose retry finds the key
// taken.
//
// # Retries and isolation
//
// Every transaction retries deadlocks and Galera certification failures
// (1213), lock wait timeouts (1205) and TiDB write conflicts (9007, 8022,
// 8028) with jittered exponential backoff, at REPEATABLE READ (InnoDB's
// default), READ COMMITTED or SERIALIZABLE (WithIsolation). While the
// server cannot be reached, or a Galera node is outside the primary
// component (1047), a call retries for WithUnavailableWait (default 2s) and
// then fails with an *Error matching ErrUnavailable.
//
// A connection lost during COMMIT is never retried: the server, or on a
// Galera cluster the other nodes, may have committed, and a retried Put
// would then find its own record's sequence above since and answer "stale".
// The call returns at once an *Error matching ErrUnavailable with
// OutcomeUnknown set ("outcome unknown"); the caller re-reads (Changes,
// Export) to learn whether the write was made.
//
// # SQL used
//
// Tables with VARBINARY, LONGBLOB, BIGINT, SMALLINT and BOOLEAN columns,
// primary keys and secondary indexes declared in CREATE TABLE IF NOT EXISTS;
// multi-row INSERT … ON DUPLICATE KEY UPDATE without VALUES(); SELECT … FOR
// UPDATE; IN lists; UPDATE and DELETE by key; ORDER BY … LIMIT ?;
// transactions at the isolation levels above and START TRANSACTION READ
// ONLY (Export). No JSON_TABLE, RETURNING, LAST_INSERT_ID(expr), CTEs,
// triggers, stored procedures, user-level locks or foreign keys: the
// statements are those MySQL 8.0, MariaDB 10.6 and TiDB v8.5 all document;
// see docs/mysql.md.
package mysqlstore
