// Package memory is the embedded kg.Store: the whole graph in memory, with
// the indexes every query needs built once per Load.
//
//	s := memory.New()
//	if err := s.Load(ctx, g); err != nil { // g from loader.LoadFiles, say
//		return err
//	}
//	hits, err := s.Search(ctx, "new materials", nil, 10)
//	page, err := s.List(ctx, kg.ListFilter{Kind: kg.KindIndustry}, kg.Page{First: 20})
//	path, err := s.Path(ctx, "enterprise/a", "industry/b", 4, nil)
//
// Reads never lock: a Load merges into a copy of the current graph, builds
// a new immutable index and publishes it with one atomic swap, so every
// query sees either the whole of a Load or none of it. Loads are
// serialised. The entities and relations a query returns point into the
// index they were read from and are shared between calls; callers must
// not modify them (see kg.Store).
package memory
