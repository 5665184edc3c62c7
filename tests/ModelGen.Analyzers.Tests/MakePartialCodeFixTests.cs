using System.Threading.Tasks;
using Xunit;
using static ModelGen.Analyzers.DiagnosticDescriptors;
using static ModelGen.Analyzers.Tests.Expect;

namespace ModelGen.Analyzers.Tests;

/// <summary>MG0004's fix: <c>partial</c> goes on the class and every containing type that lacks it.</summary>
public sealed class MakePartialCodeFixTests
{
    [Fact]
    public Task ClassWithModifiers_PartialGoesBeforeTheKeyword()
    {
        var test = new MakePartialTest(
            Source("""
                [Model(4)]
                [Linear(2)]
                public sealed class {|#0:Net|} { }
                """),
            Source("""
                [Model(4)]
                [Linear(2)]
                public sealed partial class Net { }
                """));
        test.ExpectedDiagnostics.Add(At(0, NotPartial, "Net must be declared partial: ModelGen generates the rest of model Net in another partial declaration"));
        return test.RunAsync();
    }

    [Fact]
    public Task ClassWithoutModifiers_KeepsItsIndentation()
    {
        var test = new MakePartialTest(
            Source("""
                    [Model(4)]
                    [Linear(2)]
                    class {|#0:Net|}
                    {
                    }
                """),
            Source("""
                    [Model(4)]
                    [Linear(2)]
                    partial class Net
                    {
                    }
                """));
        test.ExpectedDiagnostics.Add(At(0, NotPartial, "Net must be declared partial: ModelGen generates the rest of model Net in another partial declaration"));
        return test.RunAsync();
    }

    [Fact]
    public Task NestedClass_EveryNonPartialContainingTypeIsFixed()
    {
        var test = new MakePartialTest(
            Source("""
                public static class Outer
                {
                    internal partial class Middle
                    {
                        public class Holder
                        {
                            [Model(4)]
                            [Linear(2)]
                            public class {|#0:Net|} { }
                        }
                    }
                }
                """),
            Source("""
                public static partial class Outer
                {
                    internal partial class Middle
                    {
                        public partial class Holder
                        {
                            [Model(4)]
                            [Linear(2)]
                            public partial class Net { }
                        }
                    }
                }
                """));
        test.ExpectedDiagnostics.Add(At(0, NotPartial, "Outer, Holder and Net must be declared partial: ModelGen generates the rest of model Net in another partial declaration"));
        return test.RunAsync();
    }

    [Fact]
    public Task OtherDeclarationLacksPartial_NoFixOffered_CompilerReportsIt()
    {
        // The declaration with [Model] is partial; the one that is not gets CS0260 from the
        // compiler, and MG0004 (on the [Model] declaration) offers no fix that would change nothing.
        var test = new MakePartialTest(
            Source("""
                [Model(4)]
                [Linear(2)]
                public partial class {|#0:Net|} { }

                public class {|#1:Net|} { }
                """),
            Source("""
                [Model(4)]
                [Linear(2)]
                public partial class {|#0:Net|} { }

                public class {|#1:Net|} { }
                """));
        test.ExpectedDiagnostics.Add(At(0, NotPartial, "Net must be declared partial: ModelGen generates the rest of model Net in another partial declaration"));
        test.ExpectedDiagnostics.Add(Microsoft.CodeAnalysis.Testing.DiagnosticResult.CompilerError("CS0260").WithLocation(1).WithArguments("Net"));
        return test.RunAsync();
    }

    [Fact]
    public Task FixAll_FixesEveryModelInTheDocument()
    {
        var test = new MakePartialTest(
            Source("""
                [Model(4)]
                [Linear(2)]
                public class {|#0:First|} { }

                public class Outer
                {
                    [Model(2)]
                    [Linear(1)]
                    public class {|#1:Second|} { }
                }
                """),
            Source("""
                [Model(4)]
                [Linear(2)]
                public partial class First { }

                public partial class Outer
                {
                    [Model(2)]
                    [Linear(1)]
                    public partial class Second { }
                }
                """));
        test.ExpectedDiagnostics.Add(At(0, NotPartial, "First must be declared partial: ModelGen generates the rest of model First in another partial declaration"));
        test.ExpectedDiagnostics.Add(At(1, NotPartial, "Outer and Second must be declared partial: ModelGen generates the rest of model Second in another partial declaration"));
        test.NumberOfFixAllIterations = 1;
        return test.RunAsync();
    }
}
