using System.Collections.Generic;
using System.Linq;

namespace ModelGen.Domain
{
    /// <summary>Rules on the stack of layers: what collapses, what cancels, what stops the gradient.</summary>
    internal static partial class ModelReview
    {
        /// <summary>
        /// How many hidden saturating activations make a stack "deep": the depth at which Glorot
        /// and Bengio (2010) saw sigmoid networks saturate. LeNet-5's four tanh layers train well.
        /// </summary>
        public const int DeepSaturatingStack = 5;

        private static void ReviewLayers(ModelPlan plan, List<ReviewFinding> findings)
        {
            CollapsingLinearMaps(plan, findings);
            BiasBeforeNormalization(plan, findings);
            SaturatingActivations(plan, findings);
            NoGradient(plan, findings);
            EvenKernelPadding(plan, findings);
        }

        /// <summary>
        /// A pair whose middle is narrower than both ends (an autoencoder's code, a low-rank
        /// factorization) composes into one map of limited rank: that limit is the design, not a
        /// mistake, so it is not reported.
        /// </summary>
        private static bool IsBottleneck(LayerPlan first, LayerPlan second)
        {
            int middle = second.InFeatures;
            int output = second.OutputShape.Count == 0 ? 0 : second.OutputShape[second.ChannelsFirst ? 0 : second.OutputShape.Count - 1];
            return middle > 0 && middle < first.InFeatures && middle < output;
        }

        private static void CollapsingLinearMaps(ModelPlan plan, List<ReviewFinding> findings)
        {
            int previous = -1;
            for (int i = 0; i < plan.Layers.Count; i++)
            {
                LayerEntry entry = plan.Layers[i].Entry;
                if (entry.Has(LayerTraits.LinearMap))
                {
                    if (previous >= 0 && !IsBottleneck(plan.Layers[previous], plan.Layers[i]))
                    {
                        LayerPlan first = plan.Layers[previous], second = plan.Layers[i];
                        findings.Add(new ReviewFinding(ReviewKind.CollapsingLinearMaps, ProblemTarget.Layer, i,
                            $"{second.Spec.Display} ({Shape.Format(second.InputShape)} → {Shape.Format(second.OutputShape)}) follows {first.Spec.Display} ({Shape.Format(first.InputShape)} → {Shape.Format(first.OutputShape)}) with no non-linearity between them: two linear maps compose into one, so the pair learns nothing a single layer could not, with {Numbers.Grouped(first.Parameters + second.Parameters)} parameters; insert an activation such as ReLU")
                        {
                            AlsoAt = new EquatableArray<int>(new[] { previous }),
                        });
                    }

                    previous = i;
                }
                else if (!entry.Has(LayerTraits.Reshapes) && !entry.Has(LayerTraits.TrainingOnly))
                {
                    // Anything else may be non-linear (activations, max pooling, normalization in
                    // training); dropout and reshapes keep the map linear at inference.
                    previous = -1;
                }
            }
        }

        private static void BiasBeforeNormalization(ModelPlan plan, List<ReviewFinding> findings)
        {
            for (int i = 0; i + 1 < plan.Layers.Count; i++)
            {
                LayerPlan layer = plan.Layers[i], next = plan.Layers[i + 1];

                // The bias sits on the channel axis (a conv's map, or flat features), the axis the
                // normalization takes its per-channel mean over; a Linear on an L×F sequence adds its
                // bias along F, which BatchNorm1d (per position L) does not remove.
                bool biasOnChannels = layer.OutputShape.Count == 1 || layer.ChannelsFirst;
                if (layer.Entry.HasBias(layer.Spec) && next.Entry.Has(LayerTraits.CancelsChannelBias) && biasOnChannels)
                {
                    int biases = layer.OutputShape[0];
                    findings.Add(new ReviewFinding(ReviewKind.BiasBeforeNormalization, ProblemTarget.Layer, i,
                        $"{layer.Spec.Display} learns {Numbers.Grouped(biases)} biases that {next.Spec.Display} right after it subtracts again with the per-channel mean (its shift β does their job): they cost parameters and change no output; set Bias = false")
                    {
                        Argument = "Bias",
                        Fix = "false",
                    });
                }
            }
        }

        private static void SaturatingActivations(ModelPlan plan, List<ReviewFinding> findings)
        {
            // Hidden: some layer with parameters comes after it, so its derivative is on the
            // gradient's way back to that layer's inputs.
            int lastTrainable = -1;
            for (int i = 0; i < plan.Layers.Count; i++)
            {
                if (plan.Layers[i].Parameters > 0)
                {
                    lastTrainable = i;
                }
            }

            int[] hidden = Enumerable.Range(0, lastTrainable < 0 ? 0 : lastTrainable)
                .Where(i => plan.Layers[i].Entry.Has(LayerTraits.Saturating))
                .ToArray();
            if (hidden.Length < DeepSaturatingStack)
            {
                return;
            }

            string kinds = string.Join(", ", hidden
                .GroupBy(i => plan.Layers[i].Entry.Name)
                .Select(group => $"{group.Count()} {group.Key}"));
            findings.Add(new ReviewFinding(ReviewKind.SaturatingActivations, ProblemTarget.Layer, hidden[0],
                $"{plan.Spec.Name} has {hidden.Length} hidden saturating activations ({kinds}): backpropagation multiplies the gradient by each one's derivative (at most 0.25 for sigmoid, under 0.07 for tanh once |x| > 2), so in a stack this deep the first layers receive vanishing gradients and barely learn; use ReLU in the hidden layers (a sigmoid on a binary output is fine)")
            {
                AlsoAt = new EquatableArray<int>(hidden.Skip(1).ToArray()),
            });
        }

        private static void NoGradient(ModelPlan plan, List<ReviewFinding> findings)
        {
            if (!plan.HasTraining)
            {
                return;
            }

            long below = 0;
            for (int i = 0; i < plan.Layers.Count; i++)
            {
                LayerPlan layer = plan.Layers[i];
                if (layer.Entry.Has(LayerTraits.NoGradient) && below > 0)
                {
                    findings.Add(new ReviewFinding(ReviewKind.NoGradient, ProblemTarget.Layer, i,
                        $"{layer.Spec.Display} has no gradient (its derivative is 0 wherever it exists), and {plan.Spec.Name} is trained: the {Numbers.Grouped(below)} parameters of the layers before it never receive a gradient and keep their initial values; use a differentiable activation (ReLU, or Sigmoid as a soft step)"));
                }

                below = Numbers.SaturatingSum(below, layer.Parameters);
            }
        }

        private static void EvenKernelPadding(ModelPlan plan, List<ReviewFinding> findings)
        {
            for (int index = 0; index < plan.Layers.Count; index++)
            {
                LayerPlan layer = plan.Layers[index];
                SlidingWindow? window = layer.Entry.WindowOf(layer.Spec);
                if (window is null || window.Kernel.Rank + 1 != layer.InputShape.Count)
                {
                    continue;
                }

                IReadOnlyList<string> names = Window.Names(window.Kernel.Rank);
                var broken = new List<string>();
                bool fixable = window.SupportsAutoPadSame;
                for (int axis = 0; axis < window.Kernel.Rank; axis++)
                {
                    // The window covers D·(F − 1) + 1 inputs; the size stays when 2P = D·(F − 1).
                    long reach = (long)window.Dilation[axis] * (window.Kernel[axis] - 1);
                    long twice = 2L * window.Padding[axis];
                    bool oneOff = window.Stride[axis] == 1 && window.Padding[axis] > 0 && reach % 2 == 1 && (twice == reach - 1 || twice == reach + 1);
                    if (oneOff)
                    {
                        int size = layer.InputShape[axis + 1], output = layer.OutputShape[axis + 1];
                        broken.Add($"{names[axis]} {size} → {output}");
                    }
                    else if (window.Stride[axis] != 1 || twice != reach)
                    {
                        // Not meant to keep this axis, so 'same' on every axis is not the fix.
                        fixable = false;
                    }
                }

                if (broken.Count == 0)
                {
                    continue;
                }

                string fix = fixable
                    ? "use AutoPad = AutoPad.Same, which pads one more on the far side as PyTorch's padding='same' does, or an odd kernel"
                    : "use an odd kernel, or pad one more on one side (ZeroPad2d) and drop the symmetric padding";
                findings.Add(new ReviewFinding(ReviewKind.EvenKernelPadding, ProblemTarget.Layer, index,
                    $"{layer.Spec.Display}: an even kernel cannot keep the size with the same padding on both sides (2P would have to be D·(F − 1), which is odd), so the size changes ({string.Join(", ", broken)}) and the features drift half a pixel per layer; {fix}")
                {
                    Fix = fixable ? "AutoPad.Same" : null,
                });
            }
        }
    }
}
