using System;
using System.Collections.Generic;
using Google.Protobuf;

namespace ModelGen.Onnx
{
    /// <summary>
    /// A protobuf message assembled field by field and written with Google.Protobuf's
    /// <see cref="CodedOutputStream"/> (varints, tags, lengths). Sizes are computed before any
    /// byte is written, so a large tensor's bytes are produced once, at write time, straight
    /// into the output (<see cref="Bytes(int, long, Func{byte[]})"/>) rather than copied into
    /// every enclosing message.
    /// </summary>
    internal sealed class ProtoMessage
    {
        private readonly List<Field> _fields = new();
        private long _size = -1;

        private abstract class Field
        {
            protected Field(int number) => Number = number;

            public int Number { get; }

            public abstract long Size();

            public abstract void Write(CodedOutputStream output);
        }

        private sealed class VarintField : Field
        {
            private readonly long _value;

            public VarintField(int number, long value) : base(number) => _value = value;

            public override long Size() => CodedOutputStream.ComputeTagSize(Number) + CodedOutputStream.ComputeInt64Size(_value);

            public override void Write(CodedOutputStream output)
            {
                output.WriteTag(Number, WireFormat.WireType.Varint);
                output.WriteInt64(_value);
            }
        }

        private sealed class Fixed32Field : Field
        {
            private readonly float _value;

            public Fixed32Field(int number, float value) : base(number) => _value = value;

            public override long Size() => CodedOutputStream.ComputeTagSize(Number) + 4;

            public override void Write(CodedOutputStream output)
            {
                output.WriteTag(Number, WireFormat.WireType.Fixed32);
                output.WriteFloat(_value);
            }
        }

        private sealed class BytesField : Field
        {
            private readonly long _length;
            private readonly Func<byte[]> _bytes;

            public BytesField(int number, long length, Func<byte[]> bytes) : base(number)
            {
                _length = length;
                _bytes = bytes;
            }

            public override long Size() => CodedOutputStream.ComputeTagSize(Number) + CodedOutputStream.ComputeLengthSize(checked((int)_length)) + _length;

            public override void Write(CodedOutputStream output)
            {
                byte[] bytes = _bytes();
                if (bytes.LongLength != _length)
                {
                    throw new InvalidOperationException($"Field {Number} promised {_length} bytes but produced {bytes.LongLength}.");
                }

                output.WriteTag(Number, WireFormat.WireType.LengthDelimited);
                output.WriteBytes(ByteString.CopyFrom(bytes));
            }
        }

        private sealed class MessageField : Field
        {
            private readonly ProtoMessage _message;

            public MessageField(int number, ProtoMessage message) : base(number) => _message = message;

            public override long Size()
            {
                long size = _message.Size();
                return CodedOutputStream.ComputeTagSize(Number) + CodedOutputStream.ComputeLengthSize(checked((int)size)) + size;
            }

            public override void Write(CodedOutputStream output)
            {
                output.WriteTag(Number, WireFormat.WireType.LengthDelimited);
                output.WriteLength(checked((int)_message.Size()));
                _message.WriteTo(output);
            }
        }

        private sealed class PackedInt64Field : Field
        {
            private readonly long[] _values;

            public PackedInt64Field(int number, long[] values) : base(number) => _values = values;

            private int PayloadSize()
            {
                int size = 0;
                foreach (long value in _values)
                {
                    size += CodedOutputStream.ComputeInt64Size(value);
                }

                return size;
            }

            public override long Size() => CodedOutputStream.ComputeTagSize(Number) + CodedOutputStream.ComputeLengthSize(PayloadSize()) + PayloadSize();

            public override void Write(CodedOutputStream output)
            {
                output.WriteTag(Number, WireFormat.WireType.LengthDelimited);
                output.WriteLength(PayloadSize());
                foreach (long value in _values)
                {
                    output.WriteInt64(value);
                }
            }
        }

        private sealed class PackedFloatField : Field
        {
            private readonly float[] _values;

            public PackedFloatField(int number, float[] values) : base(number) => _values = values;

            public override long Size() => CodedOutputStream.ComputeTagSize(Number) + CodedOutputStream.ComputeLengthSize(_values.Length * 4) + (_values.Length * 4L);

            public override void Write(CodedOutputStream output)
            {
                output.WriteTag(Number, WireFormat.WireType.LengthDelimited);
                output.WriteLength(_values.Length * 4);
                foreach (float value in _values)
                {
                    output.WriteFloat(value);
                }
            }
        }

        /// <summary>An int64/int32/enum field (varint).</summary>
        public ProtoMessage Int64(int number, long value) => Add(new VarintField(number, value));

        /// <summary>A float field (fixed32).</summary>
        public ProtoMessage Float(int number, float value) => Add(new Fixed32Field(number, value));

        /// <summary>A string field (UTF-8).</summary>
        public ProtoMessage String(int number, string value)
        {
            byte[] bytes = System.Text.Encoding.UTF8.GetBytes(value);
            return Add(new BytesField(number, bytes.Length, () => bytes));
        }

        /// <summary>A bytes field whose <paramref name="length"/> is known now and whose content is produced when written.</summary>
        public ProtoMessage Bytes(int number, long length, Func<byte[]> bytes) => Add(new BytesField(number, length, bytes));

        /// <summary>An embedded message.</summary>
        public ProtoMessage Message(int number, ProtoMessage message) => Add(new MessageField(number, message));

        /// <summary>A packed repeated int64 field (skipped when empty).</summary>
        public ProtoMessage PackedInt64(int number, long[] values) => values.Length == 0 ? this : Add(new PackedInt64Field(number, values));

        /// <summary>A packed repeated float field (skipped when empty).</summary>
        public ProtoMessage PackedFloat(int number, float[] values) => values.Length == 0 ? this : Add(new PackedFloatField(number, values));

        /// <summary>The encoded size in bytes.</summary>
        public long Size()
        {
            if (_size < 0)
            {
                long size = 0;
                foreach (Field field in _fields)
                {
                    size += field.Size();
                }

                _size = size;
            }

            return _size;
        }

        /// <summary>Writes the fields (without a length prefix).</summary>
        public void WriteTo(CodedOutputStream output)
        {
            foreach (Field field in _fields)
            {
                field.Write(output);
            }
        }

        private ProtoMessage Add(Field field)
        {
            _fields.Add(field);
            _size = -1;
            return this;
        }
    }
}
