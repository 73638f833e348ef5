namespace MediaGen.Workflows.Budgets;

/// <summary>The CometAPI price table parses: <c>model=price</c> pairs, prices zero or more.</summary>
public sealed class CostOptionsValidator : IValidateOptions<CostOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, CostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            options.CometPrices();
            return ValidateOptionsResult.Success;
        }
        catch (FormatException ex)
        {
            return ValidateOptionsResult.Fail(ex.Message);
        }
    }
}
