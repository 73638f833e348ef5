namespace MediaGen.Core.Notifications;

/// <summary>Completion callbacks to a job's <c>callbackUrl</c>, signed per the Standard Webhooks specification.</summary>
public sealed class CallbackOptions
{
    /// <summary>Configuration section: <c>Callbacks</c>.</summary>
    public const string SectionName = "Callbacks";

    /// <summary>The app-setting name of <see cref="SigningKey"/>.</summary>
    public const string SigningKeySetting = "Callbacks__SigningKey";

    /// <summary>The app-setting name of <see cref="SecondarySigningKey"/>.</summary>
    public const string SecondarySigningKeySetting = "Callbacks__SecondarySigningKey";

    /// <summary>
    /// The signing secret in the Standard Webhooks form <c>whsec_&lt;base64 of 24–64 random bytes&gt;</c> (a secret; in Azure
    /// a Key Vault reference). Receivers verify with the same string. No default: while it is missing or an unresolved Key
    /// Vault reference, a job asking for a callback is refused with 503 <c>not_configured</c> and readiness names it; a
    /// value of another form stops start-up.
    /// </summary>
    public string SigningKey { get; set; } = "";

    /// <summary>
    /// A second secret (same form) used during a key rotation: while set, every delivery carries two signatures in
    /// <c>webhook-signature</c>, the <see cref="SigningKey"/> one first, so receivers holding either key accept it.
    /// Default empty (one signature). While it is an unresolved Key Vault reference, callbacks carry the primary signature
    /// only and readiness names it.
    /// </summary>
    public string SecondarySigningKey { get; set; } = "";

    /// <summary>Time one delivery attempt may take. Default 10 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts per delivery before it is given up. Default 6.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Wait before the second attempt; doubles each time. Default 2 s.</summary>
    public TimeSpan FirstRetryInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait between attempts. Default 5 min.</summary>
    public TimeSpan MaxRetryInterval { get; set; } = TimeSpan.FromMinutes(5);
}
