// Package numbering gives structure to record numbers (备案号) and issues new
// ones without ever duplicating one; it also reads
// public-security filing numbers (公安联网备案号, R-87).
//
// # Numbers
//
// Parse reads one number and Number.String prints it back in canonical form;
// Parse(n.String()) == n for every Number Parse returns. Four kinds are
// understood:
//
//   - ICP filing numbers (KindICPFiling): province abbreviation + "ICP备" +
//     serial + "号", with an optional "-N" service suffix. Old serials have 8
//     digits (two-digit year + six), current ones 10 (four-digit year + six):
//     京ICP备05002571号, 粤ICP备2021012345号-3. Since 工信部信管〔2023〕105号
//     websites, apps, mini-programs and quick apps of a subject share one
//     suffix sequence and a letter marks the kind: -1 website, -2A app, -3X
//     mini-program, -4K quick app (R-42; Number.Service).
//   - ICP licences (KindICPLicence): 京ICP证030173号.
//   - value-added telecom licences (KindTelecomLicence): 京B2-20090059,
//     A2.B1.B2-20090003 (nationwide), 合字B1.B2-20130004; licensed subjects'
//     services are numbered under them (粤B2-20090059-1626X).
//   - public security filing numbers (KindPublicSecurity, R-87):
//     京公网安备11010502030143号, a 6-digit area code + 8 digits
//     (Number.Region), and the older forms 京公网安备110105000655号 and
//     浙备3301000000001号 (Number.Legacy).
//
// This package holds the one parser of public-security numbers: Parse and
// Find read them, and ParsePublicSecurity, for a form field, is Parse with
// the number's R-87 warnings (Number.Warnings: an older form, an area code
// missing from the GB/T 2260 table, or one of another province than the
// abbreviation), which never reject a number.
//
// Number is a small comparable struct: compare with ==, use it as a map key.
// Number.Subject drops the service suffix. Province abbreviations come from
// filing's province table; every abbreviation of a province is accepted on
// input (川 and 蜀, 贵 and 黔) and the canonical one is printed.
//
// Parse is strict about structure and tolerant of presentation: spaces between
// the parts, full-width digits and letters, dash variants (－ — –), lower
// case, a colon after 备, Traditional 備/號 are normalised; a missing 号, a
// suffix before 号, "-0", "-007", serials of the wrong length, masked serials
// (黔ICP备1500041X号, the seed's illustration), unknown provinces and any text
// around the number are rejected with a *ParseError carrying a stable Code,
// Chinese and English messages and the byte and character offset. To pull
// numbers out of a footer or a page, use Find (or FindAll for positions): it
// applies the same grammar at every place a number can begin and skips what
// does not parse.
//
// # Allocation
//
// An Allocator issues subject numbers per province and year in the current
// 10-digit form (year*1e6 + seq, seq from 1; the year of the approval instant
// in China Standard Time) and service suffixes per subject (one sequence for
// websites, apps, mini-programs and quick apps; max ever issued + 1, so a
// cancelled website's suffix is never reused, R-41). State lives behind the
// small Store interface (atomic reserve-next of a counter, raise-to-at-least,
// snapshot); MemoryStore is the lock-striped in-memory implementation and
// numberingtest.TestStore is the conformance suite a database-backed store
// must pass. Allocator.Seed lets a bureau migrating in continue after the
// highest numbers it already issued. A sequence that would pass its range
// fails with ErrSequenceExhausted, never a wrong number. Allocator.NextApp
// issues the number of an app, mini-program or quick app (filing.AppKind)
// from the same sequence: …号-2A, -3X, -4K, or 粤B2-20090059-1626X under a
// licence.
package numbering
