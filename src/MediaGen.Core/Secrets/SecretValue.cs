namespace MediaGen.Core.Secrets;

/// <summary>
/// Reads secret settings as Azure delivers them: an App Service Key Vault reference the platform has not resolved stays in
/// the setting as its literal text (<c>@Microsoft.KeyVault(SecretUri=…)</c>), so that text is treated as no secret at all,
/// never as the key itself. Values are never put into messages; only setting names are.
/// </summary>
public static class SecretValue
{
    /// <summary>How an unresolved App Service Key Vault reference starts.</summary>
    public const string KeyVaultReferencePrefix = "@Microsoft.KeyVault(";

    /// <summary>The state of <paramref name="value"/>: set, missing (null or blank) or an unresolved Key Vault reference.</summary>
    public static SecretState StateOf(string? value) =>
        string.IsNullOrWhiteSpace(value) ? SecretState.Missing
        : value.TrimStart().StartsWith(KeyVaultReferencePrefix, StringComparison.OrdinalIgnoreCase) ? SecretState.Unresolved
        : SecretState.Set;

    /// <summary>Whether <paramref name="value"/> is a secret the app can use (set, and not an unresolved Key Vault reference).</summary>
    public static bool IsUsable(string? value) => StateOf(value) == SecretState.Set;

    /// <summary>
    /// Why the setting <paramref name="setting"/> (its app-setting name, e.g. <c>Pixazo__SubscriptionKey</c>) holding
    /// <paramref name="value"/> cannot be used, in a sentence naming the setting; null when it can.
    /// </summary>
    public static string? Problem(string setting, string? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(setting);
        return Describe(setting, StateOf(value));
    }

    /// <summary>A sentence naming <paramref name="setting"/> and saying what is wrong with it; null when <paramref name="state"/> is <see cref="SecretState.Set"/>.</summary>
    public static string? Describe(string setting, SecretState state) => state switch
    {
        SecretState.Missing => $"{setting} is not set",
        SecretState.Unresolved => $"{setting} holds a Key Vault reference that has not resolved (store the secret, let the app read the vault, then restart the app)",
        _ => null,
    };
}
