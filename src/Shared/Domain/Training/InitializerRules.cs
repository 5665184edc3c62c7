using System.Collections.Generic;
using System.Linq;

namespace ModelGen.Domain
{
    /// <summary>Checks of the <c>[Initialize]</c> attributes against the inferred layers.</summary>
    internal static class InitializerRules
    {
        public static void Check(ModelSpec spec, IReadOnlyList<LayerPlan> layers, List<ModelProblem> problems)
        {
            string[] withParameters = layers.Where(layer => layer.Parameters > 0).Select(layer => layer.FieldName).ToArray();
            for (int i = 0; i < spec.Initializers.Count; i++)
            {
                InitializerSpec initializer = spec.Initializers[i];
                if (double.IsNaN(initializer.Bias) || double.IsInfinity(initializer.Bias))
                {
                    problems.Add(Problem(i, $"{initializer.Display}: Bias must be finite, got {Numbers.Format(initializer.Bias)}"));
                }

                if (withParameters.Length == 0)
                {
                    problems.Add(Problem(i, $"{initializer.Display}: {spec.Name} has no layer with parameters to initialize"));
                }
                else if (initializer.Layer is string layer && !withParameters.Contains(layer))
                {
                    string known = layers.Any(plan => plan.FieldName == layer) ? $"{layer} has no parameters" : $"{spec.Name} has no layer named '{layer}'";
                    problems.Add(Problem(i, $"{initializer.Display}: {known}; the layers with parameters are {string.Join(", ", withParameters)}"));
                }
            }
        }

        private static ModelProblem Problem(int index, string message) =>
            new(ProblemKind.InvalidArgument, ProblemTarget.Initializer, index, message);
    }
}
