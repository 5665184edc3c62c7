using System;
using System.Linq;
using ModelGen.Samples.Zoo;
using TorchSharp;
using Xunit;

namespace ModelGen.Parity.Tests
{
    /// <summary>The model zoo: compile-time constants against the published numbers and against TorchSharp.</summary>
    public sealed class ZooTests
    {
        /// <summary>Models small enough to construct in a unit test; the big ones are constructed by the zoo itself in CI.</summary>
        private const long ConstructedInTests = 5_000_000;

        public static TheoryData<string> Names => new(Zoo.Models.Select(model => model.Name));

        public static TheoryData<string> SmallNames => new(Zoo.Models.Where(model => model.CompileTime.Parameters <= ConstructedInTests).Select(model => model.Name));

        [Theory]
        [MemberData(nameof(Names))]
        public void Compile_time_numbers_equal_the_published_ones(string name)
        {
            ZooModel model = Zoo.Models.Single(m => m.Name == name);
            Published published = model.Published;
            Assert.True(published.Parameters is not null || published.MultAdds is not null || published.WeightGigaMultAdds is not null, $"{name} has no published number");

            if (published.Parameters is long parameters)
            {
                Assert.Equal(parameters, model.CompileTime.Parameters);
            }

            if (published.MultAdds is long multAdds)
            {
                Assert.Equal(multAdds, model.CompileTime.MultAdds);
            }

            if (published.WeightGigaMultAdds is double giga)
            {
                Assert.Equal(giga, Math.Round(model.CompileTime.WeightMultAdds / 1e9, 3));
            }

            if (published.ForwardBackwardBytes is long bytes)
            {
                Assert.Equal(bytes, model.CompileTime.ForwardBackwardBytes);
            }
        }

        [Theory]
        [MemberData(nameof(SmallNames))]
        public void Constructed_module_matches_the_compile_time_numbers(string name)
        {
            ZooModel entry = Zoo.Models.Single(m => m.Name == name);
            using var module = (torch.nn.Module)entry.Create();
            var model = (IGeneratedModel)module;
            Assert.Equal(entry.CompileTime, model.Costs);
            Assert.Equal(entry.CompileTime.Parameters, ModelCensus.Parameters(model));

            // Sequence models run at two lengths; token ids below 2 are valid for any vocabulary.
            bool symbolic = Enumerable.Range(0, model.InputShape.Count).Any(model.InputShape.IsAnyLength);
            bool tokens = model.LayerTable[0].Kind == "Embedding";
            if (symbolic || tokens)
            {
                SequenceParity.AssertMatchesTorch(model, vocabulary: tokens ? 2 : 0, symbolic ? new long[] { 1, 7 } : Array.Empty<long>());
            }
            else
            {
                ModelParity.AssertMatchesTorch(model);
            }
        }

        [Fact]
        public void Zoo_names_are_unique_and_lower_case()
        {
            string[] names = Zoo.Models.Select(model => model.Name).ToArray();
            Assert.Equal(names.Length, names.Distinct(StringComparer.Ordinal).Count());
            Assert.All(names, name => Assert.Matches("^[a-z0-9_]+$", name));
        }
    }
}
