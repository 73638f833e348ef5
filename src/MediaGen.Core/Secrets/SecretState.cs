namespace MediaGen.Core.Secrets;

/// <summary>Whether a secret setting holds a value the app can use.</summary>
public enum SecretState
{
    /// <summary>A value is set.</summary>
    Set,

    /// <summary>The setting is absent or empty.</summary>
    Missing,

    /// <summary>
    /// The setting holds an App Service Key Vault reference (<c>@Microsoft.KeyVault(…)</c>) as text: the platform could not
    /// resolve it yet (the secret does not exist, or the app may not read it). It is never used as the secret.
    /// </summary>
    Unresolved,
}
