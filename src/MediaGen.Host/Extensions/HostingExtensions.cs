using Azure.Storage.Blobs;
using MediaGen.Core.Storage;
using Microsoft.Extensions.Options;

namespace MediaGen.Host.Extensions;

/// <summary>Service registration and endpoint mapping of the standalone host.</summary>
public static class HostingExtensions
{
    /// <summary>Registers what the standalone host needs, with options validated at start-up.</summary>
    public static WebApplicationBuilder AddMediaGenHost(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageConnectionOptions>()
            .Bind(builder.Configuration)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(sp =>
            new BlobServiceClient(sp.GetRequiredService<IOptions<StorageConnectionOptions>>().Value.ConnectionString));
        return builder;
    }

    /// <summary>Maps the host's endpoints.</summary>
    public static WebApplication MapMediaGenEndpoints(this WebApplication app)
    {
        app.MapGet("/api/health", async (BlobServiceClient blobs, CancellationToken cancellationToken) =>
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(HealthProbeTimeout);
            try
            {
                await blobs.GetPropertiesAsync(deadline.Token);
                return Results.Ok(new { status = "ok", storage = "reachable" });
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return StorageUnreachable($"The storage account did not answer within {HealthProbeTimeout.TotalSeconds:0} s.");
            }
            catch (Azure.RequestFailedException ex)
            {
                return StorageUnreachable($"The storage account answered {ex.Status} ({ex.ErrorCode}).");
            }
            catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is Azure.RequestFailedException or HttpRequestException))
            {
                // The SDK's retry policy gives up with an AggregateException of the attempts' failures.
                return StorageUnreachable(ex.InnerExceptions[^1].Message);
            }
        });
        return app;
    }

    private static readonly TimeSpan HealthProbeTimeout = TimeSpan.FromSeconds(5);

    private static IResult StorageUnreachable(string detail) =>
        Results.Problem(title: "Storage unreachable", detail: detail, statusCode: StatusCodes.Status503ServiceUnavailable);
}
