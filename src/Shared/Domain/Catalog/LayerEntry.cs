using System.Collections.Generic;
using System.Linq;

namespace ModelGen.Domain
{
    /// <summary>
    /// Everything about one layer kind, in one place: its attribute's arguments (read with their
    /// defaults, then validated), its shape rule with the wording of its diagnostics, its
    /// parameters and buffers with the formula for the comment, the traits analyzers ask, and the
    /// TorchSharp code that creates and runs it. The reader, the inference, the emitter and the
    /// analyzers iterate <see cref="LayerCatalog"/> and name no kind; adding a kind is adding an
    /// entry (and its attribute and tests). Modelled on ONNX's operator schemas, which register
    /// each operator's shape inference beside its definition, and on Keras layers, which answer
    /// <c>compute_output_shape</c> and <c>count_params</c> in their own file.
    /// </summary>
    internal abstract partial class LayerEntry
    {
        /// <summary>The kind's name, which is the attribute's name without <c>Attribute</c> and, where PyTorch has the module, its name: <c>Conv2d</c>.</summary>
        public abstract string Name { get; }

        /// <summary>The field-name prefix, numbered per prefix in source order (<c>conv1</c>, <c>fc2</c>): the state_dict keys, so it never changes.</summary>
        public abstract string FieldPrefix { get; }

        /// <summary>What analyzers may ask of the kind.</summary>
        public virtual LayerTraits Traits => LayerTraits.None;

        /// <summary>Whether the kind has all of <paramref name="traits"/>.</summary>
        public bool Has(LayerTraits traits) => (Traits & traits) == traits;

        // ---- what review rules ask of a declared layer (docs/diagnostics/MG0016.md and on) ----

        /// <summary>Whether the layer as declared adds a learned bias per output channel (per feature for flat outputs).</summary>
        public virtual bool HasBias(LayerSpec spec) => false;

        /// <summary>The probability that the layer drops an element in training, or null for a kind that drops nothing.</summary>
        public virtual double? DropProbability(LayerSpec spec) => null;

        /// <summary>
        /// The sliding window of a layer whose output size follows out = floor((W + 2P − D·(F − 1) − 1) / S) + 1
        /// with explicit symmetric padding, or null (no window, or padding the layer computes itself).
        /// </summary>
        public virtual SlidingWindow? WindowOf(LayerSpec spec) => null;

        // ---- documentation (docs/layers.md is generated from these) ----

        /// <summary>The attribute with its arguments and defaults: <c>Linear(out, Bias = true)</c>.</summary>
        public abstract string Signature { get; }

        /// <summary>The TorchSharp (PyTorch) module it creates: <c>nn.Linear</c>.</summary>
        public virtual string Module => "nn." + Name;

        /// <summary>The shape rule in words and formulas: <c>F → out</c>.</summary>
        public abstract string ShapeRule { get; }

        /// <summary>The parameter formula: <c>in·out + out</c>; <c>0</c> for none.</summary>
        public virtual string ParameterRule => "0";

        /// <summary>
        /// Whether the shape rule takes <paramref name="input"/> when it holds the symbolic sequence
        /// length (<see cref="Shape.Symbolic"/>). Element-wise layers (activations, dropout) do; other
        /// kinds opt in, and then must never use the symbolic dimension as a size (counts take it as
        /// 1: <see cref="Shape.Elements"/>). Inference reports the others, so an entry that never
        /// heard of symbolic lengths is safe.
        /// </summary>
        public virtual bool AcceptsSymbolicLength(LayerSpec spec, EquatableArray<int> input) => Has(LayerTraits.Activation) || Has(LayerTraits.TrainingOnly);

        /// <summary>
        /// Whether the kind takes token ids (int64) rather than floats (<c>Embedding</c>). A model
        /// whose input is token ids must start with such a layer, and such a layer takes nothing else.
        /// </summary>
        public virtual bool TakesTokenIds => false;

        /// <summary>
        /// Whether a layer of the kind is a module of its own: a field, created in the constructor,
        /// a row of the layer table. Graph steps that apply another layer again (<c>Reuse</c>) or
        /// restart the shapes of a hand-written forward (<c>Segment</c>) are not.
        /// </summary>
        public virtual bool OwnsModule => true;

        // ---- reading and checking ----

        /// <summary>Builds the typed spec from the attribute's arguments, applying the attribute's defaults.</summary>
        public abstract LayerSpec Read(DeclaredArguments args);

        /// <summary>Range checks that need no shape: one message per broken rule, naming the layer and the value.</summary>
        public abstract IEnumerable<string> Check(LayerSpec spec);

        /// <summary>
        /// The shape rule: the output shape and counts for the context's input, or null after
        /// reporting (through the context) why the layer cannot take that input.
        /// </summary>
        public abstract LayerOutcome? Infer(LayerSpec spec, LayerContext context);

        // ---- emission ----

        /// <summary>The field's type: <c>global::TorchSharp.Modules.Linear</c>.</summary>
        public abstract string FieldType(LayerPlan layer);

        /// <summary>The expression that creates the layer.</summary>
        public abstract string Factory(LayerPlan layer);

        /// <summary>The expression that applies the layer to <paramref name="input"/>.</summary>
        public virtual string Forward(LayerPlan layer, string input) => $"{layer.FieldName}.forward({input})";

        /// <summary>How the parameter count comes about, for the layer's comment: <c>16·1·3·3 + 16</c>; empty when there is none.</summary>
        public virtual string ParameterFormula(LayerPlan layer) => string.Empty;
    }

    /// <summary>A <see cref="LayerEntry"/> over its own spec type, so each kind's code reads its own fields.</summary>
    internal abstract partial class LayerEntry<TSpec> : LayerEntry
        where TSpec : LayerSpec
    {
        public sealed override LayerSpec Read(DeclaredArguments args) => ReadSpec(args);

        public sealed override IEnumerable<string> Check(LayerSpec spec) => Check((TSpec)spec);

        public sealed override LayerOutcome? Infer(LayerSpec spec, LayerContext context) => Infer((TSpec)spec, context);

        public sealed override string Factory(LayerPlan layer) => Factory((TSpec)layer.Spec, layer);

        public sealed override string ParameterFormula(LayerPlan layer) => ParameterFormula((TSpec)layer.Spec, layer);

        public override string FieldType(LayerPlan layer) => $"{CSharp.Modules}.{Name}";

        protected abstract TSpec ReadSpec(DeclaredArguments args);

        protected virtual IEnumerable<string> Check(TSpec spec) => Enumerable.Empty<string>();

        protected abstract LayerOutcome? Infer(TSpec spec, LayerContext context);

        protected abstract string Factory(TSpec spec, LayerPlan layer);

        protected virtual string ParameterFormula(TSpec spec, LayerPlan layer) => string.Empty;
    }
}
