namespace ModelGen.Domain
{
    /// <summary>
    /// One layer as declared. Each catalog entry derives its own typed spec from this record
    /// (<c>LinearLayer.Spec</c>, <c>Conv2dLayer.Spec</c>, …) holding exactly its arguments, so
    /// equal declarations give equal specs and the generator's cache holds.
    /// </summary>
    /// <param name="Entry">The catalog entry of the kind; entries are singletons, so equality by reference is equality by kind.</param>
    /// <param name="Display">The attribute as written, whitespace collapsed: <c>Conv2d(16, Kernel = 3)</c>.</param>
    internal abstract record LayerSpec(LayerEntry Entry, string Display)
    {
        /// <summary>The kind's name, which is its attribute's name without <c>Attribute</c>: <c>Conv2d</c>.</summary>
        public virtual string Kind => Entry.Name;

        /// <summary>The declared name (<c>Name = "conv1"</c>): the field and state_dict prefix; null for a numbered one.</summary>
        public string? Name { get; init; }
    }
}
