namespace MediaGen.Core.Notifications;

/// <summary>
/// Makes one delivery attempt of a completion callback, signed per Standard Webhooks (<see cref="CallbackSignature"/>).
/// Retries belong to the caller (the orchestration's retry loop), which keeps the delivery id (<c>webhook-id</c>), so
/// receivers can drop duplicates by it; each attempt is signed afresh with its own <c>webhook-timestamp</c>.
/// </summary>
public sealed partial class CallbackSender(HttpClient httpClient, IOptions<CallbackOptions> options, TimeProvider time, ILogger<CallbackSender> logger)
{
    /// <summary>POSTs <paramref name="body"/> (JSON) to <paramref name="url"/>, signed; throws unless the receiver answers 2xx.</summary>
    /// <exception cref="CallbackDeliveryException">The receiver answered non-2xx, or did not answer in time.</exception>
    /// <exception cref="NotConfiguredException"><see cref="CallbackOptions.SigningKey"/> is missing or an unresolved Key Vault reference; nothing was sent.</exception>
    public async Task SendAsync(Uri url, string deliveryId, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentException.ThrowIfNullOrEmpty(deliveryId);
        var settings = options.Value;
        if (SecretValue.Problem(CallbackOptions.SigningKeySetting, settings.SigningKey) is { } problem)
        {
            throw new NotConfiguredException(CallbackOptions.SigningKeySetting, $"{problem}; callbacks cannot be signed.");
        }

        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new ReadOnlyMemoryContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(CallbackSignature.IdHeader, deliveryId);
        request.Headers.Add(CallbackSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation(CallbackSignature.SignatureHeader, CallbackSignature.Sign(SigningKeys(settings), deliveryId, timestamp, body.Span));

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.AttemptTimeout);
        var target = url.GetLeftPart(UriPartial.Path); // never log query strings: they may carry secrets
        try
        {
            using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                LogRejected(logger, deliveryId, target, (int)response.StatusCode);
                throw new CallbackDeliveryException(
                    $"Callback {deliveryId} to {target} was answered {(int)response.StatusCode} {response.ReasonPhrase}.", response.StatusCode);
            }

            LogDelivered(logger, deliveryId, target, (int)response.StatusCode);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CallbackDeliveryException($"Callback {deliveryId} to {target} got no answer within {settings.AttemptTimeout}.", null, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new CallbackDeliveryException($"Callback {deliveryId} to {target} failed: {ex.Message}", null, ex);
        }
    }

    /// <summary>The keys to sign with: the primary, then the secondary while a rotation is under way.</summary>
    private static byte[][] SigningKeys(CallbackOptions settings)
    {
        var primary = Parse(settings.SigningKey, CallbackOptions.SigningKeySetting);
        // An unresolved secondary key signs nothing (readiness names it); the primary signature still verifies.
        return SecretValue.IsUsable(settings.SecondarySigningKey)
            ? [primary, Parse(settings.SecondarySigningKey, CallbackOptions.SecondarySigningKeySetting)]
            : [primary];

        static byte[] Parse(string secret, string setting) =>
            CallbackSignature.TryParseSecret(secret, out var key, out var error)
                ? key
                : throw new InvalidOperationException($"{setting} {error}; callbacks cannot be signed.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Callback {DeliveryId} delivered to {Target} ({Status})")]
    private static partial void LogDelivered(ILogger logger, string deliveryId, string target, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Callback {DeliveryId} to {Target} answered {Status}; it will be retried")]
    private static partial void LogRejected(ILogger logger, string deliveryId, string target, int status);
}
