// Package materials says which documents a filing must carry beyond its
// fields and checks that none is missing: the authenticity form of
// every new filing, domain certificates from the fourth domain, a
// handheld-ID photo without electronic verification, residence proof for
// an individual filing outside the province of the resident ID and the
// principal's authorisation letter where the province asks them (read
// from package filing's province table), and the rows a caller adds for
// its province's letters and videos. The matrix is data
// (data/materials.json, each row with its source); Required lists what a
// case needs, Check names what is missing in Chinese.
package materials
