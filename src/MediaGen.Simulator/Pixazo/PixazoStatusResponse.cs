namespace MediaGen.Simulator.Pixazo;

/// <summary>Body of <c>GET /v2/requests/status/{id}</c> and of webhook callbacks.</summary>
public sealed record PixazoStatusResponse(
    string RequestId,
    string Status,
    string ModelId,
    string? Error,
    PixazoOutput? Output,
    string CreatedAt,
    string UpdatedAt,
    string? CompletedAt);
