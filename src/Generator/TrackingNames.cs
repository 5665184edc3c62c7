namespace ModelGen.Generator
{
    /// <summary>Names of the pipeline's tracked steps; the incrementality tests look them up.</summary>
    public static class TrackingNames
    {
        /// <summary>Classes with [Model], read into equatable declarations.</summary>
        public const string Declarations = nameof(Declarations);

        /// <summary>Declarations after shape inference, filtered to those that can be generated.</summary>
        public const string Plans = nameof(Plans);

        /// <summary>Classes with [Block], read into the values their module classes are written from.</summary>
        public const string Blocks = nameof(Blocks);
    }
}
