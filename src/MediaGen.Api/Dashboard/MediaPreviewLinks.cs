using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;

namespace MediaGen.Api.Dashboard;

/// <summary>
/// Short-lived read-only SAS URLs of a job's stored items, for the dashboard's previews: a service SAS when the storage
/// connection has the account key, else a user-delegation SAS (managed identity). Only blobs of the configured account
/// are signed; containers stay private (never anonymous public access).
/// </summary>
public sealed class MediaPreviewLinks(BlobServiceClient blobs, TimeProvider time)
{
    /// <summary>How long a preview URL works.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    /// <summary>The origin (scheme, host, port) the preview URLs point at, for the dashboard's Content-Security-Policy.</summary>
    public string StorageOrigin => blobs.Uri.GetLeftPart(UriPartial.Authority);

    /// <summary>One preview per stored item of <paramref name="result"/>, in order.</summary>
    public async Task<IReadOnlyList<MediaPreview>> ForAsync(JobResult? result, CancellationToken cancellationToken = default)
    {
        if (result is not { Items.Count: > 0 })
        {
            return [];
        }

        var now = time.GetUtcNow();
        var expires = now + Lifetime;
        UserDelegationKey? delegationKey = null;
        var previews = new List<MediaPreview>(result.Items.Count);
        for (var i = 0; i < result.Items.Count; i++)
        {
            var item = result.Items[i];
            var parts = new BlobUriBuilder(item.BlobUri);
            if (!string.Equals(parts.AccountName, blobs.AccountName, StringComparison.Ordinal)
                || !string.Equals(parts.Host, blobs.Uri.Host, StringComparison.OrdinalIgnoreCase)
                || string.IsNullOrEmpty(parts.BlobContainerName) || string.IsNullOrEmpty(parts.BlobName))
            {
                previews.Add(new MediaPreview(i, item.ContentType, item.Size, item.Sha256, null, null, "The item is not in this host's storage account."));
                continue;
            }

            var blob = blobs.GetBlobContainerClient(parts.BlobContainerName).GetBlobClient(parts.BlobName);
            var sas = new BlobSasBuilder(BlobSasPermissions.Read, expires)
            {
                BlobContainerName = parts.BlobContainerName,
                BlobName = parts.BlobName,
                Resource = "b",
                StartsOn = now.AddMinutes(-5), // clock skew between us and the storage service
            };
            Uri url;
            if (blob.CanGenerateSasUri)
            {
                url = blob.GenerateSasUri(sas);
            }
            else
            {
                try
                {
                    delegationKey ??= (await blobs.GetUserDelegationKeyAsync(now.AddMinutes(-5), expires, cancellationToken).ConfigureAwait(false)).Value;
                }
                catch (RequestFailedException ex)
                {
                    previews.Add(new MediaPreview(i, item.ContentType, item.Size, item.Sha256, null, null, $"No read link could be made: the host's identity may not get a user delegation key ({ex.ErrorCode})."));
                    continue;
                }

                url = new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(delegationKey, blobs.AccountName) }.ToUri();
            }

            previews.Add(new MediaPreview(i, item.ContentType, item.Size, item.Sha256, url, expires));
        }

        return previews;
    }
}
