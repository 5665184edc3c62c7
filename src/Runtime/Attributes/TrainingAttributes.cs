using System;
using ModelGen.Training;

namespace ModelGen
{
    /// <summary>The loss functions a model can declare with <see cref="LossAttribute"/>.</summary>
    public enum LossKind
    {
        /// <summary>Mean squared error (the L2 loss), (ŷ − y)²; float targets of the output's shape.</summary>
        MSE = 0,

        /// <summary>
        /// Cross-entropy over raw scores (log-softmax inside), −Σ_c y_c log softmax(ŷ)_c; targets are
        /// class indices (int64, shape N), optionally smoothed with <see cref="LossAttribute.LabelSmoothing"/>.
        /// </summary>
        CrossEntropy = 1,

        /// <summary>Binary cross-entropy over logits (sigmoid inside); targets are 0/1 floats of the output's shape.</summary>
        BCEWithLogits = 2,

        /// <summary>Mean absolute error (the L1 loss), |ŷ − y|; float targets of the output's shape. (The course notes call it "L2 loss"; it is L1.)</summary>
        MAE = 3,

        /// <summary>Huber loss: ½(ŷ − y)² where |ŷ − y| ≤ δ, δ(|ŷ − y| − ½δ) beyond; δ = <see cref="LossAttribute.HuberDelta"/>. With δ = 1 it is smooth L1.</summary>
        Huber = 4,

        /// <summary>Binary cross-entropy over probabilities (end the model with a Sigmoid); 0/1 float targets of the output's shape.</summary>
        BCE = 5,

        /// <summary>Negative log-likelihood of the true class, −log ŷ_y, over log-probabilities (end the model with LogSoftmax); class-index targets.</summary>
        NLL = 6,

        /// <summary>
        /// Kullback–Leibler divergence Σ y (log y − ŷ) between target probabilities y and the model's
        /// log-probabilities ŷ (end the model with LogSoftmax); targets are float distributions of the
        /// output's shape. The mean is taken per sample (PyTorch's <c>batchmean</c>), which is the true KL.
        /// </summary>
        KLDivergence = 7,
    }

    /// <summary>How a loss combines the per-sample losses of a batch.</summary>
    public enum LossReduction
    {
        /// <summary>The mean (default): the learning rate does not depend on the batch size.</summary>
        Mean = 0,

        /// <summary>The sum.</summary>
        Sum = 1,
    }

    /// <summary>The optimizers a model can declare with <see cref="OptimizerAttribute"/>.</summary>
    public enum OptimizerKind
    {
        /// <summary>
        /// Stochastic gradient descent on each batch (batch size 1 is online SGD, the whole set is
        /// batch gradient descent), θ ← θ − η·g; with <see cref="OptimizerAttribute.Momentum"/> it is
        /// heavy-ball momentum u ← μu + g, θ ← θ − η·u, and with <see cref="OptimizerAttribute.Nesterov"/>
        /// Nesterov's accelerated gradient θ ← θ − η·(g + μu).
        /// </summary>
        SGD = 0,

        /// <summary>Adam (Kingma and Ba, 2015) with bias correction, ε outside the root.</summary>
        Adam = 1,

        /// <summary>AdaGrad: θ ← θ − η/(√(Σg²) + ε)·g, with the 1/(1 + (t−1)·decay) learning-rate decay.</summary>
        Adagrad = 2,

        /// <summary>AdaDelta (Zeiler, 2012): the ratio of the running RMS of the updates to that of the gradients; learning rate 1.</summary>
        Adadelta = 3,

        /// <summary>RMSprop: v ← αv + (1 − α)g², θ ← θ − η·g/(√v + ε).</summary>
        RMSprop = 4,

        /// <summary>AdamW (Loshchilov and Hutter, 2019): Adam with decoupled weight decay θ ← θ − η·λ·θ.</summary>
        AdamW = 5,

        /// <summary>Adamax: Adam with the infinity norm, u ← max(β₂u, |g| + ε), θ ← θ − η/(1 − β₁ᵗ)·m/u.</summary>
        Adamax = 6,

        /// <summary>NAdam (Dozat, 2016): Adam with Nesterov momentum and the momentum-decay schedule μ_t = β₁(1 − ½·0.96^(t·ψ)).</summary>
        NAdam = 7,
    }

    /// <summary>
    /// Declares the loss the generated training step minimizes, with its reduction, label
    /// smoothing, class weights and the L1/L2 penalty terms added to it.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class LossAttribute : Attribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="kind">The loss function.</param>
        public LossAttribute(LossKind kind) => Kind = kind;

        /// <summary>The loss function.</summary>
        public LossKind Kind { get; }

        /// <summary>How the batch's losses are combined (default <see cref="LossReduction.Mean"/>).</summary>
        public LossReduction Reduction { get; set; }

        /// <summary>
        /// Cross-entropy only: the target becomes (1 − ε)·onehot + ε/K, i.e. ε/K on every wrong class
        /// and 1 − ε + ε/K on the right one (PyTorch's rule; the course notes' [ε/k, …, 1 − ε, …] does
        /// not sum to 1). Default 0; must lie in [0, 1).
        /// </summary>
        public double LabelSmoothing { get; set; }

        /// <summary>Huber only: the threshold δ between the quadratic and the linear part (default 1).</summary>
        public double HuberDelta { get; set; } = 1;

        /// <summary>Cross-entropy and NLL only: one positive weight per class (default none: all 1).</summary>
        public double[]? ClassWeights { get; set; }

        /// <summary>
        /// L2 penalty λ: the step minimizes loss + λ/(2m)·Σw² over the weight tensors (matrices and
        /// kernels; biases and normalization scales are not penalized), m being the batch size, so
        /// the penalty's gradient is λw/m (the course notes' Cost = Loss + λ/2m·Σ‖w‖²). Default 0.
        /// </summary>
        public double L2 { get; set; }

        /// <summary>
        /// L1 penalty λ: the step minimizes loss + λ/m·Σ|w| over the weight tensors, gradient
        /// λ·sign(w)/m (the course notes write λ/2m; ModelGen keeps the L1 and L2 gradients on the
        /// same λ/m scale). Default 0.
        /// </summary>
        public double L1 { get; set; }
    }

    /// <summary>
    /// Declares the optimizer of the generated training step. Every hyperparameter has PyTorch's
    /// default for the chosen kind (<see cref="OptimizerDefaults"/>); setting one that the kind does
    /// not use is a compile error (MG0002).
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class OptimizerAttribute : Attribute
    {
        private double _learningRate = double.NaN;
        private double _epsilon = double.NaN;
        private double _weightDecay = double.NaN;

        /// <summary>Creates the attribute.</summary>
        /// <param name="kind">The optimizer.</param>
        public OptimizerAttribute(OptimizerKind kind) => Kind = kind;

        /// <summary>The optimizer.</summary>
        public OptimizerKind Kind { get; }

        /// <summary>The learning rate η (default: PyTorch's for the kind, see <see cref="OptimizerDefaults.LearningRate"/>; 0.01 for SGD).</summary>
        public double LearningRate
        {
            get => double.IsNaN(_learningRate) ? OptimizerDefaults.LearningRate(Kind) : _learningRate;
            set => _learningRate = value;
        }

        /// <summary>Momentum μ (SGD and RMSprop; default 0).</summary>
        public double Momentum { get; set; }

        /// <summary>SGD only: Nesterov momentum (needs <see cref="Momentum"/> &gt; 0; default false).</summary>
        public bool Nesterov { get; set; }

        /// <summary>Adam, AdamW, Adamax, NAdam: the decay β₁ of the first-moment estimate (default 0.9).</summary>
        public double Beta1 { get; set; } = OptimizerDefaults.Beta1;

        /// <summary>Adam, AdamW, Adamax, NAdam: the decay β₂ of the second-moment estimate (default 0.999).</summary>
        public double Beta2 { get; set; } = OptimizerDefaults.Beta2;

        /// <summary>The ε added to the denominator (default: PyTorch's for the kind, see <see cref="OptimizerDefaults.Epsilon"/>; unused by SGD).</summary>
        public double Epsilon
        {
            get => double.IsNaN(_epsilon) ? OptimizerDefaults.Epsilon(Kind) : _epsilon;
            set => _epsilon = value;
        }

        /// <summary>Adadelta: the decay ρ of the running averages (default 0.9).</summary>
        public double Rho { get; set; } = OptimizerDefaults.Rho;

        /// <summary>RMSprop: the decay α of the squared-gradient average (default 0.99).</summary>
        public double Alpha { get; set; } = OptimizerDefaults.Alpha;

        /// <summary>RMSprop: divide by the centred variance instead of the raw second moment (default false).</summary>
        public bool Centered { get; set; }

        /// <summary>Adagrad: the learning-rate decay, η_t = η/(1 + (t − 1)·decay) (default 0).</summary>
        public double LearningRateDecay { get; set; }

        /// <summary>NAdam: the momentum decay ψ (default 0.004).</summary>
        public double MomentumDecay { get; set; } = OptimizerDefaults.MomentumDecay;

        /// <summary>
        /// Weight decay λ: added to the gradient as λθ (coupled, the L2 form) by every kind except
        /// AdamW, which decays the weights directly, θ ← θ − ηλθ (decoupled). Default 0, and 0.01 for AdamW.
        /// </summary>
        public double WeightDecay
        {
            get => double.IsNaN(_weightDecay) ? OptimizerDefaults.WeightDecay(Kind) : _weightDecay;
            set => _weightDecay = value;
        }

        /// <summary>Clip the gradients' global L2 norm to this value before each step (default 0: no clipping).</summary>
        public double ClipNorm { get; set; }

        /// <summary>Clip every gradient element to [−value, value] before each step (default 0: no clipping).</summary>
        public double ClipValue { get; set; }
    }
}
