namespace MediaGen.Workflows;

/// <summary>The workflows' state container, created on first use (once per instance; a race creates it twice harmlessly).</summary>
internal sealed class StateContainer(BlobContainerClient container)
{
    private int _created;

    /// <summary>Creates the container unless this instance already did.</summary>
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _created) == 0)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _created, 1);
        }
    }
}
