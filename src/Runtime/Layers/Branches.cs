using System.Collections.Generic;
using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace ModelGen.Layers
{
    /// <summary>
    /// Several modules applied to the same input, their outputs concatenated along one dimension
    /// (Inception, DenseNet, U-Net skips) or added. The module behind
    /// <see cref="ConcatAttribute{T1, T2}"/> and <see cref="SumAttribute{T1, T2}"/>; the branches
    /// are registered as <c>0</c>, <c>1</c>, … as in a <c>Sequential</c>.
    /// </summary>
    public sealed class Branches : nn.Module<Tensor, Tensor>
    {
        private readonly List<nn.Module<Tensor, Tensor>> _branches = new();

        /// <summary>Creates the module.</summary>
        /// <param name="concatenate">Whether the outputs are concatenated (true) or added (false).</param>
        /// <param name="dimension">The batched dimension of the concatenation (1 for channels, -1 for the features of a sequence).</param>
        /// <param name="includeInput">Whether the input itself is the first term.</param>
        /// <param name="branches">The branches, in order.</param>
        public Branches(bool concatenate, long dimension, bool includeInput, params nn.Module<Tensor, Tensor>[] branches)
            : base(nameof(Branches))
        {
            Concatenate = concatenate;
            Dimension = dimension;
            IncludeInput = includeInput;
            for (int i = 0; i < branches.Length; i++)
            {
                _branches.Add(branches[i]);
                register_module(i.ToString(CultureInfo.InvariantCulture), branches[i]);
            }
        }

        /// <summary>Whether the outputs are concatenated rather than added.</summary>
        public bool Concatenate { get; }

        /// <summary>The batched dimension of the concatenation.</summary>
        public long Dimension { get; }

        /// <summary>Whether the input itself is the first term.</summary>
        public bool IncludeInput { get; }

        /// <summary>The number of branches (the input, when it joins, is not one).</summary>
        public int Count => _branches.Count;

        /// <summary>The branch at <paramref name="index"/>, registered as <c>index</c> (a generated backward goes through each).</summary>
        /// <param name="index">The branch's position, from 0.</param>
        public nn.Module<Tensor, Tensor> this[int index] => _branches[index];

        /// <summary>The branches' outputs joined.</summary>
        /// <param name="input">The batch every branch receives.</param>
        public override Tensor forward(Tensor input)
        {
            var outputs = new List<Tensor>(_branches.Count + 1);
            if (IncludeInput)
            {
                outputs.Add(input);
            }

            foreach (nn.Module<Tensor, Tensor> branch in _branches)
            {
                outputs.Add(branch.forward(input));
            }

            if (Concatenate)
            {
                return cat(outputs, Dimension);
            }

            Tensor sum = outputs[0];
            for (int i = 1; i < outputs.Count; i++)
            {
                sum = sum.add(outputs[i]);
            }

            return sum;
        }
    }
}
