namespace MediaGen.Workflows.Payloads;

/// <summary>Custom status of a batch (and of each of its chunks): how many items have ended, and how.</summary>
/// <param name="Total">Items in the batch (or chunk).</param>
/// <param name="Completed">Items completed.</param>
/// <param name="Failed">Items failed.</param>
/// <param name="Canceled">Items canceled.</param>
/// <param name="Running">Items generating now.</param>
public sealed record BatchProgress(int Total, int Completed, int Failed, int Canceled, int Running)
{
    /// <summary>Items that have ended.</summary>
    public int Finished => Completed + Failed + Canceled;
}
