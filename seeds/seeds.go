// Package seeds embeds the source documents the service loads by default, so
// the binary runs anywhere without them on disk.
package seeds

import "embed"

// FS holds the seed documents (*.txt) at its root.
//
//go:embed *.txt
var FS embed.FS
