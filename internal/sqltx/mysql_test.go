package sqltx

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSplitStatements(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"empty", "", nil},
		{"comments only", "-- a\n  -- b\n", nil},
		{"one", "CREATE TABLE t (a INT);\n", []string{"CREATE TABLE t (a INT)"}},
		{"multi-line", "CREATE TABLE t (\n\ta INT\n);\nINSERT INTO t VALUES (1);", []string{"CREATE TABLE t (\n\ta INT\n)", "INSERT INTO t VALUES (1)"}},
		{"comment between", "SELECT 1;\n-- note\nSELECT 2;\n", []string{"SELECT 1", "SELECT 2"}},
		{"no final semicolon", "SELECT 1;\nSELECT 2", []string{"SELECT 1", "SELECT 2"}},
		{"semicolon inside a line is not an end", "SELECT ';' AS x;\n", []string{"SELECT ';' AS x"}},
		{"CRLF", "SELECT 1;\r\nSELECT 2;\r\n", []string{"SELECT 1", "SELECT 2"}},
		{"full-width text kept", "INSERT INTO t VALUES ('黔ＩＣＰ');\n", []string{"INSERT INTO t VALUES ('黔ＩＣＰ')"}},
	} {
		assert.Equal(t, tc.want, SplitStatements(tc.src), tc.name)
	}
}

func FuzzSplitStatements(f *testing.F) {
	f.Add("CREATE TABLE t (a INT);\n-- c\nINSERT INTO t VALUES (1);")
	f.Add(";\n;\n")
	f.Fuzz(func(t *testing.T, src string) {
		stmts := SplitStatements(src)
		for _, s := range stmts {
			if s == "" || strings.TrimSpace(s) != s {
				t.Fatalf("statement %q is empty or not trimmed", s)
			}
		}
	})
}

type numbered struct{ n uint16 }

func (e numbered) Error() string    { return fmt.Sprint("error ", e.n) }
func (e numbered) Number() uint16   { return e.n }
func (e numbered) SQLState() string { return "40001" }

type shaped struct {
	Number   uint16
	SQLState [5]byte
	Message  string
}

func (e *shaped) Error() string { return e.Message }

func TestMySQLNumber(t *testing.T) {
	for _, tc := range []struct {
		err   error
		n     int
		state string
		ok    bool
	}{
		{numbered{1213}, 1213, "40001", true},
		{fmt.Errorf("wrapped: %w", numbered{1205}), 1205, "40001", true},
		{&shaped{Number: 1047, SQLState: [5]byte{'0', '8', 'S', '0', '1'}}, 1047, "08S01", true},
		{&shaped{Number: 1205}, 1205, "", true},
		{(*shaped)(nil), 0, "", false},
		{errors.New("Error 1213: text only"), 0, "", false},
		{nil, 0, "", false},
	} {
		n, st, ok := MySQLNumber(tc.err)
		assert.Equal(t, tc.n, n, "%v", tc.err)
		assert.Equal(t, tc.state, st, "%v", tc.err)
		assert.Equal(t, tc.ok, ok, "%v", tc.err)
	}
	assert.True(t, MySQLRetryable(Conflict(errors.New("raced"))))
	assert.False(t, MySQLUnavailable(Conflict(errors.New("raced"))))
}

func TestMySQLTextInlinesArgumentsAsLiterals(t *testing.T) {
	for _, c := range []struct {
		name  string
		query string
		args  []any
		want  string
	}{
		{"no arguments", `SELECT seq FROM t WHERE id = 1`, nil, `SELECT seq FROM t WHERE id = 1`},
		{"string as hex", `SELECT a FROM t WHERE k = ?`, []any{"ab"}, `SELECT a FROM t WHERE k = X'6162'`},
		{"quote and backslash cannot escape", `SELECT ?`, []any{`x' OR '1'='1\`}, `SELECT X'7827204F52202731273D27315C'`},
		{"UTF-8 bytes", `SELECT ?`, []any{"黔"}, `SELECT X'E9BB94'`},
		{"bytes", `SELECT ?`, []any{[]byte{0, 0xff}}, `SELECT X'00FF'`},
		{"empty string", `SELECT ?`, []any{""}, `SELECT X''`},
		{"integers", `UPDATE t SET a = ?, b = ?, c = ?, d = ? WHERE e = ?`, []any{int64(-7), 3, uint64(18446744073709551615), int32(-2), uint32(4)},
			`UPDATE t SET a = -7, b = 3, c = 18446744073709551615, d = -2 WHERE e = 4`},
		{"booleans and NULL", `VALUES (?, ?, ?)`, []any{true, false, nil}, `VALUES (TRUE, FALSE, NULL)`},
		{"other types through fmt", `SELECT ?`, []any{1.5}, `SELECT X'312E35'`},
		{"placeholders in order", `INSERT INTO t VALUES (?,?),(?,?)`, []any{"a", 1, "b", 2}, `INSERT INTO t VALUES (X'61',1),(X'62',2)`},
		{"more placeholders than arguments", `SELECT ?, ?`, []any{1}, `SELECT 1, ?`},
	} {
		assert.Equal(t, c.want, MySQLText(c.query, c.args...), c.name)
	}
}
