using TorchSharp;
using static TorchSharp.torch;

namespace ModelGen.Layers
{
    /// <summary>
    /// The binary step (Heaviside) function, element-wise: 1 for x &gt; 0, 0 for x &lt; 0 and
    /// <see cref="ValueAtZero"/> for x = 0 (NaN stays NaN). Its gradient is zero everywhere (the
    /// step's derivative is 0 wherever it exists): the output stays in the autograd graph, so a
    /// backward pass runs, but every layer below it receives zero gradients and does not learn.
    /// The layer behind <see cref="BinaryStepAttribute"/>; TorchSharp has no such module.
    /// </summary>
    public sealed class BinaryStep : nn.Module<Tensor, Tensor>
    {
        /// <summary>Creates the layer.</summary>
        /// <param name="valueAtZero">The output for an input of exactly 0 (1 by default, the notes' binary step).</param>
        public BinaryStep(double valueAtZero = 1.0)
            : base(nameof(BinaryStep)) => ValueAtZero = valueAtZero;

        /// <summary>The output for an input of exactly 0.</summary>
        public double ValueAtZero { get; }

        /// <summary>The step of every element; same shape and type as <paramref name="input"/>.</summary>
        /// <param name="input">Any float tensor.</param>
        public override Tensor forward(Tensor input)
        {
            // sign has a zero derivative in libtorch, so (sign(x) + 1) / 2 is the step with a zero
            // gradient that keeps the graph connected (heaviside has no derivative at all); it is
            // 1/2 at 0, which the mask then replaces.
            using Tensor sign = input.sign();
            using Tensor shifted = sign.add(1.0);
            using Tensor step = shifted.mul(0.5);
            using Tensor zero = input.eq(0.0);
            using Tensor stepped = step.masked_fill(zero, ValueAtZero);

            // sign(NaN) is 0 in libtorch; a NaN input stays NaN, so a diverging model shows it.
            using Tensor nan = input.isnan();
            return stepped.masked_fill(nan, double.NaN);
        }
    }
}
