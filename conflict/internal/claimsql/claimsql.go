// Package claimsql holds what the SQL adapters of conflict.Store
// (conflict/pgstore, conflict/mysqlstore) share above their SQL: a record
// prepared for writing, the batching of Import, the export, and the
// reading of the change feed and of one record. Each adapter keeps its
// other statements and its transactions.
package claimsql

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"io"
	"iter"

	"github.com/beiankit/beian/conflict"
	"github.com/beiankit/beian/internal/sqltx"
)

// Prepared is a record ready to be written: its subject (certificate
// key), the keys it claims, whether it removes the subject, and its JSON.
type Prepared struct {
	Subject conflict.Key
	Keys    []conflict.Key
	Gone    bool
	Body    []byte
}

// Prepare reads the keys of r (conflict.RecordKeys) and encodes it.
func Prepare(r conflict.Record) (Prepared, error) {
	subj, keys, gone, err := conflict.RecordKeys(r)
	if err != nil {
		return Prepared{}, err
	}
	body, err := json.Marshal(r)
	return Prepared{Subject: subj, Keys: keys, Gone: gone, Body: body}, err
}

// ImportBatch is the number of records Import writes per transaction.
const ImportBatch = 500

// Import applies records in order, ImportBatch per call of write (one
// transaction): a later record of a subject already in the batch flushes
// the batch first, a removal (Prepared.Gone) flushes it and goes to
// remove, and a key claimed by two subjects of one batch stops the import
// with a *conflict.ClaimError, since the batch would claim it all or none.
// prepare is the adapter's Prepare (it may refuse what its columns cannot
// hold). It returns the number of records stored; the batches before a
// failure stay stored.
func Import(records iter.Seq2[conflict.Record, error], prepare func(conflict.Record) (Prepared, error),
	write func([]Prepared) error, remove func(conflict.Key) error) (int, error) {
	var batch []Prepared
	at := map[string]bool{}             // subjects in the batch
	holder := map[conflict.Key]string{} // key → subject, within the batch
	stored := 0
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if err := write(batch); err != nil {
			return err
		}
		stored += len(batch)
		batch, at, holder = batch[:0], map[string]bool{}, map[conflict.Key]string{}
		return nil
	}
	for r, err := range records {
		if err != nil {
			return stored, err
		}
		p, err := prepare(r)
		if err != nil {
			return stored, err
		}
		if p.Gone {
			if err := flush(); err != nil {
				return stored, err
			}
			if err := remove(p.Subject); err != nil {
				return stored, err
			}
			stored++
			continue
		}
		if at[p.Subject.Value] { // replaces an earlier record of the batch
			if err := flush(); err != nil {
				return stored, err
			}
		}
		for _, k := range p.Keys {
			if h, ok := holder[k]; ok && h != p.Subject.Value {
				return stored, &conflict.ClaimError{Taken: []conflict.Taken{{Key: k, Holder: conflict.Key{Kind: conflict.KeyCert, Value: h}}}}
			}
		}
		for _, k := range p.Keys {
			holder[k] = p.Subject.Value
		}
		at[p.Subject.Value] = true
		batch = append(batch, p)
		if len(batch) == ImportBatch {
			if err := flush(); err != nil {
				return stored, err
			}
		}
	}
	return stored, flush()
}

// Get is conflict.Store's Get: query (the adapter's, with its placeholder)
// selects the seq and body of the subject's record that is not removed;
// no row is conflict.NotOnFile. It retries under policy as op.
func Get(ctx context.Context, db *sql.DB, policy sqltx.Policy, op, query string, subject conflict.Key) (conflict.Record, uint64, error) {
	if err := ctx.Err(); err != nil {
		return conflict.Record{}, 0, err
	}
	var (
		r     conflict.Record
		seq   int64
		found bool
	)
	err := sqltx.Do(ctx, policy, op, func(ctx context.Context) error {
		var body []byte
		err := db.QueryRowContext(ctx, query, subject.Value).Scan(&seq, &body)
		found = err == nil
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return nil
		case err != nil:
			return err
		}
		r = conflict.Record{}
		if err := json.Unmarshal(body, &r); err != nil {
			return sqltx.Permanent(err)
		}
		return nil
	})
	switch {
	case err != nil:
		return conflict.Record{}, 0, err
	case !found:
		return conflict.Record{}, 0, conflict.NotOnFile()
	}
	return r, uint64(seq), nil
}

// ScanChanges reads the rows of a change-feed query (seq, removed, body)
// into dst. A body that is not a record is a permanent error: retrying
// cannot mend it.
func ScanChanges(dst conflict.Changes, rows *sql.Rows) (conflict.Changes, error) {
	defer rows.Close()
	for rows.Next() {
		var c conflict.Change
		var seq int64
		var body sql.RawBytes
		if err := rows.Scan(&seq, &c.Removed, &body); err != nil {
			return dst, err
		}
		if err := json.Unmarshal(body, &c.Record); err != nil {
			return dst, sqltx.Permanent(err)
		}
		c.Seq = uint64(seq)
		dst = append(dst, c)
	}
	return dst, rows.Err()
}

// Export is conflict.Store's Export on the tables both adapters create
// (beian_conflict_head, beian_conflict_record): one REPEATABLE READ, READ
// ONLY transaction reads the sequence number and streams the record bodies
// to w (the rows are not held in memory). It retries under policy only
// until the first record is written; after that a failure is returned as
// an *sqltx.Error of op, Unavailable as unavailable says.
func Export(ctx context.Context, db *sql.DB, policy sqltx.Policy, op string, unavailable func(error) bool, w io.Writer) (uint64, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	stop := func(wrote bool, err error) error { // permanent once output was written
		if wrote {
			return sqltx.Permanent(&sqltx.Error{Op: op, Unavailable: unavailable(err), Err: err})
		}
		return err
	}
	var seq int64
	bw := bufio.NewWriterSize(w, 256<<10)
	err := sqltx.Do(ctx, policy, op, func(ctx context.Context) error {
		atCommit, err := sqltx.Run(ctx, db, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true}, func(ctx context.Context, tx *sql.Tx) error {
			if err := tx.QueryRowContext(ctx, `SELECT seq FROM beian_conflict_head WHERE id = 1`).Scan(&seq); err != nil {
				return err
			}
			rows, err := tx.QueryContext(ctx, `SELECT body FROM beian_conflict_record WHERE NOT removed`)
			if err != nil {
				return err
			}
			defer rows.Close()
			wrote := false
			for rows.Next() {
				var b sql.RawBytes
				if err := rows.Scan(&b); err != nil {
					return stop(wrote, err)
				}
				bw.Write(b)
				if err := bw.WriteByte('\n'); err != nil {
					return sqltx.Permanent(err)
				}
				wrote = true
			}
			if err := rows.Err(); err != nil {
				return stop(wrote, err)
			}
			if err := bw.Flush(); err != nil {
				return sqltx.Permanent(err)
			}
			return nil
		})
		if atCommit && ctx.Err() == nil { // the records were written: a retry would repeat them
			return stop(true, err)
		}
		return err
	})
	return uint64(seq), err
}
