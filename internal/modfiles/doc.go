// Package modfiles lists the files of the module that the module-wide
// checks read (rule citations, documentation, data tables, the privacy
// registry): the files git tracks, so that a scratch package or a stray file
// in a clone never fails those checks. Outside a git checkout (a module
// downloaded from the proxy) it lists every file, as the checks did before.
package modfiles
