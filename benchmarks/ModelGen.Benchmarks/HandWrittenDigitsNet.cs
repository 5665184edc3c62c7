using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ModelGen.Benchmarks
{
    /// <summary>
    /// The digits CNN as one would write it by hand in TorchSharp: layers with parameters as
    /// fields named like the generated ones (so the state_dicts match key for key), activations
    /// through <c>functional</c>, one shared pooling module, and the usual training step. The
    /// caller puts the module in training mode once, as a hand-written loop does.
    /// </summary>
    internal sealed class HandWrittenDigitsNet : Module<Tensor, Tensor>
    {
        private readonly Conv2d conv1 = Conv2d(1, 16, 3, padding: 1);
        private readonly Conv2d conv2 = Conv2d(16, 32, 3, padding: 1);
        private readonly MaxPool2d pool = MaxPool2d(2);
        private readonly Linear fc1 = Linear(128, 64);
        private readonly Dropout dropout = Dropout(0.25);
        private readonly Linear fc2 = Linear(64, 10);
        private readonly CrossEntropyLoss _loss = CrossEntropyLoss();
        private readonly optim.Optimizer _optimizer;

        public HandWrittenDigitsNet()
            : base(nameof(HandWrittenDigitsNet))
        {
            RegisterComponents();
            _optimizer = optim.Adam(parameters(), lr: 1e-3);
        }

        public override Tensor forward(Tensor input)
        {
            Tensor x = pool.forward(functional.relu(conv1.forward(input)));
            x = pool.forward(functional.relu(conv2.forward(x)));
            x = x.flatten(1);
            x = dropout.forward(functional.relu(fc1.forward(x)));
            return fc2.forward(x);
        }

        /// <summary>Forward, loss, backward and an Adam step inside a dispose scope; returns the loss.</summary>
        public float TrainStep(Tensor input, Tensor target)
        {
            using DisposeScope scope = NewDisposeScope();
            _optimizer.zero_grad();
            Tensor loss = _loss.forward(forward(input), target);
            loss.backward();
            _optimizer.step();
            return loss.item<float>();
        }
    }
}
