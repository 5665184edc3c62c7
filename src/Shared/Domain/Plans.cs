namespace ModelGen.Domain
{
    /// <summary>One layer after shape inference.</summary>
    /// <param name="Spec">The declaration.</param>
    /// <param name="FieldName">The field, and so the state_dict prefix: <c>conv1</c>, <c>fc2</c>.</param>
    /// <param name="InputShape">The per-sample input shape.</param>
    /// <param name="OutputShape">The per-sample output shape.</param>
    /// <param name="InFeatures">The input size the layer's weights are built for (Linear: features; Conv2d: channels; BatchNorm: features), or 0.</param>
    /// <param name="Counts">Parameters and buffers, from the entry of the kind.</param>
    internal sealed record LayerPlan(
        LayerSpec Spec,
        string FieldName,
        EquatableArray<int> InputShape,
        EquatableArray<int> OutputShape,
        int InFeatures,
        LayerCounts Counts)
    {
        /// <summary>Whether the output's first dimension is channels (see <see cref="LayerOutcome.ChannelsFirst"/>).</summary>
        public bool ChannelsFirst { get; init; }

        /// <summary>For a block use, branches or a reuse: the plans inside (null for a plain layer).</summary>
        public TopologyPlan? Topology { get; init; }

        /// <summary>The catalog entry of the layer's kind.</summary>
        public LayerEntry Entry => Spec.Entry;

        /// <summary>The number of trainable scalars.</summary>
        public long Parameters => Counts.Parameters;
    }

    /// <summary>A model after shape inference: per-layer plans, totals and problems.</summary>
    /// <param name="Spec">The declaration.</param>
    /// <param name="Layers">The layers that inference reached (all of them when there is no error).</param>
    /// <param name="Problems">Every problem found, in layer order.</param>
    internal sealed record ModelPlan(
        ModelSpec Spec,
        EquatableArray<LayerPlan> Layers,
        EquatableArray<ModelProblem> Problems)
    {
        /// <summary>Whether any problem is an error (no code is generated then).</summary>
        public bool HasErrors
        {
            get
            {
                foreach (ModelProblem problem in Problems)
                {
                    if (problem.IsError)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>The sum of the layers' trainable parameters.</summary>
        public long TotalParameters => Sum(layer => layer.Counts.Parameters);

        /// <summary>The sum of the layers' buffer scalars (batch-norm running statistics).</summary>
        public long TotalBuffers => Sum(layer => layer.Counts.Buffers);

        /// <summary>torchinfo's mult-adds for one sample.</summary>
        public long TotalMultAdds => Sum(layer => layer.Counts.MultAdds);

        /// <summary>Convolution and linear weight mult-adds for one sample (torchvision's "GFLOPS").</summary>
        public long TotalWeightMultAdds => Sum(layer => layer.Counts.WeightMultAdds);

        /// <summary>Bytes of the trainable parameters (float32).</summary>
        public long ParameterBytes => Numbers.SaturatingProduct(TotalParameters, MemoryRules.FloatBytes);

        /// <summary>Bytes of the float buffers.</summary>
        public long BufferBytes => Numbers.SaturatingProduct(TotalBuffers, MemoryRules.FloatBytes);

        /// <summary>torchinfo's forward/backward pass size for one sample: see <see cref="MemoryRules.ForwardBackwardBytes"/>.</summary>
        public long ForwardBackwardBytes => MemoryRules.ForwardBackwardBytes(this);

        private long Sum(System.Func<LayerPlan, long> count)
        {
            long total = 0;
            foreach (LayerPlan layer in Layers)
            {
                total = Numbers.SaturatingSum(total, count(layer));
            }

            return total;
        }

        /// <summary>The output shape of the last layer, or the input shape when there is none.</summary>
        public EquatableArray<int> OutputShape => Layers.Count == 0 ? Spec.InputShape : Layers[Layers.Count - 1].OutputShape;

        /// <summary>
        /// Whether a training step is generated: both a loss and an optimizer are declared and
        /// there is something to train (backward on a loss that depends on no parameter throws).
        /// </summary>
        public bool HasTraining => Spec.Loss is not null && Spec.Optimizer is not null && TotalParameters > 0;
    }
}
