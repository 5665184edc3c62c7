namespace ModelGen.Onnx
{
    /// <summary>
    /// The field numbers of the ONNX messages ModelGen writes, from the ONNX specification
    /// (onnx/onnx.proto, IR version 10). Only what an inference graph needs is listed.
    /// </summary>
    internal static class OnnxFields
    {
        /// <summary>ModelProto.</summary>
        internal static class Model
        {
            public const int IrVersion = 1;
            public const int ProducerName = 2;
            public const int ProducerVersion = 3;
            public const int Graph = 7;
            public const int OpsetImport = 8;
        }

        /// <summary>OperatorSetIdProto.</summary>
        internal static class OperatorSetId
        {
            public const int Domain = 1;
            public const int Version = 2;
        }

        /// <summary>GraphProto.</summary>
        internal static class Graph
        {
            public const int Node = 1;
            public const int Name = 2;
            public const int Initializer = 5;
            public const int Input = 11;
            public const int Output = 12;
        }

        /// <summary>NodeProto.</summary>
        internal static class Node
        {
            public const int Input = 1;
            public const int Output = 2;
            public const int Name = 3;
            public const int OpType = 4;
            public const int Attribute = 5;
        }

        /// <summary>AttributeProto.</summary>
        internal static class Attribute
        {
            public const int Name = 1;
            public const int F = 2;
            public const int I = 3;
            public const int S = 4;
            public const int Floats = 7;
            public const int Ints = 8;
            public const int Strings = 9;
            public const int Type = 20;
        }

        /// <summary>TensorProto.</summary>
        internal static class Tensor
        {
            public const int Dims = 1;
            public const int DataType = 2;
            public const int Name = 8;
            public const int RawData = 9;
        }

        /// <summary>TensorProto.DataType values.</summary>
        internal static class DataType
        {
            public const int Float = 1;
            public const int Int64 = 7;
        }

        /// <summary>ValueInfoProto.</summary>
        internal static class ValueInfo
        {
            public const int Name = 1;
            public const int Type = 2;
        }

        /// <summary>TypeProto.</summary>
        internal static class Type
        {
            public const int TensorType = 1;
        }

        /// <summary>TypeProto.Tensor.</summary>
        internal static class TensorType
        {
            public const int ElemType = 1;
            public const int Shape = 2;
        }

        /// <summary>TensorShapeProto.</summary>
        internal static class TensorShape
        {
            public const int Dim = 1;
        }

        /// <summary>TensorShapeProto.Dimension.</summary>
        internal static class Dimension
        {
            public const int DimValue = 1;
            public const int DimParam = 2;
        }
    }
}
