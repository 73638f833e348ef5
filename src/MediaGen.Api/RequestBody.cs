using System.Buffers;
using Microsoft.Net.Http.Headers;

namespace MediaGen.Api;

/// <summary>Reads a JSON request body into memory, refusing anything over <see cref="ApiOptions.MaxRequestBodyBytes"/>.</summary>
public sealed class RequestBody(IOptions<ApiOptions> options)
{
    /// <summary>The body's bytes.</summary>
    /// <exception cref="BadHttpRequestException">415: the body is labelled with a content type other than JSON (both hosts answer it through <see cref="UnhandledProblems"/>).</exception>
    /// <exception cref="RequestValidationException">The body is empty or larger than the cap.</exception>
    public Task<ReadOnlyMemory<byte>> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken = default) =>
        ReadAsync(request, checkContentType: true, cancellationToken);

    /// <summary>The body's bytes whatever content type it was sent with (senders we do not control, e.g. provider webhooks).</summary>
    /// <exception cref="RequestValidationException">The body is empty or larger than the cap.</exception>
    public Task<ReadOnlyMemory<byte>> ReadAnyAsync(HttpRequest request, CancellationToken cancellationToken = default) =>
        ReadAsync(request, checkContentType: false, cancellationToken);

    private async Task<ReadOnlyMemory<byte>> ReadAsync(HttpRequest request, bool checkContentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var limit = options.Value.MaxRequestBodyBytes;
        if (checkContentType && request.ContentType is { } type && !IsJson(type))
        {
            // Checked here rather than by endpoint metadata, so the standalone host answers it where the Functions app can:
            // after the API key, with the same ProblemDetails.
            throw new BadHttpRequestException($"The body must be sent as application/json (was {type}).", StatusCodes.Status415UnsupportedMediaType);
        }

        if (request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        var buffer = new ArrayBufferWriter<byte>(request.ContentLength is > 0 and var length ? (int)length : 4096);
        while (true)
        {
            var memory = buffer.GetMemory(8192);
            var read = await request.Body.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > limit)
            {
                throw TooLarge(limit);
            }
        }

        if (buffer.WrittenCount == 0)
        {
            throw Invalid("required", "is required: send the job as a JSON body");
        }

        return buffer.WrittenMemory;
    }

    /// <summary>Whether a Content-Type names JSON: <c>application/json</c> or a <c>+json</c> type, any parameters (not <c>application/jsonp</c>).</summary>
    private static bool IsJson(string contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && (parsed.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || parsed.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase) && parsed.Type.Length > 0);

    private static RequestValidationException TooLarge(int limit) =>
        Invalid(ProblemResults.TooLargeRule, string.Create(CultureInfo.InvariantCulture, $"must be at most {limit} bytes (Api__MaxRequestBodyBytes)"));

    private static RequestValidationException Invalid(string rule, string message) => new([new ValidationError("$", rule, message)]);
}
