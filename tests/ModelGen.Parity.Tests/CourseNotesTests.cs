using System.Linq;
using ModelGen.Samples.CourseNotes;
using TorchSharp;
using Xunit;
using static ModelGen.Samples.CourseNotes.WorkedExamples;
using static TorchSharp.torch;

namespace ModelGen.Parity.Tests
{
    /// <summary>
    /// The course notes' worked examples (samples/CourseNotes): every expected number is the notes',
    /// written here by hand, never taken from the code under test.
    /// </summary>
    public sealed class CourseNotesTests
    {
        private static readonly double[][] Pairs = { new double[] { 0, 0 }, new double[] { 0, 1 }, new double[] { 1, 0 }, new double[] { 1, 1 } };

        [Fact]
        public void Nand_unit_pre_activations_and_outputs()
        {
            // z = 6 − 5x₁ − 5x₂ on (0,0), (0,1), (1,0), (1,1): 6, 1, 1, −4; step: 1, 1, 1, 0 (NAND).
            Assert.Equal(new double[] { 6, 1, 1, -4 }, Run(Nand(new Perceptron()), TruthTable()));
            Assert.Equal(new double[] { 1, 1, 1, 0 }, Run(Nand(new StepUnit()), TruthTable()));
        }

        [Fact]
        public void Not_and_or_xor_from_nand_units()
        {
            StepUnit u = Nand(new StepUnit());
            Assert.Equal(new double[] { 1, 0 }, new[] { Not(u, 0), Not(u, 1) });
            Assert.Equal(new double[] { 0, 0, 0, 1 }, Pairs.Select(p => And(u, p[0], p[1])));
            Assert.Equal(new double[] { 0, 1, 1, 1 }, Pairs.Select(p => Or(u, p[0], p[1])));
            Assert.Equal(new double[] { 0, 1, 1, 0 }, Pairs.Select(p => Xor(u, p[0], p[1])));
        }

        [Fact]
        public void A_single_unit_never_fits_xor_and_one_hidden_layer_does()
        {
            torch.manual_seed(1);
            using var single = new XorSingleUnit();
            using var hidden = new XorHiddenLayer();
            Assert.True(single.GeneratedBackward);
            // A line separates at most 3 of XOR's 4 points.
            Assert.True(TrainXor(single, 300) <= 0.75);
            Assert.Equal(1.0, TrainXor(hidden, 500));
        }

        [Fact]
        public void One_dimensional_convolution_full_and_valid()
        {
            // f = [1, 2, 3] ∗ g = [2, 1]: full [2, 5, 8, 3], valid [5, 8]; the layer correlates, so its kernel is [1, 2].
            var full = new FullConv1d();
            SetWeights(full, "conv1.weight", 1, 2);
            var valid = new ValidConv1d();
            SetWeights(valid, "conv1.weight", 1, 2);
            Tensor f = tensor(new float[] { 1, 2, 3 }).reshape(1, 1, 3);
            Assert.Equal(new double[] { 2, 5, 8, 3 }, Run(full, f));
            Assert.Equal(new double[] { 5, 8 }, Run(valid, f));
        }

        [Fact]
        public void Two_dimensional_convolution_and_max_pool_of_relu()
        {
            var conv = new Conv2x2();
            SetWeights(conv, "conv1.weight", 1, 0.5, 0.5, 1);
            Assert.Equal(new double[] { 4, 4, 4, 3 }, Run(conv, tensor(new float[] { 1, 2, 1, 2, 1, 1, 1, 1, 1 }).reshape(1, 1, 3, 3)));

            var pool = new ConvReluPool();
            SetWeights(pool, "conv1.weight", 1, 0, 0, 1);
            Assert.Equal(new double[] { 5 }, Run(pool, tensor(new float[] { 1, 0, 2, 3, 1, 0, 0, 0, 4 }).reshape(1, 1, 3, 3)));
        }

        [Fact]
        public void Scalar_lstm_hidden_states()
        {
            using var lstm = ScalarLstmWeights(new ScalarLstm());
            double[] h = Run(lstm, LstmInput());
            double[] notes = { 0, 0, 0.7616, -0.7616, 0.7616, -0.3808 };
            Assert.Equal(notes.Length, h.Length);
            for (int t = 0; t < notes.Length; t++)
            {
                Assert.True(System.Math.Abs(h[t] - notes[t]) < 1e-4, $"h[{t}] = {h[t]}, notes {notes[t]}");
            }

            // Rounded as the notes do: [0, 0, 1, −1, 1, 0].
            Assert.Equal(new double[] { 0, 0, 1, -1, 1, 0 }, h.Select(v => System.Math.Round(v)));
        }

        [Fact]
        public void Scalar_lstm_bptt_gradients_equal_autograd()
        {
            using var lstm = GradientCheck.Float64(ScalarLstmWeights(new ScalarLstm()));
            Tensor target = tensor(new double[] { 0, 1, 1, 0, 1, 0 }, dtype: ScalarType.Float64).reshape(1, 6, 1);
            GradientCheck.AssertMatchesAutograd(lstm, LstmInput(ScalarType.Float64), target, 1e-8);
        }

        [Fact]
        public void Output_sizes()
        {
            // 28×28×3, 16 filters of 5×5: 24×24×16 and 16·(5·5·3 + 1) = 1,216 parameters.
            Assert.Equal(new TensorShape(16, 24, 24), Filters16.OutputShape);
            Assert.Equal(1216, Filters16.ParameterCount);
            // 3×3 with padding 1 keeps 6×6.
            Assert.Equal(new TensorShape(1, 6, 6), SamePadding.OutputShape);
            // AlexNet's first layer: 227×227, or 224×224 with padding 2, gives 55×55.
            Assert.Equal(new TensorShape(96, 55, 55), AlexNetFirst227.OutputShape);
            Assert.Equal(new TensorShape(96, 55, 55), AlexNetFirst224.OutputShape);
        }
    }
}
