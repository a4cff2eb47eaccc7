// Package mysqlstore keeps the counters of package numbering in the MySQL
// family (MySQL 8, MariaDB, a Galera cluster, TiDB), so that allocators in
// any number of processes and servers share one sequence per province-year
// and one suffix sequence per subject, and no number is issued twice across
// restarts or node failures. It is the counterpart of
// numbering/pgstore with the same surface (New, Option, WithIsolation,
// WithUnavailableWait, Error, ErrUnavailable, Codes, Retryable). It speaks
// database/sql: open the *sql.DB with github.com/go-sql-driver/mysql (this
// package imports no driver) and call Migrate once before first use.
//
// # Atomicity
//
// Reserve is one short transaction:
//
//	UPDATE beian_numbering_counter SET last = last + 1 WHERE counter_key = ? AND last < ?
//	SELECT last FROM beian_numbering_counter WHERE counter_key = ?
//
// (with an INSERT … ON DUPLICATE KEY UPDATE creating a missing row first).
// The UPDATE's row lock serialises concurrent reservations of one key until
// the commit; the SELECT reads the transaction's own write. There is no
// read-then-write race. On a Galera cluster, reservations of one key through
// two nodes conflict at certification: one commits, the other fails with
// error 1213 and is retried with the committed value. A reservation whose
// connection breaks during COMMIT is retried too: if it had committed, its
// number is a gap (allowed), never a duplicate. The statements avoid
// LAST_INSERT_ID(expr) and INSERT … RETURNING, which not every engine of
// the family documents.
//
// # Retries and isolation
//
// Every call retries deadlocks and Galera certification failures (server
// error 1213), lock wait timeouts (1205) and TiDB write conflicts (9007,
// 8022, 8028) with jittered exponential backoff, so the same SQL runs at
// REPEATABLE READ (InnoDB's default), READ COMMITTED or SERIALIZABLE
// (WithIsolation; TiDB refuses SERIALIZABLE). While the server cannot be
// reached, or a Galera node is not part of its cluster's primary component
// (1047), it retries for WithUnavailableWait (default 2s) and then fails
// with an *Error matching ErrUnavailable; the next call after the server is
// back succeeds, without restarting the process.
//
// # SQL used
//
// A table with VARBINARY and BIGINT columns and a primary key (Galera
// replicates only tables with one); INSERT … ON DUPLICATE KEY UPDATE without
// VALUES(); UPDATE … WHERE; GREATEST; transactions. All of it is documented
// by MySQL 8.0, MariaDB 10.6 and TiDB v8.5; see docs/mysql.md.
package mysqlstore
