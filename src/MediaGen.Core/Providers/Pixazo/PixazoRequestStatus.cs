namespace MediaGen.Core.Providers.Pixazo;

/// <summary>
/// A Pixazo request's state, as the submit answer, the status endpoint and the webhook callback all report it.
/// </summary>
/// <param name="RequestId">The request id (poll with it).</param>
/// <param name="Status">Where the request is.</param>
/// <param name="ModelId">The model that processed it.</param>
/// <param name="Error">The provider's error message, for FAILED and ERROR.</param>
/// <param name="Output">The media, when COMPLETED (always present then).</param>
/// <param name="PollingUrl">The status URL (in the submit answer only). Informational: the client polls its configured gateway, never this URL.</param>
/// <param name="CreatedAt">When the request was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="CompletedAt">When it completed.</param>
public sealed record PixazoRequestStatus(
    string RequestId,
    PixazoStatus Status,
    string? ModelId = null,
    string? Error = null,
    PixazoOutput? Output = null,
    string? PollingUrl = null,
    DateTimeOffset? CreatedAt = null,
    DateTimeOffset? UpdatedAt = null,
    DateTimeOffset? CompletedAt = null)
{
    /// <summary>Whether the request will not change any more (COMPLETED, FAILED or ERROR).</summary>
    public bool IsTerminal => Status is PixazoStatus.Completed or PixazoStatus.Failed or PixazoStatus.Error;

    /// <summary>
    /// The failure a FAILED (<see cref="ProviderErrorType.GenerationFailed"/>, terminal) or ERROR
    /// (<see cref="ProviderErrorType.SystemError"/>, not charged, may be resubmitted) status stands for; null otherwise.
    /// </summary>
    public ProviderException? ToProviderException() => Status switch
    {
        PixazoStatus.Failed => new ProviderException(
            ProviderName.Pixazo, ProviderErrorType.GenerationFailed,
            $"Pixazo request {RequestId} FAILED: {Error ?? "no reason given"}.", providerErrorCode: "FAILED", providerMessage: Error),
        PixazoStatus.Error => new ProviderException(
            ProviderName.Pixazo, ProviderErrorType.SystemError,
            $"Pixazo request {RequestId} hit a system ERROR (not charged; may be resubmitted): {Error ?? "no reason given"}.", providerErrorCode: "ERROR", providerMessage: Error),
        _ => null,
    };

    /// <summary>Parses a status or webhook payload.</summary>
    /// <exception cref="ProviderException">The payload is not a status (<see cref="ProviderErrorType.MalformedResponse"/>).</exception>
    public static PixazoRequestStatus Parse(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            return Checked(JsonSerializer.Deserialize(utf8Json, PixazoJsonContext.Default.PixazoRequestStatus));
        }
        catch (JsonException ex)
        {
            throw Malformed(ex.Message, ex);
        }
    }

    /// <summary>Parses a status or webhook payload from a stream.</summary>
    /// <exception cref="ProviderException">The payload is not a status (<see cref="ProviderErrorType.MalformedResponse"/>).</exception>
    public static async Task<PixazoRequestStatus> ParseAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        try
        {
            return Checked(await JsonSerializer.DeserializeAsync(utf8Json, PixazoJsonContext.Default.PixazoRequestStatus, cancellationToken).ConfigureAwait(false));
        }
        catch (JsonException ex)
        {
            throw Malformed(ex.Message, ex);
        }
    }

    /// <summary>Checks what the types cannot: a COMPLETED status carries at least one media URL.</summary>
    internal static PixazoRequestStatus Checked(PixazoRequestStatus? status)
    {
        if (status is null)
        {
            throw Malformed("the payload is JSON null");
        }

        if (string.IsNullOrWhiteSpace(status.RequestId))
        {
            throw Malformed("request_id is empty");
        }

        if (status.Status == PixazoStatus.Completed
            && (status.Output is not { MediaUrl.Count: > 0 } output || output.MediaUrl.Any(string.IsNullOrWhiteSpace)))
        {
            throw Malformed($"request {status.RequestId} is COMPLETED without output.media_url");
        }

        return status;
    }

    private static ProviderException Malformed(string reason, Exception? inner = null) =>
        new(ProviderName.Pixazo, ProviderErrorType.MalformedResponse, $"Pixazo sent an unreadable status: {reason}", innerException: inner);
}
