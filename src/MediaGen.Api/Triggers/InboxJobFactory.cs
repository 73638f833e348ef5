using System.Text.Json.Nodes;
using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Sas;

namespace MediaGen.Api.Triggers;

/// <summary>
/// Turns an inbox blob into job JSON for the job service: a <c>*.json</c> job spec as it is, an image into a Pixazo
/// image-to-video job reading the image through a short-lived read-only SAS URL. The instance id (used unless the spec
/// has its own idempotency key) is derived from the blob's name and ETag, so every host and every restart maps one
/// upload to one job.
/// </summary>
public static class InboxJobFactory
{
    /// <summary>Image file extensions that become image-to-video jobs.</summary>
    public static IReadOnlySet<string> ImageExtensions { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".png", ".jpg", ".jpeg", ".webp" };

    /// <summary>Metadata key of an image's prompt.</summary>
    public const string PromptMetadata = "prompt";

    /// <summary>The instance id of one upload of one blob: <c>inbox-</c> + 40 hex digits of SHA-256(container/name|ETag).</summary>
    public static string InstanceId(string container, string name, string etag) =>
        "inbox-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{container}/{name}|{NormalizeETag(etag)}")))[..40];

    /// <summary>An ETag without the quotes some responses carry (listings and uploads spell it differently).</summary>
    public static string NormalizeETag(string etag) => (etag ?? "").Trim('"');

    /// <summary>The job JSON of the blob at <paramref name="client"/> as it was at <paramref name="etag"/> (validated by the job service when it starts).</summary>
    /// <exception cref="RequestValidationException">The blob is not a supported file, or a spec over the size cap.</exception>
    public static async Task<ReadOnlyMemory<byte>> CreateAsync(
        BlobClient client, ETag? etag, long? contentLength, IDictionary<string, string>? metadata, InboxJobSettings options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        var extension = Path.GetExtension(client.Name);
        if (extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            return await ReadSpecAsync(client, etag, contentLength, options, cancellationToken).ConfigureAwait(false);
        }

        if (ImageExtensions.Contains(extension))
        {
            var sas = await ReadOnlySasAsync(client, now, now.Add(options.SasLifetime), cancellationToken).ConfigureAwait(false);
            return Encoding.UTF8.GetBytes(ImageToVideo(sas, metadata, options).ToJsonString());
        }

        throw new RequestValidationException([new ValidationError("$", "not_supported",
            $"'{extension}' files are not read from the inbox: drop a job spec (.json) or an image ({string.Join(", ", ImageExtensions)})")]);
    }

    private static async Task<ReadOnlyMemory<byte>> ReadSpecAsync(BlobClient client, ETag? etag, long? contentLength, InboxJobSettings options, CancellationToken cancellationToken)
    {
        if (contentLength > options.MaxSpecBytes)
        {
            throw new RequestValidationException([new ValidationError("$", "max_size", $"must be at most {options.MaxSpecBytes} bytes (BlobInbox__MaxSpecBytes)")]);
        }

        // Read the version listed (If-Match): a blob overwritten meanwhile is a new upload, processed on the next scan.
        var content = await client.DownloadContentAsync(
            new BlobDownloadOptions { Conditions = new BlobRequestConditions { IfMatch = etag } }, cancellationToken).ConfigureAwait(false);
        return content.Value.Content.ToMemory();
    }

    /// <summary>
    /// A read-only SAS URL of <paramref name="client"/>'s blob until <paramref name="expires"/>: a service SAS when the
    /// connection has the account key, else a user-delegation SAS signed with a key the host's identity asks Entra ID for
    /// (an identity-based <c>AzureWebJobsStorage</c>, where shared-key access can be off).
    /// </summary>
    private static async Task<Uri> ReadOnlySasAsync(BlobClient client, DateTimeOffset now, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        var sas = new BlobSasBuilder(BlobSasPermissions.Read, expires)
        {
            BlobContainerName = client.BlobContainerName,
            BlobName = client.Name,
            Resource = "b",
            StartsOn = now.AddMinutes(-5), // clock skew between us and the storage service
        };
        if (client.CanGenerateSasUri)
        {
            return client.GenerateSasUri(sas);
        }

        var service = client.GetParentBlobContainerClient().GetParentBlobServiceClient();
        var key = await service.GetUserDelegationKeyAsync(sas.StartsOn, expires, cancellationToken).ConfigureAwait(false);
        return new BlobUriBuilder(client.Uri) { Sas = sas.ToSasQueryParameters(key.Value, client.AccountName) }.ToUri();
    }

    private static JsonObject ImageToVideo(Uri sas, IDictionary<string, string>? metadata, InboxJobSettings options)
    {
        var prompt = metadata is not null && metadata.TryGetValue(PromptMetadata, out var given) && !string.IsNullOrWhiteSpace(given)
            ? given
            : options.DefaultPrompt;
        return new JsonObject
        {
            ["kind"] = WireNames.Of(JobKind.Video),
            ["provider"] = WireNames.Of(ProviderName.Pixazo),
            ["params"] = new JsonObject { ["prompt"] = prompt, ["image_url"] = sas.AbsoluteUri },
        };
    }
}
