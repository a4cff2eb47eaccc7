// Package catalog is the one registry of error codes shared by every package
// of the module: each code has one owner, one rule ID (or none), a Chinese
// message for end users and an English one for developers.
//
// Packages register their codes during package initialisation with Define
// and read them with Lookup. The registry is written only while packages
// initialise, so concurrent reads afterwards need no lock.
package catalog
