// Package seeds embeds the source documents the service loads by default, so
// the binary runs anywhere without them on disk.
//
//	g, err := l.LoadFS(seeds.FS, seeds.Names()) // l is a *loader.Loader
package seeds

import (
	"embed"
	"io/fs"
)

// FS holds the seed documents (*.txt) at its root.
//
//go:embed *.txt
var FS embed.FS

// Names returns the names of the seed documents in FS, sorted.
func Names() []string {
	names, err := fs.Glob(FS, "*.txt")
	if err != nil {
		panic(err) // the pattern is valid, and FS cannot fail
	}
	return names
}
