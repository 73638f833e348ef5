namespace MediaGen.Core.Tests.Providers;

internal static class ValidationAssert
{
    /// <summary>Valid when <paramref name="field"/> is null; otherwise exactly one error, on that field, for that rule.</summary>
    public static void Single(IReadOnlyList<ValidationError> errors, string? field, string? rule)
    {
        if (field is null)
        {
            Assert.True(errors.Count == 0, "expected valid, got: " + string.Join("; ", errors));
            return;
        }

        var error = Assert.Single(errors);
        Assert.Equal(field, error.Field);
        Assert.Equal(rule, error.Rule);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }
}
