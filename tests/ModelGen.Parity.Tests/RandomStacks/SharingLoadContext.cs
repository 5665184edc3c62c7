using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace ModelGen.Parity.Tests.RandomStacks
{
    /// <summary>
    /// A collectible context for one compiled batch of random models. It resolves nothing itself,
    /// so TorchSharp and ModelGen.Runtime come from the default context: the models' types are the
    /// test's types (<see cref="IGeneratedModel"/>, <c>Module</c>), and the native library loads once.
    /// </summary>
    internal sealed class SharingLoadContext : AssemblyLoadContext
    {
        public SharingLoadContext(string name)
            : base(name, isCollectible: true)
        {
        }

        public Assembly LoadImage(byte[] image)
        {
            using var stream = new MemoryStream(image);
            return LoadFromStream(stream);
        }

        protected override Assembly? Load(AssemblyName assemblyName) => null;
    }
}
