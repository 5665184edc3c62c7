namespace ModelGen.Samples.Zoo
{
    /// <summary>
    /// Numbers published for a model outside ModelGen, typed in from their source: they are the
    /// reference the compile-time constants are compared with, never an output of ModelGen.
    /// </summary>
    /// <param name="Source">Where the numbers come from.</param>
    /// <param name="Parameters">Trainable parameters.</param>
    /// <param name="MultAdds">torchinfo's "Total mult-adds" for one sample.</param>
    /// <param name="WeightGigaMultAdds">torchvision's "GFLOPS" (weight mult-adds, in billions, rounded as published).</param>
    /// <param name="ForwardBackwardBytes">torchinfo's "Forward/backward pass size" for one sample, in bytes.</param>
    public sealed record Published(string Source, long? Parameters = null, long? MultAdds = null, double? WeightGigaMultAdds = null, long? ForwardBackwardBytes = null);
}
