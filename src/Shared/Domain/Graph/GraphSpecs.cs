namespace ModelGen.Domain
{
    /// <summary>The domain's copy of the runtime's <c>ModelGen.ShortcutProjection</c> (same values).</summary>
    internal enum ShortcutProjectionSpec
    {
        /// <summary>Identity where the shapes agree, a projection where they do not.</summary>
        Auto = 0,

        /// <summary>Always the input itself.</summary>
        Identity = 1,

        /// <summary>Always a 1×1 convolution with stride, no bias, then batch norm.</summary>
        Projection = 2,
    }

    /// <summary>A residual block's shortcut: where the sum sits in the body and what is added.</summary>
    /// <param name="At">The number of body layers above the sum (the residual body f is <c>Body[0..At)</c>).</param>
    /// <param name="Projection">Identity, projection, or whichever the shapes need.</param>
    /// <param name="FieldName">The projection's field: <c>downsample</c> unless named.</param>
    /// <param name="Display">The attribute as written.</param>
    internal sealed record ShortcutSpec(int At, ShortcutProjectionSpec Projection, string FieldName, string Display);

    /// <summary>
    /// A block as one use instantiates it: the block class's layers with the use's parameter
    /// values in place of the <c>Block.*</c> constants. Read from the block's own attributes
    /// while the model is parsed, so the model's spec holds everything and stays a value.
    /// </summary>
    /// <param name="Name">The block class's name: <c>BasicBlock</c>.</param>
    /// <param name="TypeName">The fully qualified type of its generated module: <c>global::Zoo.BasicBlock</c>.</param>
    /// <param name="Body">Its layers in source order (block uses and branches among them).</param>
    /// <param name="Shortcut">The shortcut of a residual block, or null.</param>
    internal sealed record BlockSpec(string Name, string TypeName, EquatableArray<LayerSpec> Body, ShortcutSpec? Shortcut)
    {
        /// <summary>Whether the block class writes its own <c>forward</c> (its layers are then only declared, sized and registered).</summary>
        public bool HandWrittenForward { get; init; }
    }

    /// <summary>The names of the block parameters and their sentinel values (the runtime's <c>ModelGen.Block</c> constants).</summary>
    internal static class BlockParameters
    {
        /// <summary>The parameters in the order of the sentinels, <c>-1_000_001</c> first.</summary>
        public static readonly string[] Names = { "Width", "Stride", "Kernel", "Padding", "Groups", "Dilation", "Width2" };

        /// <summary>The sentinel of the parameter at <paramref name="index"/> in <see cref="Names"/>.</summary>
        public static int Sentinel(int index) => -1_000_001 - index;

        /// <summary>The index in <see cref="Names"/> of a sentinel, or -1 for an ordinary value.</summary>
        public static int IndexOf(object? value) =>
            value is int i && i <= -1_000_001 && i > -1_000_001 - Names.Length ? -1_000_001 - i : -1;

        /// <summary>The index of a parameter name, or -1.</summary>
        public static int IndexOf(string name) => System.Array.IndexOf(Names, name);
    }

    /// <summary>
    /// A use of a block (<c>[Block&lt;BasicBlock&gt;(Width = 64)]</c>) or a run of uses
    /// (<c>[Repeat&lt;BasicBlock&gt;(2, Width = 128, Stride = 2)]</c>), one instance per repetition.
    /// </summary>
    /// <param name="Entry">The entry: <see cref="BlockUseEntry.Instance"/>.</param>
    /// <param name="Display">The attribute as written.</param>
    /// <param name="BlockName">The block class's name.</param>
    /// <param name="Repeated">Whether the use is a <c>Repeat</c> (a Sequential of the instances).</param>
    /// <param name="Instances">The block, instantiated once per repetition.</param>
    /// <param name="Missing">Parameters the block's layers take that the use does not give.</param>
    /// <param name="Unused">Parameters the use gives that no layer of the block takes.</param>
    /// <param name="Error">Why the block cannot be read (not a [Block] class, a cycle, a count below 1), or null.</param>
    internal sealed record BlockUseSpec(
        LayerEntry Entry,
        string Display,
        string BlockName,
        bool Repeated,
        EquatableArray<BlockSpec> Instances,
        EquatableArray<string> Missing,
        EquatableArray<string> Unused,
        string? Error) : LayerSpec(Entry, Display)
    {
        /// <summary><c>Repeat&lt;BasicBlock&gt;</c>, <c>Block&lt;BasicBlock&gt;</c>.</summary>
        public override string Kind => $"{(Repeated ? "Repeat" : "Block")}<{BlockName}>";
    }

    /// <summary>Blocks applied to the same input and joined (<c>[Concat&lt;A, B&gt;]</c>, <c>[Sum&lt;A, B&gt;]</c>).</summary>
    /// <param name="Entry">The entry: concatenation or sum.</param>
    /// <param name="Display">The attribute as written.</param>
    /// <param name="Branches">The branch blocks, in order.</param>
    /// <param name="IncludeInput">Whether the input joins as the first term.</param>
    /// <param name="Error">Why a branch cannot be read, or null.</param>
    internal sealed record BranchesSpec(
        LayerEntry Entry,
        string Display,
        EquatableArray<BlockSpec> Branches,
        bool IncludeInput,
        string? Error) : LayerSpec(Entry, Display)
    {
        /// <summary><c>Concat&lt;A, B&gt;</c>.</summary>
        public override string Kind
        {
            get
            {
                var names = new string[Branches.Count];
                for (int i = 0; i < names.Length; i++)
                {
                    names[i] = Branches[i].Name;
                }

                return $"{Entry.Name}<{string.Join(", ", names)}>";
            }
        }
    }
}
