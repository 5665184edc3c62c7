using System.Collections.Generic;
using System.Linq;

namespace ModelGen.Domain
{
    /// <summary>
    /// The backward half of an entry, beside its forward as JAX registers a primitive's rule next
    /// to its definition: what the training forward keeps, and the code that turns ∂L/∂y into ∂L/∂x
    /// and each parameter's gradient, with the formula (PyTorch's derivatives.yaml, one line per
    /// input) as its comment. The emitter walks the layers in reverse and names no kind; a kind
    /// without a rule makes its model train with autograd.
    /// </summary>
    internal abstract partial class LayerEntry
    {
        /// <summary>Whether the kind has a backward rule for this layer (a rule may cover some arguments only).</summary>
        public virtual bool HasBackward(LayerPlan layer) => false;

        /// <summary>
        /// The tensors, besides the layer's input and output, that the training forward keeps for the
        /// backward (<c>mask</c>, <c>indices</c>): fields of the tape, numbered by layer (<c>mask3</c>).
        /// </summary>
        public virtual IEnumerable<string> SavedForBackward(LayerPlan layer) => Enumerable.Empty<string>();

        /// <summary>The C# type of a saved field: a tensor unless the rule keeps more (a recurrent layer's tape).</summary>
        public virtual string SavedType(LayerPlan layer, string name) => CSharp.Tensor;

        /// <summary>
        /// The statements of the training forward (no autograd graph is recorded): they set
        /// <see cref="BackwardNames.Output"/> from <see cref="BackwardNames.Input"/> and fill the saved
        /// tensors. By default the layer's own forward, when nothing needs saving.
        /// </summary>
        public virtual IEnumerable<string> TrainingForward(LayerPlan layer, BackwardNames names)
        {
            yield return $"{names.Output} = {Forward(layer, names.Input)};";
        }

        /// <summary>The rule as a formula, for the comment above the code: <c>∂W = δᵀ·x, ∂b = Σ δ, δ ← δ·W</c>.</summary>
        public virtual string BackwardFormula(LayerPlan layer) => string.Empty;

        /// <summary>The formula for the layer as the backward names it (a lookup's follower, or a lookup whose δ is per table row, says so).</summary>
        public virtual string BackwardFormula(LayerPlan layer, BackwardNames names) => BackwardFormula(layer);

        /// <summary>
        /// The backward statements: from <see cref="BackwardNames.Grad"/> = ∂L/∂y they write each
        /// parameter's gradient (<c>Gradients.Set</c>) and, when <see cref="BackwardNames.NeedsInputGradient"/>,
        /// set <see cref="BackwardNames.Grad"/> to ∂L/∂x.
        /// </summary>
        public virtual IEnumerable<string> Backward(LayerPlan layer, BackwardNames names) => Enumerable.Empty<string>();

        // ---- graph steps (blocks, branches, reuse) override these; a plain kind keeps the defaults ----

        /// <summary>
        /// The layer that keeps this one from having a generated backward: itself when its kind has no
        /// rule, the first such layer inside a block or branch, or null when every layer has one.
        /// </summary>
        public virtual LayerPlan? BackwardBlocker(LayerPlan layer) => HasBackward(layer) ? null : layer;

        /// <summary>
        /// Why libtorch's own backward kernel is measurably faster than this layer's rule (by more than
        /// about 10 % in the benchmark), or null: a model with such a layer has the generated backward
        /// but trains with autograd by default (<c>GeneratedBackward = true</c> switches). The
        /// benchmark's figures are the reason, not taste.
        /// </summary>
        public virtual string? FasterWithAutograd(LayerPlan layer) => null;

        /// <summary><see cref="FasterWithAutograd(LayerPlan)"/> for a layer that may read a lookup's table (<see cref="TakesLookup"/>), which changes its cost.</summary>
        /// <param name="layer">The layer.</param>
        /// <param name="afterLookup">Whether it reads the lookup before it (<see cref="BackwardRules.ReadsLookup"/>).</param>
        public virtual string? FasterWithAutograd(LayerPlan layer, bool afterLookup) => FasterWithAutograd(layer);

        /// <summary>
        /// The parameter whose rows the layer's output looks up, one row per token id (an Embedding's
        /// <c>weight</c>), or null. A following layer that <see cref="TakesLookup"/> then reads the ids and
        /// the table instead of the looked-up rows, and its backward hands this layer δ per table row
        /// (<see cref="BackwardNames.GradPerTableRow"/>) instead of δ per position.
        /// </summary>
        public virtual string? LookupTable(LayerPlan layer) => null;

        /// <summary>
        /// Whether the layer, reading a lookup's output, multiplies it by a matrix W first and so can
        /// multiply the table instead: x·Wᵀ = (E·Wᵀ)[ids] over V table rows rather than N·L positions,
        /// and its backward returns δE = S·W with S = Σ δ(x·Wᵀ) over the positions of each id
        /// (<see cref="BackwardNames.Lookup"/>).
        /// </summary>
        public virtual bool TakesLookup(LayerPlan layer) => false;

        /// <summary>Why a layer that <see cref="BackwardBlocker"/> returned keeps its model on autograd, for MG0014.</summary>
        /// <param name="layer">The blocker.</param>
        /// <param name="where">Where it is, after its display: <c> (in Block&lt;A&gt;(Width = 4))</c>, or empty for a layer of the model.</param>
        public virtual string NoBackwardReason(LayerPlan layer, string where) => $"{layer.Spec.Display}{where} has no generated backward rule yet";

        /// <summary>
        /// The fields the layer adds to the tape, besides its output: by default one per
        /// <see cref="SavedForBackward"/>, of <see cref="SavedType"/>, named <see cref="BackwardNames.SavedField"/>.
        /// </summary>
        public virtual IEnumerable<TapeField> TapeFields(LayerPlan layer, BackwardNames names) =>
            SavedForBackward(layer).Select(saved => new TapeField(SavedType(layer, saved), names.SavedField(saved)));

        /// <summary>
        /// The field whose parameters the layer's backward writes: its own; a layer applied again
        /// (<c>Reuse</c>) writes the reused layer's. Where two steps write one field, the one the
        /// backward reaches second adds to the gradients the first wrote.
        /// </summary>
        public virtual string ParameterField(LayerPlan layer) => layer.FieldName;
    }

    /// <summary>What a layer reads in place of a lookup's output (see <see cref="LayerEntry.TakesLookup"/>).</summary>
    /// <param name="Ids">The token ids on the tape: <c>t.x0</c>.</param>
    /// <param name="Table">The looked-up parameter: <c>embedding1.weight!</c>.</param>
    internal sealed record LookupInput(string Ids, string Table);

    /// <summary>A field of a generated tape class.</summary>
    /// <param name="Type">Its C# type.</param>
    /// <param name="Name">Its name: <c>mask3</c>.</param>
    /// <param name="Initializer">Its initializer: <c>null!</c> for what the training forward assigns, <c>new()</c> for a nested tape.</param>
    internal sealed record TapeField(string Type, string Name, string Initializer = "null!");

    /// <summary>The names a layer's backward code uses in the generated training forward and <c>Backward</c>.</summary>
    /// <param name="Index">The layer's position, from 1; the tape's <c>x{Index}</c> is its output.</param>
    /// <param name="Field">The field of the module the layer runs: <c>fc1</c>; <c>block.conv1</c> in a block instance's methods; the reused layer's for a <c>Reuse</c>.</param>
    /// <param name="NeedsInputGradient">Whether ∂L/∂x is needed (not for the first layer, whose input is data).</param>
    internal sealed record BackwardNames(int Index, string Field, bool NeedsInputGradient)
    {
        /// <summary>The tape variable of the generated code.</summary>
        public const string Tape = "t";

        /// <summary>The running gradient ∂L/∂(current tensor): <c>g</c>, or <c>gs</c> on a block's projection shortcut.</summary>
        public string Grad { get; init; } = "g";

        /// <summary>
        /// For a layer that <see cref="LayerEntry.TakesLookup"/> right after one with a
        /// <see cref="LayerEntry.LookupTable"/>: the token ids and the table it reads; null otherwise.
        /// </summary>
        public LookupInput? Lookup { get; init; }

        /// <summary>For a lookup layer whose follower read its table: δ arrives per table row (V×D), not per position.</summary>
        public bool GradPerTableRow { get; init; }

        /// <summary>The layer's input on the tape: <c>t.x2</c> (the block's input <c>t.x0</c> for a projection shortcut).</summary>
        public string Input { get; init; } = $"{Tape}.x{Index - 1}";

        /// <summary>The layer's output on the tape: <c>t.x3</c>.</summary>
        public string Output => $"{Tape}.x{Index}";

        /// <summary>
        /// The blocks whose training forward and backward the generated file holds, one per distinct
        /// instance: a block use registers its instances here and calls their methods. Set by the emitter.
        /// </summary>
        public BackwardScopes Scopes { get; init; } = null!;

        /// <summary>A saved tensor on the tape: <c>t.mask3</c>.</summary>
        public string Saved(string name) => $"{Tape}.{SavedField(name)}";

        /// <summary>The tape field of a saved tensor: <c>mask3</c>.</summary>
        public string SavedField(string name) => $"{name}{Index}";

        /// <summary>A parameter of the layer: <c>fc1.weight!</c>.</summary>
        public string Parameter(string name) => $"{Field}.{name}!";

        /// <summary>An element-wise rule, δ ← δ ⊙ f′: the statement, or none for the first layer.</summary>
        public IEnumerable<string> MultiplyGrad(string derivative) =>
            NeedsInputGradient ? new[] { $"{Grad} = {Grad}.mul({derivative});" } : Enumerable.Empty<string>();

        /// <summary>The statement that writes a parameter's gradient.</summary>
        public string SetGradient(string parameter, string value) => $"{BackwardRules.Gradients}.Set({Parameter(parameter)}, {value});";

        /// <summary>The statement that writes the matrix product <paramref name="left"/>·<paramref name="right"/> as a parameter's gradient (one addmm into a flat buffer's slice).</summary>
        public string SetGradientProduct(string parameter, string left, string right) =>
            $"{BackwardRules.Gradients}.SetProduct({Parameter(parameter)}, {left}, {right});";
    }
}
