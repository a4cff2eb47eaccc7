// Package pgstore keeps the filing-resource ledger of package resource in
// PostgreSQL, so that ISP portals in any number of processes share
// one ledger: of two filings redeeming one code at once, in any processes,
// exactly one wins. It speaks database/sql: open the *sql.DB with any
// PostgreSQL driver (github.com/jackc/pgx/v5/stdlib, lib/pq) and call
// Migrate once before first use.
//
// # Atomicity
//
// Swap is one transaction: a conditional UPDATE (the row lock serialises
// concurrent steps on one code; the loser's WHERE no longer holds after the
// winner commits) and a SELECT of the row. Insert locks the instance's row
// of beian_resource_instance (SELECT … FOR UPDATE), counts the instance's
// live entries and inserts, so the cap holds under concurrent issues.
//
// # Retries and isolation
//
// As in numbering/pgstore and conflict/pgstore (the same options and
// errors): serialization failures and deadlocks are retried, so the same SQL
// runs at READ COMMITTED and under SERIALIZABLE (WithIsolation); an
// unreachable server is retried for WithUnavailableWait and then reported as
// an *Error matching ErrUnavailable.
//
// # Portability
//
// The schema and statements avoid what MySQL and TiDB lack: varchar keys,
// bigint instants (Unix microseconds), no RETURNING (the row is read back in
// the transaction), no arrays, sequences or partial indexes. The only
// PostgreSQL spellings are the $n placeholders and INSERT … ON CONFLICT DO
// NOTHING on the instance row (INSERT IGNORE in MySQL).
package pgstore
