package loader

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"policykg/kg"
	"policykg/loader/lexicon"
)

// DefaultMaxBytes is the largest document accepted unless Options say otherwise.
const DefaultMaxBytes = 16 << 20

// Options configure a Loader. The zero value is ready to use.
type Options struct {
	// MaxBytes is the largest document accepted; 0 means DefaultMaxBytes.
	MaxBytes int64
	// Lexicon is the vocabulary; nil means the embedded lexicon.Default().
	Lexicon *lexicon.Lexicon
}

// Loader turns documents into graphs. It is safe for concurrent use.
type Loader struct {
	v   *vocab
	max int64
}

// New compiles the vocabulary once for all documents the Loader parses.
func New(opt Options) (*Loader, error) {
	lex := opt.Lexicon
	if lex == nil {
		var err error
		if lex, err = lexicon.Default(); err != nil {
			return nil, err
		}
	}
	v, err := compile(lex)
	if err != nil {
		return nil, err
	}
	max := opt.MaxBytes
	if max <= 0 {
		max = DefaultMaxBytes
	}
	return &Loader{v: v, max: max}, nil
}

// DocumentID is the ID of the document at path, and of the PolicyDocument
// entity that stands for it: "policy-document/" and the slug of the file
// name without its extension.
func DocumentID(path string) string {
	base := filepath.Base(path)
	return kg.ID(kg.KindPolicyDocument, strings.TrimSuffix(base, filepath.Ext(base)))
}

// ReadFile reads a document, refusing what is not a regular file or is
// larger than the limit, before reading it whole.
func (l *Loader) ReadFile(path string) ([]byte, error) {
	return l.read(func(p string) (fs.File, error) { return os.Open(p) }, path)
}

// read is ReadFile for files that open opens.
func (l *Loader) read(open func(string) (fs.File, error), path string) ([]byte, error) {
	f, err := open(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, kg.Errorf(kg.ENOTFOUND, "%s: no such file", path)
		}
		return nil, kg.Errorf(kg.EINVALID, "%s: %v", path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, kg.Errorf(kg.EINVALID, "%s: %v", path, err)
	}
	if st.IsDir() {
		return nil, kg.Errorf(kg.EINVALID, "%s: is a directory, not a document", path)
	}
	if !st.Mode().IsRegular() && st.Mode()&os.ModeNamedPipe == 0 {
		return nil, kg.Errorf(kg.EINVALID, "%s: not a regular file", path)
	}
	// Read one byte past the limit so that growth during the read is caught too.
	data, err := io.ReadAll(io.LimitReader(f, l.max+1))
	if err != nil {
		return nil, kg.Errorf(kg.EINVALID, "%s: %v", path, err)
	}
	if int64(len(data)) > l.max {
		return nil, kg.Errorf(kg.ELIMIT, "%s: larger than the %d-byte limit", path, l.max)
	}
	return data, nil
}

// Validate checks that data is a text document the loader can read: not
// empty, not over the size limit, valid UTF-8, and not binary.
func (l *Loader) Validate(data []byte) error {
	switch {
	case int64(len(data)) > l.max:
		return kg.Errorf(kg.ELIMIT, "larger than the %d-byte limit", l.max)
	case len(bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\ufeff")))) == 0:
		return kg.Errorf(kg.EINVALID, "empty document")
	case bytes.IndexByte(data, 0) >= 0:
		return kg.Errorf(kg.EINVALID, "binary data (NUL bytes), not a text document")
	case !utf8.Valid(data):
		return kg.Errorf(kg.EINVALID, "not valid UTF-8 text")
	}
	control := 0
	for _, c := range data {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			control++
		}
	}
	if control*100 > len(data) {
		return kg.Errorf(kg.EINVALID, "binary data (control characters), not a text document")
	}
	return nil
}

// Parse extracts the graph of one document, identified by path (which is
// recorded as given). The returned graph is sorted.
func (l *Loader) Parse(path string, data []byte) (*kg.Graph, error) {
	return l.parse(DocumentID(path), path, data)
}

func (l *Loader) parse(id, path string, data []byte) (*kg.Graph, error) {
	if err := l.Validate(data); err != nil {
		return nil, kg.Errorf(kg.ErrorCode(err), "%s: %v", path, err)
	}
	d := newDoc(l.v, id, string(data))
	d.extract()
	g := d.b.graph()
	g.Documents = []kg.Document{{ID: id, Title: d.title, Path: path}}
	return g, nil
}

// LoadFiles reads and parses each file and merges the graphs. Documents
// whose file names would give the same ID get "-2", "-3"… in argument order.
// It stops at the first bad file, returning nothing of the others.
func (l *Loader) LoadFiles(paths []string) (*kg.Graph, error) {
	return l.load(l.ReadFile, paths)
}

// LoadFS is LoadFiles for the files of fsys, such as the embedded seeds.
func (l *Loader) LoadFS(fsys fs.FS, paths []string) (*kg.Graph, error) {
	return l.load(func(p string) ([]byte, error) { return l.read(fsys.Open, p) }, paths)
}

func (l *Loader) load(read func(string) ([]byte, error), paths []string) (*kg.Graph, error) {
	g := &kg.Graph{Documents: []kg.Document{}, Entities: []kg.Entity{}, Relations: []kg.Relation{}}
	seen := map[string]int{}
	for _, p := range paths {
		data, err := read(p)
		if err != nil {
			return nil, err
		}
		id := DocumentID(p)
		seen[id]++
		if n := seen[id]; n > 1 {
			id = fmt.Sprintf("%s-%d", id, n)
		}
		one, err := l.parse(id, p, data)
		if err != nil {
			return nil, err
		}
		g.Merge(one)
	}
	return g, nil
}
