using MediaGen.Core.Secrets;

namespace MediaGen.Core.Tests.Secrets;

public sealed class SecretValueTests
{
    [Theory]
    [InlineData(null, SecretState.Missing)]
    [InlineData("", SecretState.Missing)]
    [InlineData("   ", SecretState.Missing)]
    [InlineData("@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/api-key/)", SecretState.Unresolved)]
    [InlineData("@Microsoft.KeyVault(VaultName=kv;SecretName=api-key)", SecretState.Unresolved)]
    [InlineData(" @microsoft.keyvault(VaultName=kv;SecretName=api-key)", SecretState.Unresolved)]
    [InlineData("a-real-key-0123456789", SecretState.Set)]
    [InlineData("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", SecretState.Set)]
    public void StateOf_Value_IsItsState(string? value, SecretState state)
    {
        Assert.Equal(state, SecretValue.StateOf(value));
        Assert.Equal(state == SecretState.Set, SecretValue.IsUsable(value));
    }

    [Fact]
    public void Problem_UnresolvedReference_NamesTheSettingNotTheValue()
    {
        var problem = SecretValue.Problem("Pixazo__SubscriptionKey", "@Microsoft.KeyVault(VaultName=kv;SecretName=pixazo-subscription-key)");

        Assert.StartsWith("Pixazo__SubscriptionKey holds a Key Vault reference that has not resolved", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("pixazo-subscription-key", problem, StringComparison.Ordinal);
        Assert.Equal("Pixazo__SubscriptionKey is not set", SecretValue.Problem("Pixazo__SubscriptionKey", null));
        Assert.Null(SecretValue.Problem("Pixazo__SubscriptionKey", "key"));
    }

    [Theory]
    [InlineData(SecretState.Unresolved, false, true)]
    [InlineData(SecretState.Missing, true, true)]
    [InlineData(SecretState.Missing, false, false)]
    [InlineData(SecretState.Set, true, false)]
    public void IsNotConfigured_StateAndRequired_CountsForReadiness(SecretState state, bool required, bool notConfigured)
    {
        Assert.Equal(notConfigured, new SecretSetting("X__Key", state, required).IsNotConfigured);
    }
}
