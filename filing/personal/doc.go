// Package personal holds the personal data of a filing (PIPL) in types that
// never print it in clear: IDNumber (a certificate number), Phone and Email
// print masked through fmt (every verb but %p, under which fmt prints a
// value that is not a pointer without calling its methods, and go vet does
// not object, since the types implement fmt.Formatter) and log/slog
// ("110105********123X"), encoding/json keeps the full value for storage,
// and Raw returns it explicitly. MaskedLogValue, MaskAttr and FormatMasked
// mask the personal data of any struct, slice or map that holds these
// types, for the LogValue and Format methods of such types (package
// filing's Person, Subject, Website, App...).
//
// The checks that produce these values are in packages certno (certificate
// numbers) and contact (phones and e-mail). Package filing re-exports the
// types as filing.IDNumber, filing.Phone and filing.Email, and the masking
// functions under the same names.
package personal
