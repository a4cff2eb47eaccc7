// Package sms implements the MIIT SMS verification of a filing submission
// (短信核验, R-83): who receives the code for each filing type
// (Recipients), the verification of one submission (Verification: the
// sixth attempt after five wrong inputs and the end of 24 clock hours
// return the filing to the ISP, at most two resends) and a Verifier that
// issues and checks codes without keeping them.
//
// New groups the people Recipients names by mobile (one person in two
// roles verifies once); Attempt counts wrong inputs, Resend allows two
// resends, Expire and Countdown apply the 24 clock hours. A Verifier
// (HMAC-SHA256 under the caller's key) issues codes sealed with each
// target's certificate tail (kept from Person; a target without one is
// CodeCert) and checks code, mobile and the certificate's last six
// characters in constant time; only the seal of a code is stored.
//
// FilingType is the SDK's one filing-type enum (首次备案, 新增网站, 变更主体,
// ...): package change derives it, package lifecycle keeps it in its State
// and runs the verification as a step of the bureau review
// (lifecycle.ActionSMSSend and the actions after it). Package sms imports
// neither of them.
//
// # Errors
//
// Refusals are *filing.Problem values carrying one of the Code values of
// this package (sms.wrong_input, sms.expired, ...), with the rule ID and
// messages in Chinese for end users and in English for developers;
// errors.Is(err, sms.CodeExpired) matches them.
//
// # Personal data
//
// Person, Target, Targets, Persons and Verification mask mobiles and hide
// certificate tails under fmt (every verb) and log/slog; encoding/json
// keeps the raw values for storage. A Verifier never prints its key.
//
// # Concurrency
//
// A Verification is a value whose methods return the next state; a
// Verifier is safe for concurrent use.
package sms
