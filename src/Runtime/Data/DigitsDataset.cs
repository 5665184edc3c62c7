using System;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Reflection;
using System.Text;

namespace ModelGen.Data
{
    /// <summary>
    /// The optical-recognition 8×8 handwritten digits (UCI, as shipped with scikit-learn): 1,797
    /// images of the digits 0–9 with pixel counts 0–16. The data are embedded in this assembly, so
    /// loading needs no file and no network. See <see cref="Description"/> for the provenance.
    /// </summary>
    public static class DigitsDataset
    {
        /// <summary>The number of images.</summary>
        public const int SampleCount = 1797;

        /// <summary>The number of classes (the digits 0–9).</summary>
        public const int ClassCount = 10;

        /// <summary>The side of an image in pixels.</summary>
        public const int ImageSize = 8;

        /// <summary>The largest pixel value; features are divided by it to lie in [0, 1].</summary>
        public const float MaxPixel = 16f;

        private const string DataResource = "ModelGen.Data.Datasets.digits.csv.gz";
        private const string DescriptionResource = "ModelGen.Data.Datasets.digits.rst";
        private const int Pixels = ImageSize * ImageSize;

        /// <summary>
        /// Loads every image: features are float32 pixels scaled to [0, 1] (pixel ÷ 16), targets are
        /// int64 digit labels.
        /// </summary>
        /// <param name="layout">N×1×8×8 images (default) or N×64 rows.</param>
        /// <returns>A data set of <see cref="SampleCount"/> samples, in the file's order.</returns>
        public static TensorDataset Load(DigitsLayout layout = DigitsLayout.Image)
        {
            (float[] pixels, long[] labels) = ReadArrays();
            long[] sampleShape = layout switch
            {
                DigitsLayout.Image => new long[] { 1, ImageSize, ImageSize },
                DigitsLayout.Flat => new long[] { Pixels },
                _ => throw new ArgumentOutOfRangeException(nameof(layout), layout, "Unknown layout."),
            };
            return TensorDataset.FromArrays(pixels, sampleShape, labels);
        }

        /// <summary>
        /// Reads the embedded CSV (64 pixel columns 0–16, then the label) into scaled pixels, row
        /// after row, and labels.
        /// </summary>
        /// <returns>1,797·64 pixels in [0, 1] and 1,797 labels in 0–9.</returns>
        /// <exception cref="InvalidDataException">The embedded file is not the expected table.</exception>
        public static (float[] Pixels, long[] Labels) ReadArrays()
        {
            float[] pixels = new float[SampleCount * Pixels];
            long[] labels = new long[SampleCount];
            using Stream compressed = OpenResource(DataResource);
            using var gzip = new GZipStream(compressed, CompressionMode.Decompress);
            using var reader = new StreamReader(gzip, Encoding.ASCII);

            int row = 0;
            string? line;
            while ((line = reader.ReadLine()) is not null)
            {
                if (line.Length == 0)
                {
                    continue;
                }

                if (row == SampleCount)
                {
                    throw new InvalidDataException($"The digits table has more than {SampleCount} rows.");
                }

                ParseRow(line, row, pixels.AsSpan(row * Pixels, Pixels), out labels[row]);
                row++;
            }

            if (row != SampleCount)
            {
                throw new InvalidDataException($"The digits table has {row} rows, expected {SampleCount}.");
            }

            return (pixels, labels);
        }

        /// <summary>The data set's description (scikit-learn's <c>digits.rst</c>): source, licence, references.</summary>
        public static string Description
        {
            get
            {
                using var reader = new StreamReader(OpenResource(DescriptionResource), Encoding.UTF8);
                return reader.ReadToEnd();
            }
        }

        private static void ParseRow(string line, int row, Span<float> pixels, out long label)
        {
            ReadOnlySpan<char> rest = line.AsSpan();
            for (int column = 0; column <= Pixels; column++)
            {
                int comma = rest.IndexOf(',');
                ReadOnlySpan<char> cell = comma < 0 ? rest : rest[..comma];
                if ((comma < 0) != (column == Pixels))
                {
                    throw new InvalidDataException($"Row {row + 1} of the digits table does not have {Pixels + 1} columns.");
                }

                if (!int.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out int value)
                    || value > (column == Pixels ? ClassCount - 1 : (int)MaxPixel))
                {
                    throw new InvalidDataException($"Row {row + 1}, column {column + 1} of the digits table holds '{cell.ToString()}'.");
                }

                if (column == Pixels)
                {
                    label = value;
                    return;
                }

                pixels[column] = value / MaxPixel;
                rest = rest[(comma + 1)..];
            }

            throw new InvalidDataException($"Row {row + 1} of the digits table has no label.");
        }

        private static Stream OpenResource(string name) =>
            typeof(DigitsDataset).GetTypeInfo().Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The resource {name} is missing from {typeof(DigitsDataset).Assembly.GetName().Name}.");
    }
}
