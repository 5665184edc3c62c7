using System;
using TorchSharp;
using static TorchSharp.torch;

namespace ModelGen.Training
{
    /// <summary>
    /// Random changes to image batches (N×C×H×W) during training, each sample drawn on its own
    /// from TorchSharp's seeded generator: mirror flips with probability ½, and shifts of up to
    /// <paramref name="MaxShift"/> pixels in each direction with zeros filling the gap. Validation
    /// and evaluation see the images unchanged.
    /// </summary>
    /// <param name="HorizontalFlip">Mirror left–right with probability ½ (not for digits: a flipped 3 is not a 3).</param>
    /// <param name="VerticalFlip">Mirror top–bottom with probability ½.</param>
    /// <param name="MaxShift">The largest shift in pixels, per axis (default 0).</param>
    public sealed record ImageAugmentation(bool HorizontalFlip = false, bool VerticalFlip = false, int MaxShift = 0)
    {
        /// <summary>Applies the augmentation to a batch.</summary>
        /// <param name="images">N×C×H×W images.</param>
        /// <returns>The augmented batch (a new tensor in the caller's dispose scope).</returns>
        public Tensor Apply(Tensor images)
        {
            ArgumentNullException.ThrowIfNull(images);
            if (images.dim() != 4)
            {
                throw new ArgumentException($"Image augmentation needs N×C×H×W batches, got {TensorShape.Format(images.shape)}.", nameof(images));
            }

            if (MaxShift < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(MaxShift), MaxShift, "A shift cannot be negative.");
            }

            long n = images.shape[0];
            Tensor result = images;
            if (HorizontalFlip)
            {
                result = torch.where(torch.rand(n, 1, 1, 1, device: images.device).lt(0.5), result.flip(3), result);
            }

            if (VerticalFlip)
            {
                result = torch.where(torch.rand(n, 1, 1, 1, device: images.device).lt(0.5), result.flip(2), result);
            }

            if (MaxShift > 0)
            {
                long s = MaxShift;
                long h = images.shape[2];
                long w = images.shape[3];
                Tensor padded = nn.functional.pad(result, new[] { s, s, s, s });
                long[] offsets = torch.randint(0, (2 * s) + 1, new[] { n, 2 }).data<long>().ToArray();
                var samples = new Tensor[n];
                for (long i = 0; i < n; i++)
                {
                    samples[i] = padded[i].narrow(1, offsets[2 * i], h).narrow(2, offsets[(2 * i) + 1], w);
                }

                result = torch.stack(samples);
            }

            return result;
        }
    }
}
