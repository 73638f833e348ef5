namespace MediaGen.Workflows.Payloads;

/// <summary>A Pixazo request's status, from a poll or a webhook (the payload of the webhook event).</summary>
/// <param name="RequestId">The Pixazo request.</param>
/// <param name="Status">QUEUED, PROCESSING, COMPLETED, FAILED or ERROR.</param>
/// <param name="Error">Pixazo's error text for FAILED and ERROR.</param>
/// <param name="MediaUrls">The outputs, when COMPLETED.</param>
/// <param name="MediaType">The outputs' type, when Pixazo says.</param>
public sealed record PixazoStatusReport(string RequestId, PixazoStatus Status, string? Error, IReadOnlyList<string> MediaUrls, string? MediaType)
{
    /// <summary>Whether the request will not change any more.</summary>
    public bool IsTerminal => Status is PixazoStatus.Completed or PixazoStatus.Failed or PixazoStatus.Error;

    /// <summary>The report of a parsed Pixazo status.</summary>
    public static PixazoStatusReport From(PixazoRequestStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new PixazoStatusReport(status.RequestId, status.Status, status.Error, status.Output?.MediaUrl ?? [], status.Output?.MediaType);
    }
}
