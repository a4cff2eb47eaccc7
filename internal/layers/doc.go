// Package layers holds the module's import-direction test: each package
// imports only packages of its own layer or below (README, "How the packages
// fit"), numbering builds without validator/v10 and x/net, and no internal
// package imports the filing root. Only the packages whose directory git
// tracks are checked (internal/modfiles), so a scratch package of its own
// directory in a clone does not fail the suite; where git is missing,
// every package is checked. It has no code of its own.
package layers
