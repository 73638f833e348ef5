namespace MediaGen.Engine.Tests.Guarantees;

/// <summary>Start-up validation of <see cref="DurableEngineOptions.MaxActivityDeliveryCount"/>.</summary>
public sealed class MaxActivityDeliveryCountTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Validate_OutOfRange_FailsNamingTheSetting(int count)
    {
        var result = Validate(new DurableEngineOptions { MaxActivityDeliveryCount = count });

        Assert.Contains("DurableTask:MaxActivityDeliveryCount must be 1–100", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_IsFive()
    {
        Assert.Equal(5, new DurableEngineOptions().MaxActivityDeliveryCount);
        Assert.True(Validate(new DurableEngineOptions()).Succeeded);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(DurableEngineOptions options)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [DurableEngineOptions.ConnectionStringKey] = "UseDevelopmentStorage=true" })
            .Build();
        return new DurableEngineOptionsValidator(configuration, services: null).Validate(null, options);
    }
}
