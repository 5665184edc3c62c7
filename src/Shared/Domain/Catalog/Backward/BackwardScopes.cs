using System.Collections.Generic;

namespace ModelGen.Domain
{
    /// <summary>
    /// One block instance's generated training forward and backward: a tape class and two methods
    /// in the model's file, shared by every instance with the same plan (torchvision's layer1.0 and
    /// layer1.1). They live in the model's file, not in the block's class, because the block's
    /// class is written once for every use and knows neither the sizes nor the <c>Block.*</c>
    /// values (a stride) that the rules put in the code.
    /// </summary>
    /// <param name="Block">The instance after shape inference.</param>
    /// <param name="NeedsInputGradient">Whether its backward returns ∂L/∂input (not when its input is the model's data).</param>
    /// <param name="Tape">The tape class: <c>BasicBlockTape</c>, <c>BasicBlockTape2</c>, ….</param>
    internal sealed record BackwardScope(BlockPlan Block, bool NeedsInputGradient, string Tape);

    /// <summary>The block instances a model's generated backward goes through, in the order first met, each once.</summary>
    internal sealed class BackwardScopes
    {
        private readonly List<BackwardScope> _scopes = new();

        /// <summary>The scopes registered so far (the emitter writes them in this order, and writing one may add more).</summary>
        public IReadOnlyList<BackwardScope> All => _scopes;

        /// <summary>The scope of <paramref name="block"/>, registered on first use.</summary>
        public BackwardScope Of(BlockPlan block, bool needsInputGradient)
        {
            int sameName = 0;
            foreach (BackwardScope scope in _scopes)
            {
                if (scope.NeedsInputGradient == needsInputGradient && scope.Block.Equals(block))
                {
                    return scope;
                }

                if (scope.Block.Block.Name == block.Block.Name)
                {
                    sameName++;
                }
            }

            string suffix = sameName == 0 ? string.Empty : (sameName + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var added = new BackwardScope(block, needsInputGradient, $"{block.Block.Name}Tape{suffix}");
            _scopes.Add(added);
            return added;
        }
    }
}
