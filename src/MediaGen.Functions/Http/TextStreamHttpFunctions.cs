using MediaGen.Api.Streaming;
using MediaGen.Core.Providers.Cosmic;
using MediaGen.Core.Providers.Validation;
using Microsoft.AspNetCore.Http.Json;

namespace MediaGen.Functions.Http;

/// <summary>Cosmic text streaming as server-sent events, answered by the standalone host's handler (not durable).</summary>
public sealed class TextStreamHttpFunctions(
    RequestBody body, IRequestValidator<CosmicTextRequest> validator, TextStreamSpending spending, CosmicClient cosmic, IOptions<JsonOptions> json, ILoggerFactory loggers)
{
    /// <summary><c>POST /api/text/stream</c>.</summary>
    [Function("StreamText")]
    public Task<IResult> StreamText(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "text/stream")] HttpRequest req,
        CancellationToken cancellationToken) =>
        TextStreamEndpoints.StreamAsync(req.HttpContext, body, validator, spending, cosmic, json, loggers, cancellationToken);
}
