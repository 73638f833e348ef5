namespace MediaGen.Core.Notifications;

/// <summary>Signed completion callbacks to a job's <c>callbackUrl</c>.</summary>
public sealed class CallbackOptions
{
    /// <summary>Configuration section: <c>Callbacks</c>.</summary>
    public const string SectionName = "Callbacks";

    /// <summary>
    /// HMAC-SHA256 key receivers verify signatures with (a secret; in Azure a Key Vault reference).
    /// No default: a job asking for a callback is refused while it is unset.
    /// </summary>
    public string SigningKey { get; set; } = "";

    /// <summary>Time one delivery attempt may take. Default 10 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts per delivery before it is given up. Default 6.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Wait before the second attempt; doubles each time. Default 2 s.</summary>
    public TimeSpan FirstRetryInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait between attempts. Default 5 min.</summary>
    public TimeSpan MaxRetryInterval { get; set; } = TimeSpan.FromMinutes(5);
}
