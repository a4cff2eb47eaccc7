package sqltx

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
)

// Dialect is how Do and Tx read a database family's errors: which ones a
// retry cures (the transaction was rolled back) and which ones mean the
// server cannot be reached.
type Dialect struct {
	// Retryable reports an error after which the transaction was rolled
	// back and may run again (deadlock, serialization failure).
	Retryable func(error) bool
	// Unavailable reports an error of a server that cannot be reached, went
	// away or does not serve yet.
	Unavailable func(error) bool
	// SQLState reads the server's SQLSTATE from the driver's error.
	SQLState func(error) string
}

// MySQL is the dialect of the MySQL family (MySQL, MariaDB, Galera, TiDB),
// read from github.com/go-sql-driver/mysql's *MySQLError without importing
// the driver (see MySQLNumber).
var MySQL = &Dialect{Retryable: MySQLRetryable, Unavailable: MySQLUnavailable, SQLState: mysqlState}

func (p Policy) retryable(err error) bool {
	if p.Dialect != nil {
		return p.Dialect.Retryable(err)
	}
	return Retryable(err)
}

func (p Policy) unavailable(err error) bool {
	if p.Dialect != nil {
		return p.Dialect.Unavailable(err)
	}
	return Unavailable(err)
}

func (p Policy) sqlState(err error) string {
	if p.Dialect != nil {
		return p.Dialect.SQLState(err)
	}
	return sqlState(err)
}

// MySQLNumber returns the server error number of a MySQL-family error and
// its SQLSTATE ("" when the server sent none). It finds, in err's chain, a
// value with a method Number() uint16, or a struct (or pointer to one) with
// an unsigned integer field Number and a [5]byte field SQLState: the shape
// of github.com/go-sql-driver/mysql's *MySQLError, read by reflection so
// that this package imports no driver.
func MySQLNumber(err error) (number int, state string, ok bool) {
	for e := err; e != nil; e = errors.Unwrap(e) {
		if n, ok := e.(interface{ Number() uint16 }); ok {
			st := ""
			if s, ok := e.(interface{ SQLState() string }); ok {
				st = s.SQLState()
			}
			return int(n.Number()), st, true
		}
		v := reflect.ValueOf(e)
		if v.Kind() == reflect.Pointer {
			if v.IsNil() {
				continue
			}
			v = v.Elem()
		}
		if v.Kind() != reflect.Struct {
			continue
		}
		num := v.FieldByName("Number")
		if !num.IsValid() || !num.CanUint() {
			continue
		}
		st := v.FieldByName("SQLState")
		if st.IsValid() && st.Kind() == reflect.Array && st.Len() == 5 && st.Type().Elem().Kind() == reflect.Uint8 {
			b := make([]byte, 5)
			for i := range b {
				b[i] = byte(st.Index(i).Uint())
			}
			if b[0] != 0 {
				state = string(b)
			}
		}
		return int(num.Uint()), state, true
	}
	return 0, "", false
}

func mysqlState(err error) string {
	_, st, _ := MySQLNumber(err)
	return st
}

// The server error numbers the MySQL dialect retries or reads as an
// unavailable server.
const (
	erLockWaitTimeout   = 1205 // ER_LOCK_WAIT_TIMEOUT: the statement was rolled back (the transaction too under Tx's retry)
	erLockDeadlock      = 1213 // ER_LOCK_DEADLOCK: InnoDB deadlock; Galera certification failure and brute-force abort
	erTiDBWriteConflict = 9007 // TiDB ErrWriteConflict (optimistic transactions)
	erTiDBRetryable     = 8022 // TiDB ErrTxnRetryable
	erTiDBSchemaChanged = 8028 // TiDB ErrInfoSchemaChanged: the schema changed during the transaction
	erUnknownCom        = 1047 // ER_UNKNOWN_COM_ERROR: Galera "WSREP has not yet prepared node for application use"
	erConCount          = 1040 // ER_CON_COUNT_ERROR: too many connections
	erServerShutdown    = 1053 // ER_SERVER_SHUTDOWN
	erConnectionKilled  = 1927 // ER_CONNECTION_KILLED (MariaDB)
	erQueryInterrupted  = 1317 // ER_QUERY_INTERRUPTED: the server killed the query (shutdown)
)

// MySQLRetryable reports a deadlock or a Galera certification failure
// (1213), a lock wait timeout (1205), and TiDB's write conflicts (9007,
// 8022, 8028): errors after which the transaction was rolled back and may
// run again; and an error made by Conflict.
func MySQLRetryable(err error) bool {
	if _, ok := errors.AsType[*conflictError](err); ok {
		return true
	}
	n, _, ok := MySQLNumber(err)
	if !ok {
		return false
	}
	switch n {
	case erLockDeadlock, erLockWaitTimeout, erTiDBWriteConflict, erTiDBRetryable, erTiDBSchemaChanged:
		return true
	}
	return false
}

// MySQLUnavailable reports a server that cannot be reached, went away or
// does not serve yet: a Galera node that has not joined its cluster's
// primary component (1047), too many connections (1040), shutdown (1053,
// 1317), a killed connection (1927), SQLSTATE class 08, and the
// connection-level failures Unavailable knows plus the MySQL driver's
// "invalid connection" (a connection that broke during a call).
func MySQLUnavailable(err error) bool {
	if err == nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	if n, st, ok := MySQLNumber(err); ok {
		switch n {
		case erUnknownCom, erConCount, erServerShutdown, erConnectionKilled, erQueryInterrupted:
			return true
		}
		return strings.HasPrefix(st, "08")
	}
	msg := err.Error()
	return Unavailable(err) || strings.Contains(msg, "invalid connection") || strings.Contains(msg, "bad connection")
}

// MigrateMySQL is Migrate for the MySQL family, whose DDL commits on its
// own (no transactional DDL): the version table and every statement of a
// migration must be idempotent (CREATE TABLE IF NOT EXISTS, INSERT … ON
// DUPLICATE KEY UPDATE), so that processes migrating at once, or one that
// died half-way, converge; the version is raised (never lowered) after the
// statements ran. A migration file holds statements each ending with ";" at
// the end of a line; lines starting with "--" are comments. It never
// downgrades: a database at a higher version than fsys knows is an error.
func MigrateMySQL(ctx context.Context, db *sql.DB, p Policy, component string, fsys fs.FS) error {
	type mig struct {
		version int
		stmts   []string
	}
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return err
	}
	var migs []mig
	for _, e := range entries {
		name := e.Name()
		if path.Ext(name) != ".sql" {
			continue
		}
		num, _, _ := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if err != nil || v < 1 {
			return errors.New("sqltx: migration " + name + " is not named NNNN_name.sql")
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		migs = append(migs, mig{v, SplitStatements(string(b))})
	}
	slices.SortFunc(migs, func(a, b mig) int { return a.version - b.version })
	want := 0
	if len(migs) > 0 {
		want = migs[len(migs)-1].version
	}
	return Do(ctx, p, component+": Migrate", func(ctx context.Context) error {
		if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS beian_schema_version (
	component VARCHAR(64) NOT NULL PRIMARY KEY,
	version   INT NOT NULL
)`); err != nil {
			return err
		}
		if _, err := db.ExecContext(ctx, `INSERT INTO beian_schema_version (component, version) VALUES (?, 0)
ON DUPLICATE KEY UPDATE version = version`, component); err != nil {
			return err
		}
		var have int
		if err := db.QueryRowContext(ctx, `SELECT version FROM beian_schema_version WHERE component = ?`, component).Scan(&have); err != nil {
			return err
		}
		if have > want {
			return Permanent(errors.New("sqltx: the database schema of " + component + " is at version " + strconv.Itoa(have) +
				", newer than this program's " + strconv.Itoa(want) + ": upgrade the program"))
		}
		for _, m := range migs {
			if m.version <= have {
				continue
			}
			for _, stmt := range m.stmts {
				if _, err := db.ExecContext(ctx, stmt); err != nil {
					return fmt.Errorf("sqltx: migration %d of %s: %w", m.version, component, err)
				}
			}
		}
		if want > have {
			_, err := db.ExecContext(ctx, `UPDATE beian_schema_version SET version = GREATEST(version, ?) WHERE component = ?`, want, component)
			return err
		}
		return nil
	})
}

// SplitStatements splits a migration file into statements: each ends with
// ";" at the end of a line; lines starting with "--" (after blanks) are
// comments. Statements come back trimmed, without their ";", never empty.
func SplitStatements(src string) []string {
	var out []string
	var cur strings.Builder
	for line := range strings.Lines(src) {
		trim := strings.TrimSpace(line)
		if trim == "" || strings.HasPrefix(trim, "--") {
			continue
		}
		cur.WriteString(line)
		if strings.HasSuffix(trim, ";") {
			stmt := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(cur.String()), ";"))
			if stmt != "" { // a lone ";" ends nothing
				out = append(out, stmt)
			}
			cur.Reset()
		}
	}
	if s := strings.TrimSpace(cur.String()); s != "" {
		out = append(out, s)
	}
	return out
}

// retries counts the retries of Do in this process.
var retries atomic.Uint64

// Retries returns how many times Do retried a call in this process (after
// a deadlock, certification failure, serialization failure or lock wait
// timeout, or while the server was unreachable): a figure for tests and
// metrics.
func Retries() uint64 { return retries.Load() }

// Conflict wraps an error that the MySQL dialect retries as it does a
// deadlock: a store's own finding that a concurrent transaction won (a
// compare-and-set that changed no row).
func Conflict(err error) error { return &conflictError{err} }

type conflictError struct{ err error }

func (c *conflictError) Error() string { return c.err.Error() }
func (c *conflictError) Unwrap() error { return c.err }

// MySQLText returns query with each "?" replaced by its argument written as
// a literal, so that the statement goes to the server as text (COM_QUERY)
// rather than as a server-side prepared statement (COM_STMT_PREPARE,
// COM_STMT_EXECUTE, COM_STMT_CLOSE), whatever the DSN's interpolateParams.
// The MySQL-family stores run every statement of their transactions
// through it: on MariaDB Galera a transaction aborted by another node's
// write set (a brute-force abort) while the client is between the commands
// of a prepared statement can be rolled back without the client being
// told, and the transaction's later statements then run and commit one by
// one in autocommit mode, so that only part of the transaction is kept
// (docs/mysql.md, "Galera and prepared statements"). A text statement
// reports such an abort as error 1213.
//
// Strings and byte slices become hexadecimal literals (X'…': any bytes,
// no quoting, nothing to escape), integers decimal numbers, booleans TRUE
// or FALSE, nil NULL; any other value is written as the hexadecimal
// literal of fmt.Sprint(v). The query itself must hold no "?" other than
// the placeholders (no "?" inside quoted text or comments).
func MySQLText(query string, args ...any) string {
	var b strings.Builder
	b.Grow(len(query) + 16*len(args))
	next := 0
	for i := 0; i < len(query); i++ {
		if query[i] != '?' || next >= len(args) {
			b.WriteByte(query[i])
			continue
		}
		writeMySQLLiteral(&b, args[next])
		next++
	}
	return b.String()
}

func writeMySQLLiteral(b *strings.Builder, v any) {
	switch x := v.(type) {
	case nil:
		b.WriteString("NULL")
	case string:
		writeMySQLHex(b, x)
	case []byte:
		writeMySQLHex(b, string(x))
	case bool:
		if x {
			b.WriteString("TRUE")
		} else {
			b.WriteString("FALSE")
		}
	case int:
		b.WriteString(strconv.FormatInt(int64(x), 10))
	case int32:
		b.WriteString(strconv.FormatInt(int64(x), 10))
	case int64:
		b.WriteString(strconv.FormatInt(x, 10))
	case uint32:
		b.WriteString(strconv.FormatUint(uint64(x), 10))
	case uint64:
		b.WriteString(strconv.FormatUint(x, 10))
	default:
		writeMySQLHex(b, fmt.Sprint(x))
	}
}

// writeMySQLHex writes s as a hexadecimal literal, X'…' (an empty s gives
// the empty binary string).
func writeMySQLHex(b *strings.Builder, s string) {
	const digits = "0123456789ABCDEF"
	b.WriteString("X'")
	for i := 0; i < len(s); i++ {
		b.WriteByte(digits[s[i]>>4])
		b.WriteByte(digits[s[i]&0x0f])
	}
	b.WriteByte('\'')
}
