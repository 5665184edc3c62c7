using Xunit;

// TorchSharp's global generator (torch.manual_seed) is process-wide: reproducibility tests must
// not interleave with other tests that draw from it. The machines have two cores anyway.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
