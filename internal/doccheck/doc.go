// Package doccheck holds no code: its tests keep the module's documentation
// self-contained and compiled.
//
//   - Every Go block of README.md is quoted from a test file of the module,
//     named by the link on the line before the block: the block is the whole
//     file or one of its declarations, character for character, and a quoted
//     Example has an "// Output:" comment, so go test compiles and runs what
//     the README shows.
//   - Shell blocks hold commands that can be pasted: no escaped pipes, and
//     every ./path they name exists.
//   - Every relative link of a Markdown file the module tracks (README.md,
//     docs/*.md and the others) points at a tracked file or directory, and
//     docs/postgres.md links the example of each adapter its table lists.
//   - No file of the module (Go sources and tests, Markdown, data tables,
//     templates, scripts) cites a path that exists only outside the module
//     (a workspace folder, a design note, a catalogue other than
//     docs/rules.md) or a tracker's issue number: sources are named by the
//     title of their guidance document or regulation, rules by their ID in
//     docs/rules.md.
package doccheck
