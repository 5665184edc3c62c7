using System;
using System.IO;
using System.Linq;
using ModelGen.Data;
using ModelGen.Runtime.Tests.Models;
using ModelGen.Training;
using TorchSharp;
using Xunit;

namespace ModelGen.Runtime.Tests.Training;

/// <summary>Checkpoints: bit-identical round trips, exact resumes, atomic saves, clear errors.</summary>
public sealed class CheckpointTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("modelgen-ckpt-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_round_trip_is_bit_identical_weights_and_optimizer_state()
    {
        using TensorDataset data = TestData.Digits(128, DigitsLayout.Flat);
        torch.manual_seed(1);
        using var trained = new DigitsMlp();
        trained.Fit(data, new FitOptions { Epochs = 1, Progress = ProgressMode.None });
        string path = Path.Combine(_folder, "mlp.ckpt");

        Checkpoint.Save(trained, path, epoch: 1);
        torch.manual_seed(2);
        using var loaded = new DigitsMlp();
        CheckpointInfo info = Checkpoint.Load(loaded, path);

        Assert.Equal(1, info.Epoch);
        Assert.True(info.OptimizerStateLoaded);
        foreach ((string key, torch.Tensor value) in trained.state_dict())
        {
            Assert.Equal(TestData.Values(value), TestData.Values(loaded.state_dict()[key]));
        }

        string again = Path.Combine(_folder, "again.ckpt");
        Checkpoint.Save(loaded, again, epoch: 1);
        Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(again));
    }

    [Fact]
    public void Resumed_training_continues_exactly_as_uninterrupted_training()
    {
        using TensorDataset data = TestData.Digits(160, DigitsLayout.Flat);
        var options = new FitOptions { Epochs = 4, BatchSize = 32, Seed = 9, ValidationSplit = 0.2, Progress = ProgressMode.None, Schedule = new StepDecay(1, 0.5) };

        torch.manual_seed(3);
        using var straight = new DigitsMlp();
        TrainingHistory full = straight.Fit(data, options);

        torch.manual_seed(3);
        using var first = new DigitsMlp();
        first.Fit(data, options with { Epochs = 2 });
        string path = Path.Combine(_folder, "half.ckpt");
        Checkpoint.Save(first, path, epoch: 2);
        torch.manual_seed(77);
        using var resumed = new DigitsMlp();
        CheckpointInfo info = Checkpoint.Load(resumed, path);
        TrainingHistory rest = resumed.Fit(data, options with { InitialEpoch = info.Epoch });

        Assert.Equal(new[] { 3, 4 }, rest.Epochs.Select(e => e.Epoch));
        Assert.Equal(full.Epochs.Skip(2).Select(e => (e.TrainLoss, e.ValidationLoss, e.LearningRate)), rest.Epochs.Select(e => (e.TrainLoss, e.ValidationLoss, e.LearningRate)));
        Assert.Equal(TestData.Values(straight.fc2.weight!), TestData.Values(resumed.fc2.weight!));
    }

    [Fact]
    public void A_save_that_fails_midway_leaves_the_previous_checkpoint_loadable()
    {
        torch.manual_seed(4);
        using var model = new DigitsMlp();
        string path = Path.Combine(_folder, "good.ckpt");
        Checkpoint.Save(model, path, epoch: 1);
        byte[] good = File.ReadAllBytes(path);
        using (torch.no_grad())
        {
            model.fc1.weight!.add_(1);
        }

        Assert.Throws<IOException>(() => Checkpoint.Save(model, path, 2, stream => new FailingStream(stream, failAfter: 1000)));

        Assert.Equal(good, File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(_folder)); // no temporary file left behind
        using var reloaded = new DigitsMlp();
        Assert.Equal(1, Checkpoint.Load(reloaded, path).Epoch);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("corrupted")]
    [InlineData("missing")]
    [InlineData("not a checkpoint")]
    public void A_damaged_file_is_a_clear_error_and_changes_nothing(string damage)
    {
        torch.manual_seed(5);
        using var model = new DigitsMlp();
        string path = Path.Combine(_folder, "model.ckpt");
        Checkpoint.Save(model, path);
        byte[] bytes = File.ReadAllBytes(path);
        switch (damage)
        {
            case "truncated":
                File.WriteAllBytes(path, bytes.Take(bytes.Length / 2).ToArray());
                break;
            case "corrupted":
                bytes[bytes.Length / 2] ^= 0x40;
                File.WriteAllBytes(path, bytes);
                break;
            case "missing":
                File.Delete(path);
                break;
            default:
                File.WriteAllText(path, "hello");
                break;
        }

        torch.manual_seed(6);
        using var target = new DigitsMlp();
        float[] before = TestData.Values(target.fc1.weight!);
        var error = Assert.Throws<CheckpointException>(() => Checkpoint.Load(target, path));

        Assert.Contains(path, error.Message);
        Assert.Contains(damage switch { "truncated" or "corrupted" => "truncated or corrupted", "missing" => "does not exist", _ => "not a ModelGen checkpoint" }, error.Message);
        Assert.Equal(before, TestData.Values(target.fc1.weight!));
    }

    [Fact]
    public void A_checkpoint_of_another_architecture_lists_every_mismatch()
    {
        using var mlp = new DigitsMlp();
        string path = Path.Combine(_folder, "mlp.ckpt");
        Checkpoint.Save(mlp, path);
        using var other = new TinyClassifier();

        var error = Assert.Throws<CheckpointException>(() => Checkpoint.Load(other, path));

        Assert.Contains("fc1.weight has shape 32×64 in the checkpoint but 3×2 in the model", error.Mismatches);
        Assert.Contains("fc2.weight is in the checkpoint but not in the model", error.Mismatches);
        Assert.Contains("does not match TinyClassifier", error.Message);
    }

    private sealed class FailingStream : Stream
    {
        private readonly Stream _inner;
        private long _left;

        public FailingStream(Stream inner, long failAfter)
        {
            _inner = inner;
            _left = failAfter;
        }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _inner.Length;

        public override long Position { get => _inner.Position; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count)
        {
            int now = (int)Math.Min(count, _left);
            _inner.Write(buffer, offset, now);
            _left -= now;
            if (now < count)
            {
                throw new IOException("disk full (simulated)");
            }
        }

        public override void Flush() => _inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
