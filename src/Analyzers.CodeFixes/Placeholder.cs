namespace ModelGen.Analyzers.CodeFixes { }
