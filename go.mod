module policykg

go 1.25
