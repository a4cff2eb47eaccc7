// Package conflict holds the national ICP record set in memory and answers
// the two questions the filing system asks of it: does a new or changed
// filing collide with what is on file (R-30, R-31, R-13, with the guidance
// of R-30..R-32), and what does the public query show.
//
// # Records
//
// A Record is one subject with its websites and apps: the record on file
// of package filing/record (Record and its parts are aliases of record's
// types; record.Of turns a filing into one). The index reads the subject's
// province, number, name, nature, certificate and status, and the
// websites' number, name, domains, home URL, IPs and status. An Index holds them: New, then Load / LoadSlice /
// LoadJSONL in bulk, Put to add or replace one subject's record, Remove /
// RemoveCert to take records out, Lookup / LookupCert to read one back. A
// record is identified by its subject certificate (type and number) and,
// once approved, its subject number. Filings under review and returned
// filings are records too (statuses bureau_review, returned_to_user, ...):
// they have no numbers but they block. Draft, cancelled and deleted
// websites are not kept.
//
// LoadJSONL and JSONL read the one export of package filing/record (one
// Record a line, the file the shell classification reads too) through its
// decoder, record.LineDecoder. A line decodes as json.Unmarshal decodes it:
// lines in the export's shape through a decoder without reflection, any
// other line (and every line in error) through encoding/json itself, so
// results and errors are encoding/json's.
//
// # Check
//
// Index.Check(f) reports typed conflicts (Conflict, by Kind):
//
//   - KindDomainSameProvince / KindDomainOtherProvince: a domain of
//     the filing is on file for another subject. Domains meet by registrable
//     domain (domain.RegistrableDomain): "www.Example.com.", "example.com" and
//     "m.example.com" meet, "例子.中国" meets "xn--fsqu00a.xn--fiqs8s".
//   - KindSubjectFiled: the certificate is on file under the same
//     sponsor name: the applicant filed before and should add the website
//     under its existing subject through its ISP.
//     KindSubjectCertificateTaken: the certificate is on file under
//     another name: check it, correct it, or contact the bureau with proof.
//     KindSubjectNumberNotProven: the subject number the filing names
//     belongs to another certificate; claims are checked, never believed.
//   - KindResubmission / KindPending: the applicant's own returned or
//     pending filing of the website is filed again as new.
//   - KindDomainFiledByYou: a domain already filed under one of the
//     applicant's own websites is filed as a new website (file a change).
//
// A conflict is data: its kind (a registered code with its rule; Kinds
// lists them), the field path, the key that meets (registrable domain, app
// identifier, kind of contact), the filing's province and the blocking
// record (number, province, status, never personal data). What to tell the
// applicant (the statement in Chinese and English, the bureau to turn to,
// the form and materials where one is needed, and the steps, from the
// bureaus' guidance: 江西省通信管理局 用户典型问题指南 (三)1-2, 网站备案日常问题解答
// §二) is rendered when read by package conflict/guidance (guidance.For),
// so a Check that only decides pays for no text.
//
// The applicant is identified by its certificate and, once approved, by
// Subject.Number; a website with a Number is a change of that website.
// Records of the applicant's own subject never block a change filing or a
// new website with a new domain. The Resubmission option declares the
// filing to be the applicant's returned filing, edited and sent back.
//
// Bad input (malformed or public-suffix domains, duplicate domains, unknown
// provinces, numbers not on file) is a *filing.ValidationError listing every
// problem with its JSON path, never a panic. Other failures are *Error
// values carrying one of the sentinel Codes ErrNotFound, ErrNumberTaken,
// ErrBadRecord, ErrBadInput, ErrBadQuery, which errors.Is matches.
//
// # Public query
//
// Index.Query searches by website name, domain, home URL, record or licence
// number, website IP or sponsor name and returns PublicRecord rows,
// a type with no field for certificate numbers, phones, e-mail addresses or
// IPs. Only filed records show. Names match as whole names on NameKey (NFKC,
// case-folded, white space removed), as the MIIT system matches whole names;
// there is no prefix or substring search (it would need another index and
// would let the public enumerate the record set).
//
// # Apps
//
// A Record carries its subject's apps, mini-programs and quick apps
// (Record.Apps, R-70). Check meets the platform identifiers of a filing's
// apps with those on file, case-insensitively (filing.AppIdentifierKey):
// KindAppIdentifierTaken when another subject holds one (R-74, reported
// like a domain conflict, never resolved), KindAppFiledByYou
// when the applicant's own app has it, and KindAppNameTaken, a finding of
// its own, when another subject's app has the same name. Query finds apps
// by name (ByAppName), number and sponsor name; every row names its
// ServiceType (网站, APP应用, 小程序, 快应用). App data lives in one byte arena
// beside the subject blobs (app.go).
//
// # Shared record set
//
// Where several processes share the record set (portal instances behind a
// load balancer, a bureau's servers), a Store keeps it: the records, the
// unique keys each subject holds (Key: registrable domain, app platform
// identifier, certificate, record number, principals' contact keys;
// RecordKeys), and a change
// sequence. A Store claims the keys of a record all or none (Put), so no
// two subjects ever hold one key however many processes race; MemoryStore
// is the in-process one, conflict/pgstore the PostgreSQL one,
// conflict/mysqlstore the MySQL-family one, and conflicttest.TestStore the
// suite they pass. A Replica keeps each
// process's Index in step with the Store (Load, Sync, Follow), so checks
// stay in memory, and Replica.Claim answers a race lost in the Store with
// the Conflicts Check gives. A change of a subject on file reads the
// subject's record from the Store, which keeps every field of it (Get), and
// Replica.ClaimChange writes the changed record back unless the subject
// changed in between.
//
// # Principals' contacts
//
// A principal's mobile or e-mail address used by another subject's
// principal is refused. Contacts is the register a process checks
// before it files (Check, then Put once filed): it keeps keyed hashes only
// (ContactKeyer, under the ISP's secret) and answers most Checks from a
// filter without a lock. An Index made WithContacts asks the register in
// its own Check, so that one call reports domains, certificates and
// contacts alike. Where several processes share the record set,
// ContactKeyer.Stamp writes the same keyed hashes into the record
// (Subject.ContactKeys), and the Store claims them with the record's other
// keys: a record of another subject holding one is refused on every
// instance, and ContactKeyer.TakenConflicts turns the refusal into
// Conflicts. A contact itself in place of its key is refused
// (CodeContactKey), so none reaches a store.
//
// # Memory layout
//
// Built for the national record set (millions of websites) on one machine:
//
//   - Each subject with its websites is one immutable string (a compact
//     varint encoding: numbers, names, domains, URL, IPs, statuses, interned
//     nature and certificate type ids); website numbers are stored as their
//     suffix ("-2") after the subject number. No per-record pointers besides
//     that one string.
//   - Subjects, websites, domain entries and IP entries have uint32 ids;
//     their relations are uint32 arrays (website → subject, entry →
//     website).
//   - Each lookup key (certificate, subject number, sponsor name, website
//     name, registrable domain, IP) maps its 32-bit hash to the head of a
//     linked list of ids kept in uint32 arrays: an open-addressed table of
//     8-byte slots (hash and head), plus 4 bytes per entry (singly linked:
//     certificates, numbers, domains) or 8 (doubly linked: names, IPs).
//     Keys that share a hash share a list; every read verifies the key
//     against the stored record. Home URLs are found through their host's
//     registrable domain, website numbers through their subject number, so
//     neither needs its own table.
//   - At national scale each dependent load of a Check misses the CPU
//     caches, so the read path is laid out by its loads: a Check first
//     loads the home slots of all its keys together (their misses
//     overlap); the registrable-domain table keeps beside each slot the
//     record of its list's first entry, so a domain met is slot, then
//     record (with the entry's owner and the next entry loaded alongside):
//     two misses in series from a filing to the record that blocks it.
//
// # Concurrency
//
// One sync.RWMutex. Readers (Check, Query, Lookup) share it and never block
// each other; normalisation and message building happen outside it. A
// writer normalises a record before taking the lock and holds it only to
// link the record (microseconds), so readers never see half an update. Bulk
// loads normalise on all cores and link in batches of 256 records per lock
// hold. Figures are in BENCHMARKS.md ("## conflict").
package conflict
