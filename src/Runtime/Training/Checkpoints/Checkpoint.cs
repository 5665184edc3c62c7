using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace ModelGen.Training
{
    /// <summary>
    /// Checkpoints of a generated model: every state_dict tensor (weights and buffers, with key,
    /// dtype and shape) and the optimizer's state (moments, step counts), so that training resumes
    /// exactly. Saving writes a temporary file beside the target, flushes it to disk and renames
    /// it over the target, so an interrupted save leaves the previous checkpoint intact. Loading
    /// verifies a SHA-256 of the whole file, then checks every key, shape and dtype against the
    /// model before changing anything.
    /// </summary>
    public static class Checkpoint
    {
        private static readonly byte[] Magic = Encoding.ASCII.GetBytes("MGCKPT\n\0");
        private const int FormatVersion = 1;
        private const int HashLength = 32;

        /// <summary>Saves <paramref name="model"/>'s tensors and optimizer state to <paramref name="path"/>, atomically.</summary>
        /// <param name="model">A generated model.</param>
        /// <param name="path">The checkpoint file; replaced only once the new one is complete.</param>
        /// <param name="epoch">The epochs trained so far (for resuming).</param>
        public static void Save(ITrainableModel model, string path, int epoch = 0) => Save(model, path, epoch, stream => stream);

        /// <summary>Saves through a wrapper around the file stream (tests use one that fails midway).</summary>
        internal static void Save(ITrainableModel model, string path, int epoch, Func<Stream, Stream> wrap)
        {
            ArgumentNullException.ThrowIfNull(model);
            ArgumentException.ThrowIfNullOrEmpty(path);
            var module = (nn.Module)model;
            StepGuard.ThrowIfDisposed(model);
            byte[] payload = Payload(model, module, epoch);
            byte[] hash = SHA256.HashData(payload);

            string full = System.IO.Path.GetFullPath(path);
            string folder = System.IO.Path.GetDirectoryName(full) ?? ".";
            Directory.CreateDirectory(folder);
            string temporary = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
            try
            {
                using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    Stream stream = wrap(file);
                    stream.Write(payload);
                    stream.Write(hash);
                    stream.Flush();
                    file.Flush(flushToDisk: true);
                }

                File.Move(temporary, full, overwrite: true);
            }
            catch
            {
                File.Delete(temporary);
                throw;
            }
        }

        /// <summary>
        /// Loads a checkpoint into <paramref name="model"/>: all tensors, and the optimizer's state
        /// unless <paramref name="loadOptimizerState"/> is false or the optimizer kind differs.
        /// </summary>
        /// <param name="model">A generated model of the same architecture.</param>
        /// <param name="path">The checkpoint file.</param>
        /// <param name="loadOptimizerState">Whether to restore the optimizer's moments and step counts (default true).</param>
        /// <returns>The saved epoch and what was restored.</returns>
        /// <exception cref="CheckpointException">The file is missing, damaged or does not match; the model is unchanged.</exception>
        public static CheckpointInfo Load(ITrainableModel model, string path, bool loadOptimizerState = true)
        {
            ArgumentNullException.ThrowIfNull(model);
            ArgumentException.ThrowIfNullOrEmpty(path);
            var module = (nn.Module)model;
            StepGuard.ThrowIfDisposed(model);
            byte[] bytes = ReadVerified(path);
            Contents contents;
            try
            {
                contents = Parse(bytes);
            }
            catch (Exception error) when (error is EndOfStreamException or IOException or ArgumentException or OverflowException or InvalidDataException)
            {
                throw new CheckpointException(path, $"checkpoint {path} is corrupted: {error.Message}", inner: error);
            }

            Dictionary<string, Tensor> state = module.state_dict();
            List<string> mismatches = Compare(state, contents);
            if (mismatches.Count > 0)
            {
                throw new CheckpointException(
                    path,
                    $"checkpoint {path} (saved by {contents.Model}) does not match {model.ModelName}: {string.Join("; ", mismatches)}",
                    mismatches);
            }

            using (torch.no_grad())
            {
                foreach (Entry entry in contents.Entries)
                {
                    Tensor target = state[entry.Key];
                    using Tensor source = torch.empty(entry.Shape, entry.DType);
                    source.bytes = entry.Data;
                    target.copy_(source);
                }
            }

            bool optimizerLoaded = false;
            if (loadOptimizerState && contents.OptimizerKind == model.OptimizerSettings.Kind.ToString() && contents.OptimizerState.Length > 0)
            {
                try
                {
                    using var reader = new BinaryReader(new MemoryStream(contents.OptimizerState));
                    Helper(model).load_state_dict(reader);
                    optimizerLoaded = true;
                }
                catch (Exception error) when (error is not OutOfMemoryException)
                {
                    throw new CheckpointException(path, $"checkpoint {path}: the weights loaded but the {contents.OptimizerKind} optimizer state does not fit {model.ModelName}'s optimizer: {error.Message}", inner: error);
                }
            }

            return new CheckpointInfo(contents.Model, contents.Epoch, contents.OptimizerDescription, contents.Entries.Count, optimizerLoaded);
        }

        private static byte[] Payload(ITrainableModel model, nn.Module module, int epoch)
        {
            using var memory = new MemoryStream();
            using (var writer = new BinaryWriter(memory, Encoding.UTF8, leaveOpen: true))
            {
                writer.Write(Magic);
                writer.Write(FormatVersion);
                writer.Write(model.ModelName);
                writer.Write(epoch);
                Dictionary<string, Tensor> state = module.state_dict();
                writer.Write(state.Count);
                using var scope = torch.NewDisposeScope();
                foreach ((string key, Tensor value) in state.OrderBy(pair => pair.Key, StringComparer.Ordinal))
                {
                    Tensor cpu = value.detach().cpu().contiguous();
                    writer.Write(key);
                    writer.Write((int)cpu.dtype);
                    writer.Write((int)cpu.dim());
                    foreach (long dimension in cpu.shape)
                    {
                        writer.Write(dimension);
                    }

                    byte[] data = cpu.bytes.ToArray();
                    writer.Write((long)data.Length);
                    writer.Write(data);
                }

                writer.Write(model.OptimizerSettings.Kind.ToString());
                writer.Write(model.OptimizerSettings.Describe());
                using var optimizerState = new MemoryStream();
                using (var optimizerWriter = new BinaryWriter(optimizerState, Encoding.UTF8, leaveOpen: true))
                {
                    Helper(model).save_state_dict(optimizerWriter);
                }

                writer.Write(optimizerState.Length);
                writer.Write(optimizerState.ToArray());
            }

            return memory.ToArray();
        }

        private static byte[] ReadVerified(string path)
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
            {
                throw new CheckpointException(path, $"checkpoint {path} does not exist", inner: error);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                throw new CheckpointException(path, $"checkpoint {path} cannot be read: {error.Message}", inner: error);
            }

            if (bytes.Length < Magic.Length || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            {
                throw new CheckpointException(path, $"checkpoint {path} is not a ModelGen checkpoint (or is truncated to {bytes.Length} bytes)");
            }

            if (bytes.Length < Magic.Length + HashLength
                || !SHA256.HashData(bytes.AsSpan(0, bytes.Length - HashLength)).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - HashLength)))
            {
                throw new CheckpointException(path, $"checkpoint {path} is truncated or corrupted (its SHA-256 does not match; {bytes.Length} bytes)");
            }

            return bytes.AsSpan(0, bytes.Length - HashLength).ToArray();
        }

        private static Contents Parse(byte[] payload)
        {
            using var reader = new BinaryReader(new MemoryStream(payload), Encoding.UTF8);
            reader.ReadBytes(Magic.Length);
            int version = reader.ReadInt32();
            if (version != FormatVersion)
            {
                throw new InvalidDataException($"format version {version}, this ModelGen reads version {FormatVersion}");
            }

            string model = reader.ReadString();
            int epoch = reader.ReadInt32();
            int count = reader.ReadInt32();
            var entries = new List<Entry>();
            for (int i = 0; i < count; i++)
            {
                string key = reader.ReadString();
                var dtype = (ScalarType)reader.ReadInt32();
                int rank = reader.ReadInt32();
                long[] shape = new long[rank];
                for (int d = 0; d < rank; d++)
                {
                    shape[d] = reader.ReadInt64();
                }

                long length = reader.ReadInt64();
                entries.Add(new Entry(key, dtype, shape, reader.ReadBytes(checked((int)length))));
            }

            string optimizerKind = reader.ReadString();
            string optimizerDescription = reader.ReadString();
            long stateLength = reader.ReadInt64();
            byte[] optimizerState = reader.ReadBytes(checked((int)stateLength));
            return new Contents(model, epoch, entries, optimizerKind, optimizerDescription, optimizerState);
        }

        private static List<string> Compare(Dictionary<string, Tensor> state, Contents contents)
        {
            var mismatches = new List<string>();
            var saved = contents.Entries.ToDictionary(entry => entry.Key);
            foreach ((string key, Tensor value) in state.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                if (!saved.TryGetValue(key, out Entry? entry))
                {
                    mismatches.Add($"{key} is missing from the checkpoint");
                    continue;
                }

                if (!entry.Shape.SequenceEqual(value.shape))
                {
                    mismatches.Add($"{key} has shape {TensorShape.Format(entry.Shape)} in the checkpoint but {TensorShape.Format(value.shape)} in the model");
                }

                if (entry.DType != value.dtype)
                {
                    mismatches.Add($"{key} is {entry.DType} in the checkpoint but {value.dtype} in the model");
                }

                long expectedBytes = entry.Shape.Aggregate(1L, (a, b) => a * b) * value.ElementSize;
                if (entry.DType == value.dtype && entry.Data.Length != expectedBytes)
                {
                    mismatches.Add($"{key} holds {entry.Data.Length} bytes for {expectedBytes} expected");
                }
            }

            foreach (Entry entry in contents.Entries.Where(entry => !state.ContainsKey(entry.Key)))
            {
                mismatches.Add($"{entry.Key} is in the checkpoint but not in the model");
            }

            return mismatches;
        }

        private static TorchSharp.Modules.OptimizerHelper Helper(ITrainableModel model) =>
            model.Optimizer as TorchSharp.Modules.OptimizerHelper
            ?? throw new NotSupportedException($"{model.ModelName}'s optimizer ({model.Optimizer.GetType().Name}) cannot save its state.");

        private sealed record Entry(string Key, ScalarType DType, long[] Shape, byte[] Data);

        private sealed record Contents(string Model, int Epoch, List<Entry> Entries, string OptimizerKind, string OptimizerDescription, byte[] OptimizerState);
    }
}
