using MediaGen.Core.Costs;
using Microsoft.Extensions.Options;

namespace MediaGen.Workflows.Budgets;

/// <summary>Configured prices are zero or more.</summary>
public sealed class CostOptionsValidator : IValidateOptions<CostOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, CostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.CometImagePrices.Where(p => p.Value < 0).Select(p => $"Costs__CometImagePrices__{p.Key} must be zero or more.").ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
