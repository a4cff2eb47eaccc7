// Package pgstore keeps the counters of package numbering in PostgreSQL, so
// that allocators in any number of processes and servers share one sequence
// per province-year and one suffix sequence per subject, and no number is
// issued twice across restarts. It speaks database/sql: open the
// *sql.DB with any PostgreSQL driver (github.com/jackc/pgx/v5/stdlib,
// lib/pq) and call Migrate once before first use.
//
// # Why database/sql
//
// The adapter needs nothing a driver-neutral interface lacks: every call is
// one statement or a short transaction. Taking a *sql.DB keeps the driver
// out of this package (a bureau picks pgx, lib/pq or its distributed
// engine's driver, and callers who do not use the adapter never build a
// driver), and database/sql's pool replaces broken connections after a
// server restart on its own. Batch parameters travel as one JSON text
// parameter, so no driver-specific array type is needed.
//
// # Atomicity
//
// Reserve is one statement, an upsert that increments and returns:
//
//	INSERT INTO beian_numbering_counter AS c (key, last) VALUES ($1, 1)
//	ON CONFLICT (key) DO UPDATE SET last = c.last + 1 WHERE c.last < $2
//	RETURNING last
//
// The row lock of the upsert serialises concurrent reservations of one key;
// there is no read-then-write race. A reservation whose connection breaks
// after the commit and is retried leaves a gap (allowed), never a duplicate.
//
// # Retries and isolation
//
// Every call retries serialization failures (SQLSTATE 40001) and deadlocks
// (40P01) with jittered exponential backoff, so the same SQL runs at READ
// COMMITTED (the default), under SERIALIZABLE (WithIsolation) and on
// PostgreSQL-compatible distributed engines that abort conflicting
// transactions. While the server cannot be reached it retries for
// WithUnavailableWait (default 2s) and then fails with an *Error matching
// ErrUnavailable; the next call after the server is back succeeds, without
// restarting the process. Under WithIsolation (an explicit transaction) a
// connection lost during COMMIT is not retried: the call returns at once an
// *Error matching ErrUnavailable with OutcomeUnknown set ("outcome
// unknown"), since the reservation may have been made.
//
// # PostgreSQL features used
//
// Tables with text and bigint columns, a primary key, a CHECK constraint,
// INSERT … ON CONFLICT … DO UPDATE … WHERE … RETURNING, GREATEST,
// SELECT … FOR UPDATE (migrations), jsonb_array_elements and the ->>
// operator (batch parameters), transactional DDL (migrations). No
// sequences, advisory locks, LISTEN/NOTIFY, COPY or stored procedures.
package pgstore
