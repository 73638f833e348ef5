namespace MediaGen.Workflows.Pixazo;

/// <summary>
/// The per-job Pixazo webhook URL and its secret. Pixazo does not sign callbacks, so the URL carries a secret:
/// <c>{PublicBaseUrl}/api/webhooks/pixazo/{jobId}?secret={base64url(HMAC-SHA256(WebhookSigningKey, "pixazo-webhook:" + jobId))}</c>.
/// Derived, not stored: nothing to look up, and a secret for one job is useless for another.
/// </summary>
public sealed class PixazoWebhooks
{
    /// <summary>The route the HTTP layer maps (relative to <see cref="WorkflowOptions.PublicBaseUrl"/>); <c>{jobId}</c> is the job id.</summary>
    public const string RouteTemplate = "api/webhooks/pixazo/{jobId}";

    /// <summary>The query parameter carrying the secret.</summary>
    public const string SecretParameter = "secret";

    private const string Purpose = "pixazo-webhook:";

    private readonly byte[] _key;
    private readonly string _baseUrl;

    /// <summary>Creates the helper from the configured key and public base URL.</summary>
    public PixazoWebhooks(IOptions<WorkflowOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // An unresolved Key Vault reference is public text, not a key: webhooks stay off until it resolves.
        _key = SecretValue.IsUsable(options.Value.WebhookSigningKey) ? Encoding.UTF8.GetBytes(options.Value.WebhookSigningKey) : [];
        _baseUrl = (options.Value.PublicBaseUrl ?? "").TrimEnd('/');
    }

    /// <summary>Whether webhooks are configured (a usable signing key and a public base URL); otherwise Pixazo jobs only poll.</summary>
    public bool Enabled => _key.Length > 0 && _baseUrl.Length > 0;

    /// <summary>The <c>X-Webhook-URL</c> for a job, or null when webhooks are off. Contains a secret: never log it.</summary>
    public string? UrlFor(string jobId)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        return Enabled
            ? $"{_baseUrl}/{RouteTemplate.Replace("{jobId}", Uri.EscapeDataString(jobId), StringComparison.Ordinal)}?{SecretParameter}={SecretFor(jobId)}"
            : null;
    }

    /// <summary>Whether <paramref name="secret"/> is the job's secret. Constant time; always false when webhooks are off.</summary>
    public bool Verify(string jobId, string? secret)
    {
        ArgumentNullException.ThrowIfNull(jobId);
        if (_key.Length == 0)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(SecretFor(jobId));
        var given = Encoding.UTF8.GetBytes(secret ?? "");
        // FixedTimeEquals returns at once on a length mismatch; the length of a secret is public (43 characters).
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private string SecretFor(string jobId)
    {
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(Purpose + jobId));
        return Base64UrlEncode(mac);
    }

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
