using MediaGen.Core.Notifications;

namespace MediaGen.Core.Tests.Notifications;

public sealed class CallbackOptionsValidatorTests
{
    private static readonly string Secret = Testing.ReceivedWebhook.NewSecret();

    [Fact]
    public void Validate_NoKeys_Succeeds()
    {
        Assert.True(new CallbackOptionsValidator().Validate(null, new CallbackOptions()).Succeeded);
    }

    [Fact]
    public void Validate_WhsecKeys_Succeeds()
    {
        var options = new CallbackOptions { SigningKey = Secret, SecondarySigningKey = Testing.ReceivedWebhook.NewSecret() };

        Assert.True(new CallbackOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_PlainStringKey_FailsNamingTheSettingAndForm()
    {
        var result = new CallbackOptionsValidator().Validate(null, new CallbackOptions { SigningKey = "my-old-hmac-key" });

        Assert.True(result.Failed);
        Assert.Contains("Callbacks__SigningKey must have the form whsec_<base64>", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SecondaryWithoutPrimary_Fails()
    {
        var result = new CallbackOptionsValidator().Validate(null, new CallbackOptions { SecondarySigningKey = Secret });

        Assert.True(result.Failed);
        Assert.Contains("Callbacks__SecondarySigningKey is set but Callbacks__SigningKey is not", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadSecondary_FailsNamingIt()
    {
        var result = new CallbackOptionsValidator().Validate(null, new CallbackOptions { SigningKey = Secret, SecondarySigningKey = "whsec_c2hvcnQ=" });

        Assert.True(result.Failed);
        Assert.Contains("Callbacks__SecondarySigningKey must decode to 24–64 bytes", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_KeysAreUnresolvedKeyVaultReferences_Succeeds()
    {
        // A first deployment before the vault holds the secrets: refused at use (not_configured), named by readiness.
        var options = new CallbackOptions
        {
            SigningKey = "@Microsoft.KeyVault(SecretUri=https://mediagen-kv.vault.azure.net/secrets/callback-signing-key/)",
            SecondarySigningKey = "@Microsoft.KeyVault(VaultName=mediagen-kv;SecretName=callback-next-key)",
        };

        Assert.True(new CallbackOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_SecondaryWhilePrimaryIsUnresolved_Succeeds()
    {
        var options = new CallbackOptions { SigningKey = "@Microsoft.KeyVault(VaultName=mediagen-kv;SecretName=callback-signing-key)", SecondarySigningKey = Secret };

        Assert.True(new CallbackOptionsValidator().Validate(null, options).Succeeded);
    }
}
