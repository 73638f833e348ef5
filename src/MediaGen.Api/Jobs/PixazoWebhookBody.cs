using System.Text.Json.Serialization;

namespace MediaGen.Api.Jobs;

/// <summary>Documentation shape of Pixazo's webhook body: its request status (the job service reads it).</summary>
/// <param name="RequestId">Pixazo's <c>request_id</c>.</param>
/// <param name="Status"><c>QUEUED</c>, <c>PROCESSING</c>, <c>COMPLETED</c>, <c>FAILED</c> or <c>ERROR</c>.</param>
/// <param name="Output">The outputs, once completed.</param>
/// <param name="Error">The error, once failed.</param>
public sealed record PixazoWebhookBody(
    [property: JsonPropertyName("request_id")] string RequestId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("output")] JsonElement? Output = null,
    [property: JsonPropertyName("error")] string? Error = null);
