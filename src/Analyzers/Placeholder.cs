namespace ModelGen.Analyzers { }
