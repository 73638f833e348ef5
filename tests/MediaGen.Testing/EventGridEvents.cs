namespace MediaGen.Testing;

/// <summary>Event Grid events as Event Grid delivers them to a subscriber (the Event Grid schema), for tests that play Event Grid.</summary>
public static class EventGridEvents
{
    /// <summary>The header naming the delivery's kind (<c>Notification</c>, <c>SubscriptionValidation</c>).</summary>
    public const string EventTypeHeader = "aeg-event-type";

    /// <summary>
    /// A one-event delivery of <c>Microsoft.Storage.BlobCreated</c> for the block blob at <paramref name="url"/> (path-style,
    /// as Azurite's: <c>…/&lt;account&gt;/&lt;container&gt;/&lt;blob&gt;</c>) with ETag <paramref name="etag"/> (quotes or none).
    /// </summary>
    public static string BlobCreated(Uri url, string etag)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(etag);
        var container = url.Segments[^2].TrimEnd('/');
        var blob = url.Segments[^1];
        return $$$"""
            [{"id":"{{{Guid.NewGuid()}}}","topic":"/subscriptions/0/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/devstoreaccount1",
              "subject":"/blobServices/default/containers/{{{container}}}/blobs/{{{blob}}}","eventType":"Microsoft.Storage.BlobCreated",
              "eventTime":"{{{DateTimeOffset.UtcNow:O}}}","dataVersion":"","metadataVersion":"1",
              "data":{"api":"PutBlob","eTag":"{{{etag.Trim('"')}}}","blobType":"BlockBlob","url":"{{{url}}}"}}]
            """;
    }
}
