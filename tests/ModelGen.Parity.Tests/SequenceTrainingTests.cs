using System;
using System.Linq;
using ModelGen.Parity.Tests.Models;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace ModelGen.Parity.Tests
{
    /// <summary>The two sequence models of the DSL learn synthetic tasks with their generated TrainStep (seeded; a few seconds each).</summary>
    public sealed class SequenceTrainingTests
    {
        [Fact]
        public void Lstm_next_token_model_learns_arithmetic_sequences()
        {
            // Sequences s, s + k, s + 2k, … (mod 10) with k ∈ {1, 2, 3}: the next token follows from the last two.
            torch.manual_seed(7);
            var random = new Random(7);
            var model = new NextTokenLstm();
            Assert.Equal(6_890, NextTokenLstm.ParameterCount);

            (Tensor x, Tensor y) Batch(int length)
            {
                long[,] ids = new long[32, length];
                long[] next = new long[32];
                for (int n = 0; n < 32; n++)
                {
                    int start = random.Next(10), step = random.Next(1, 4);
                    for (int t = 0; t < length; t++)
                    {
                        ids[n, t] = (start + (t * step)) % 10;
                    }

                    next[n] = (start + (length * step)) % 10;
                }

                return (tensor(ids), tensor(next));
            }

            float first = 0, last = 0;
            for (int step = 0; step < 100; step++)
            {
                // Lengths vary from batch to batch: the input's length is symbolic.
                (Tensor x, Tensor y) = Batch(3 + (step % 3));
                float loss = model.TrainStep(x, y);
                first = step == 0 ? loss : first;
                last = loss;
                x.Dispose();
                y.Dispose();
            }

            Assert.True(last < first * 0.25, $"loss {first} → {last}");
        }

        [Fact]
        public void Transformer_classifier_learns_whether_a_token_occurs()
        {
            // Class 1 when token 3 occurs among the 8 ids, else class 0 (about half of each).
            torch.manual_seed(11);
            var random = new Random(11);
            var model = new TokenTransformerClassifier();
            Assert.Equal(2_674, TokenTransformerClassifier.ParameterCount);

            (Tensor x, Tensor y) Batch()
            {
                long[,] ids = new long[64, 8];
                long[] label = new long[64];
                for (int n = 0; n < 64; n++)
                {
                    bool positive = random.Next(2) == 1;
                    for (int t = 0; t < 8; t++)
                    {
                        int id = random.Next(11);
                        ids[n, t] = id >= 3 ? id + 1 : id; // never 3 here
                    }

                    if (positive)
                    {
                        ids[n, random.Next(8)] = 3;
                    }

                    label[n] = positive ? 1 : 0;
                }

                return (tensor(ids), tensor(label));
            }

            float[] losses = new float[80];
            for (int step = 0; step < losses.Length; step++)
            {
                (Tensor x, Tensor y) = Batch();
                losses[step] = model.TrainStep(x, y);
                x.Dispose();
                y.Dispose();
            }

            float first = losses.Take(5).Average(), last = losses.Skip(losses.Length - 5).Average();
            Assert.True(last < first * 0.3, $"loss {first} → {last}");
        }
    }
}
