namespace PgSeq.Diagnosis;

/// <summary>The shares of its range (0 to 1) from which a healthy sequence is a capacity warning, or critical.</summary>
/// <param name="Warning">See <see cref="CheckOptions.CapacityWarning"/>.</param>
/// <param name="Critical">See <see cref="CheckOptions.CapacityCritical"/>.</param>
internal readonly record struct CapacityThresholds(double Warning, double Critical)
{
    public static CapacityThresholds Of(CheckOptions options) => new(options.CapacityWarning, options.CapacityCritical);
}
