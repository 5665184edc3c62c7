namespace ModelGen
{
    /// <summary>How the weight tensors (matrices and kernels) are drawn, by <see cref="InitializeAttribute"/> or <see cref="Training.Initializers.Apply"/>.</summary>
    public enum WeightInit
    {
        /// <summary>U[−1/√fan_in, 1/√fan_in] (the course notes' uniform rule, and TorchSharp's default for Linear/Conv).</summary>
        Uniform = 0,

        /// <summary>Xavier/Glorot normal: N(0, σ²) with σ = √(2/(fan_in + fan_out)).</summary>
        XavierNormal = 1,

        /// <summary>Xavier/Glorot uniform: U[−√6/√(fan_in + fan_out), +√6/√(fan_in + fan_out)].</summary>
        XavierUniform = 2,

        /// <summary>He/Kaiming normal: N(0, σ²) with σ = √(2/fan_in).</summary>
        HeNormal = 3,

        /// <summary>He/Kaiming uniform: U[−√6/√fan_in, +√6/√fan_in].</summary>
        HeUniform = 4,

        /// <summary>All zeros (every unit then learns the same thing: only for tests and special layers).</summary>
        Zeros = 5,
    }
}
