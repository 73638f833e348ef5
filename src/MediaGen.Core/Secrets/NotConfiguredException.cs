namespace MediaGen.Core.Secrets;

/// <summary>
/// Work that needs a secret setting the app does not have (missing, or an unresolved Key Vault reference): nothing was done.
/// The HTTP layer answers 503 <c>not_configured</c> naming <see cref="Setting"/>; retrying helps once the setting resolves.
/// An <see cref="InvalidOperationException"/>, so callers that treat a misconfiguration as such keep working.
/// </summary>
public sealed class NotConfiguredException : InvalidOperationException
{
    /// <summary>Creates the failure for <paramref name="setting"/>; the message names it, never its value.</summary>
    public NotConfiguredException(string setting, string message)
        : base(message)
    {
        ArgumentException.ThrowIfNullOrEmpty(setting);
        Setting = setting;
    }

    /// <summary>The app-setting name of the secret, e.g. <c>Callbacks__SigningKey</c>.</summary>
    public string Setting { get; }

    /// <summary>The error type callers see: <c>not_configured</c>.</summary>
    public const string ErrorType = JobErrorCodes.NotConfigured;
}
