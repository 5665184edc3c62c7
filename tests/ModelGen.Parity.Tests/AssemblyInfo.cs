using Xunit;

// TorchSharp's global generator (torch.manual_seed) is process-wide: the gradient tests replay
// dropout masks after reseeding, and another test drawing from the generator in between would
// change them. The machines have two cores anyway.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
