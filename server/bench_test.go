package server_test

import (
	"testing"

	"policykg/server/apitest"
	"policykg/store/memory"
)

func BenchmarkQuery(b *testing.B) {
	apitest.Bench(b, memory.New())
}
