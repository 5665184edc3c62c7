using System;

namespace ModelGen
{
    /// <summary>
    /// Declares a partial class as a ModelGen model and gives the shape of one input sample,
    /// without the batch dimension: <c>[Model(1, 28, 28)]</c> for a one-channel 28×28 image,
    /// <c>[Model(64)]</c> for a vector of 64 features. The layer attributes that follow, in source
    /// order, form the network.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class ModelAttribute : Attribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="inputShape">The input shape without the batch dimension.</param>
        public ModelAttribute(params int[] inputShape) => InputShape = inputShape;

        /// <summary>The input shape without the batch dimension.</summary>
        public int[] InputShape { get; }
    }

    /// <summary>Base class of every attribute that adds a layer to a model.</summary>
    public abstract class LayerAttribute : Attribute
    {
    }
}
