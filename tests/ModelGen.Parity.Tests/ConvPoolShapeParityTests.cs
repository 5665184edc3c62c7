using System;
using System.Collections.Generic;
using ModelGen.Parity.Tests.Models;
using ModelGen.Samples.Zoo;
using Xunit;

namespace ModelGen.Parity.Tests
{
    /// <summary>Convolution, pooling and shape kinds: the generated constants against TorchSharp.</summary>
    public sealed class ConvPoolShapeParityTests : IClassFixture<ConvPoolShapeParityTests.AlexNetFixture>
    {
        private readonly AlexNetFixture _alexNet;

        public ConvPoolShapeParityTests(AlexNetFixture alexNet) => _alexNet = alexNet;

        /// <summary>Each model with the output shape the formula gives (worked out in the models' comments).</summary>
        public static TheoryData<Type, long[]> Models => new()
        {
            { typeof(Conv1dStridePadding), new long[] { 5, 11 } },
            { typeof(Conv1dSame), new long[] { 6, 15 } },
            { typeof(Conv1dReflect), new long[] { 4, 12 } },
            { typeof(Conv2dGrouped), new long[] { 32, 26, 26 } },
            { typeof(Conv2dDepthwise), new long[] { 8, 10, 10 } },
            { typeof(Conv2dSameCircular), new long[] { 4, 9, 7 } },
            { typeof(Conv2dReplicate), new long[] { 3, 8, 8 } },
            { typeof(Conv2dValid), new long[] { 2, 6, 6 } },
            { typeof(Conv3dStrided), new long[] { 4, 6, 5, 5 } },
            { typeof(ConvTranspose1dUpsamples), new long[] { 2, 14 } },
            { typeof(ConvTranspose2dGrouped), new long[] { 4, 10, 10 } },
            { typeof(ConvTranspose2dRectangular), new long[] { 2, 13, 9 } },
            { typeof(MaxPool1dDilated), new long[] { 3, 5 } },
            { typeof(MaxPool2dCeil), new long[] { 2, 4, 4 } },
            { typeof(MaxPool2dCeilDropsLast), new long[] { 1, 3, 3 } },
            { typeof(MaxPool2dDilated), new long[] { 1, 7, 7 } },
            { typeof(MaxPool3dDefault), new long[] { 2, 2, 3, 3 } },
            { typeof(AvgPool1dExcludePad), new long[] { 4, 5 } },
            { typeof(AvgPool2dCeil), new long[] { 3, 3, 3 } },
            { typeof(AvgPool3dMixed), new long[] { 1, 4, 3, 5 } },
            { typeof(LPPool1dL2), new long[] { 2, 4 } },
            { typeof(LPPool2dRectangular), new long[] { 3, 4, 3 } },
            { typeof(AdaptiveAvgPool1dThree), new long[] { 4, 3 } },
            { typeof(GlobalAveragePooling), new long[] { 8 } },
            { typeof(AdaptiveAvgPool2dLarger), new long[] { 2, 5, 4 } },
            { typeof(AdaptiveMaxPool2dRectangular), new long[] { 3, 2, 3 } },
            { typeof(FlattenFromTwo), new long[] { 2, 12 } },
            { typeof(FlattenMiddle), new long[] { 2, 60 } },
            { typeof(UnflattenToFeatureMap), new long[] { 2, 2, 2 } },
            { typeof(UnflattenInferred), new long[] { 2, 3, 4 } },
            { typeof(UpsampleNearest), new long[] { 3, 8, 10 } },
            { typeof(UpsampleBilinearSize), new long[] { 2, 7, 7 } },
            { typeof(UpsampleLinear), new long[] { 2, 7 } },
            { typeof(ZeroPad2dSides), new long[] { 2, 7, 8 } },
            { typeof(ZeroPad2dCrop), new long[] { 1, 3, 3 } },
            { typeof(IdentityOnly), new long[] { 3, 4 } },
            { typeof(AvgPool1dCeilWiderThanInput), new long[] { 1, 1 } },
            { typeof(VisionTour), new long[] { 3 } },
        };

        [Theory]
        [MemberData(nameof(Models))]
        public void Generated_shapes_and_counts_equal_TorchSharp(Type modelType, long[] formulaOutputShape)
        {
            var model = (IGeneratedModel)Activator.CreateInstance(modelType, new object?[] { null })!;

            Assert.Equal(formulaOutputShape, model.OutputShape);
            ModelParity.AssertMatchesTorch(model);
        }

        [Fact]
        public void Grouped_convolution_has_the_zoo_numbers()
        {
            // 32·(16/4)·3·3 + 32 = 1,184 parameters, each used at 26·26 positions: 800,384 mult-adds.
            Assert.Equal(1184, Conv2dGrouped.ParameterCount);
            Assert.Equal(800384, Conv2dGrouped.MultAdds);
            Assert.Equal(1184, ModelParity.CountParameters(new Conv2dGrouped()));
        }

        [Fact]
        public void Convolution_parameter_counts_follow_the_formulas()
        {
            // Conv1d 5·3·3 + 5; depthwise 8·1·9; Conv3d 4·2·27 + 4; transposed 4·2·3 + 2, 8·(4/2)·16 + 4, 3·2·3·2.
            Assert.Equal(
                new long[] { 50, 72, 220, 26, 260, 36 },
                new[]
                {
                    Conv1dStridePadding.ParameterCount, Conv2dDepthwise.ParameterCount, Conv3dStrided.ParameterCount,
                    ConvTranspose1dUpsamples.ParameterCount, ConvTranspose2dGrouped.ParameterCount, ConvTranspose2dRectangular.ParameterCount,
                });
        }

        [Fact]
        public void AlexNet_has_torchvisions_numbers()
        {
            // torchvision: 61,100,840 parameters, 0.71 GFLOPS (conv and linear weights × positions:
            // 70,276,800 + 223,948,800 + 112,140,288 + 149,520,384 + 99,680,256 + 37,748,736 + 16,777,216 + 4,096,000).
            Assert.Equal(61100840, AlexNet.ParameterCount);
            Assert.Equal(714188480, AlexNet.WeightMultAdds);
            Assert.Equal(61100840, ModelParity.CountParameters(_alexNet.Model));
            Assert.Equal(new long[] { 1000 }, AlexNet.OutputShape);
        }

        [Fact]
        public void AlexNet_matches_TorchSharp() => ModelParity.AssertMatchesTorch(_alexNet.Model, batchSize: 2);

        [Fact]
        public void Every_kind_of_the_family_is_covered()
        {
            string[] family =
            {
                "Conv1d", "Conv2d", "Conv3d", "ConvTranspose1d", "ConvTranspose2d",
                "MaxPool1d", "MaxPool2d", "MaxPool3d", "AvgPool1d", "AvgPool2d", "AvgPool3d", "LPPool1d", "LPPool2d",
                "AdaptiveAvgPool1d", "AdaptiveAvgPool2d", "AdaptiveMaxPool2d",
                "Flatten", "Unflatten", "Upsample", "ZeroPad2d", "Identity",
            };
            var covered = new HashSet<string>();
            foreach (object[] row in Models)
            {
                var model = (IGeneratedModel)Activator.CreateInstance((Type)row[0], new object?[] { null })!;
                foreach (LayerInfo layer in model.LayerTable)
                {
                    covered.Add(layer.Kind);
                }
            }

            Assert.Empty(Array.FindAll(family, kind => !covered.Contains(kind)));
        }

        /// <summary>AlexNet is large (244 MB of weights): built once for the tests that need the module.</summary>
        public sealed class AlexNetFixture : IDisposable
        {
            public AlexNet Model { get; } = new();

            public void Dispose() => Model.Dispose();
        }
    }
}
