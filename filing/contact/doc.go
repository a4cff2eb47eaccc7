// Package contact answers one question: is this a Chinese mobile number, a
// landline or an e-mail address a filing can give for its responsible
// persons, and what is its canonical form?
//
// CheckMobile checks an 11-digit mobile number against the embedded segment
// table (data/mobile_prefixes.json), CheckLandline an area code and
// subscriber number with an optional extension (data/area_codes.json),
// CheckEmail an address whose domain goes through package domain;
// NormalizePhone and NormalizeEmail return the canonical form to store, as
// personal.Phone and personal.Email, which print masked. Full-width digits
// and separators, "+86" and spaces are accepted.
//
// Every problem is a *problem.Problem with a stable code (phone.*,
// email.*).
package contact
