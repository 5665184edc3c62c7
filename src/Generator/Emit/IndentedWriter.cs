using System;
using System.Text;

namespace ModelGen.Generator.Emit
{
    /// <summary>
    /// Writes indented C# with '\n' line endings whatever the platform, so generated files are
    /// byte-identical everywhere.
    /// </summary>
    internal sealed class IndentedWriter
    {
        private const string IndentUnit = "    ";
        private readonly StringBuilder _builder = new();
        private int _indent;

        public void WriteLine(string line = "")
        {
            if (line.Length > 0)
            {
                for (int i = 0; i < _indent; i++)
                {
                    _builder.Append(IndentUnit);
                }

                _builder.Append(line);
            }

            _builder.Append('\n');
        }

        /// <summary>Writes <paramref name="header"/>, an opening brace, and indents until disposed.</summary>
        public Scope Block(string header)
        {
            WriteLine(header);
            WriteLine("{");
            _indent++;
            return new Scope(this);
        }

        /// <summary>Indents one level until disposed, without braces.</summary>
        public Scope Indent()
        {
            _indent++;
            return new Scope(this, braces: false);
        }

        public override string ToString() => _builder.ToString();

        public readonly struct Scope : IDisposable
        {
            private readonly IndentedWriter _writer;
            private readonly bool _braces;

            public Scope(IndentedWriter writer, bool braces = true)
            {
                _writer = writer;
                _braces = braces;
            }

            public void Dispose()
            {
                _writer._indent--;
                if (_braces)
                {
                    _writer.WriteLine("}");
                }
            }
        }
    }
}
