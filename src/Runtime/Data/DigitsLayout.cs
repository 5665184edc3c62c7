namespace ModelGen.Data
{
    /// <summary>How <see cref="DigitsDataset.Load"/> shapes each 8×8 image.</summary>
    public enum DigitsLayout
    {
        /// <summary>One channel of 8×8 pixels: N×1×8×8, for convolutional models.</summary>
        Image = 0,

        /// <summary>64 pixels in row-major order: N×64, for fully connected models.</summary>
        Flat = 1,
    }
}
