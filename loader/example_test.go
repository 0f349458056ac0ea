package loader_test

import (
	"fmt"

	"policykg/kg"
	"policykg/loader"
)

func ExampleLoader_Parse() {
	l, err := loader.New(loader.Options{})
	if err != nil {
		panic(err)
	}
	text := "Steel City industrial program\n\n" +
		"First, key tasks\n\n" +
		"1. Strengthen the steel industry. Relying on leading enterprises like Alpha Special Steel and Beta Metals, " +
		"focus on developing stainless steel plates and other products. By 2025, the output value of the steel industry exceeds 50 billion yuan.\n\n" +
		"Responsible units: Municipal Bureau of Industry and Information Technology\n"
	g, err := l.Parse("steel.txt", []byte(text))
	if err != nil {
		panic(err)
	}
	for _, r := range g.Relations {
		if r.Type != kg.PartOf {
			fmt.Println(r.Type, r.From, "→", r.To)
		}
	}
	// Output:
	// BACKBONE_OF enterprise/alpha-special-steel → industry/steel
	// BACKBONE_OF enterprise/beta-metal → industry/steel
	// HAS_TARGET industry/steel → target/steel/2025-output-value-steel-industry-50-steel
	// PRODUCT_OF product/stainless-steel-plate → industry/steel
	// RESPONSIBLE_FOR government-unit/steel/industry-and-information-technology-bureau → section/steel/1.1
}
