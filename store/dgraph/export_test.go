package dgraph

// SetAfterRead makes every load call f between its read and its write,
// until the returned function restores the default.
func SetAfterRead(f func()) (restore func()) {
	afterRead = f
	return func() { afterRead = nil }
}
