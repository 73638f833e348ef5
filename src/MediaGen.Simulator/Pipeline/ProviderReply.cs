namespace MediaGen.Simulator.Pipeline;

/// <summary>What a handler answers: a JSON body, an error, or a custom writer (SSE).</summary>
internal sealed record ProviderReply
{
    public int StatusCode { get; init; } = StatusCodes.Status200OK;

    /// <summary>Serialized JSON body of a success.</summary>
    public string? Json { get; init; }

    /// <summary>Error text, written in the provider's error shape by the pipeline.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Provider error code, where the provider's error shape has one (CometAPI).</summary>
    public string? ErrorCode { get; init; }

    /// <summary>Writes the response itself (server-sent events).</summary>
    public Func<HttpContext, CancellationToken, Task>? Writer { get; init; }

    /// <summary>True when the call bought a generation.</summary>
    public bool Accepted { get; init; }

    public string? RequestId { get; init; }

    public IReadOnlyList<string> MediaIds { get; init; } = [];

    public static ProviderReply Ok<T>(T body, int statusCode = StatusCodes.Status200OK, string? requestId = null, params IReadOnlyList<string> mediaIds) =>
        new() { StatusCode = statusCode, Json = SimulatorJson.Serialize(body), Accepted = true, RequestId = requestId, MediaIds = mediaIds };

    public static ProviderReply Error(int statusCode, string message, string? code = null) =>
        new() { StatusCode = statusCode, ErrorMessage = message, ErrorCode = code };

    public static ProviderReply Stream(Func<HttpContext, CancellationToken, Task> writer) =>
        new() { Writer = writer, Accepted = true };
}
