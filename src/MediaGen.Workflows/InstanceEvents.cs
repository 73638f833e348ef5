namespace MediaGen.Workflows;

/// <summary>Raising an external event on a job's instance, as the job commands and the Pixazo webhook do.</summary>
internal static class InstanceEvents
{
    /// <summary>
    /// Raises <paramref name="eventName"/> on <paramref name="instance"/>, read as existing and not finished. A Pending
    /// instance is first given up to <see cref="PendingStartWait"/> to start: the Azure Storage backend can drop an event
    /// that reaches an instance before its start message is processed (Durable Functions shares this). When the client
    /// refuses the event because the instance ended or vanished meanwhile (each client its own way:
    /// <see cref="DurableClientErrors.IsNotRunning"/>), the instance is read again to tell which: null when it no longer
    /// exists, else its state. Any other failure is thrown as it is; a canceled call as <see cref="OperationCanceledException"/>.
    /// </summary>
    public static async Task<(bool Raised, OrchestrationMetadata? Instance)> TryRaiseAsync(
        DurableTaskClient client, OrchestrationMetadata instance, string eventName, object payload, CancellationToken cancellationToken)
    {
        var instanceId = instance.InstanceId;
        if (instance.RuntimeStatus == OrchestrationRuntimeStatus.Pending)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(PendingStartWait);
            try
            {
                await client.WaitForInstanceStartAsync(instanceId, false, wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Still not started (no worker running?): send it anyway; it is buffered with the start if the backend allows.
            }
        }

        try
        {
            await client.RaiseEventAsync(instanceId, eventName, payload, cancellationToken).ConfigureAwait(false);
            return (true, null);
        }
        catch (Exception ex) when (DurableClientErrors.IsCancellation(ex, cancellationToken))
        {
            throw new OperationCanceledException("Raising the event was canceled.", ex, cancellationToken);
        }
        catch (Exception ex) when (DurableClientErrors.IsNotRunning(ex))
        {
            var now = await client.GetInstanceAsync(instanceId, false, cancellationToken).ConfigureAwait(false);
            if (now is not null && !now.IsCompleted)
            {
                throw;
            }

            return (false, now);
        }
    }

    /// <summary>How long an event for a Pending instance waits for the instance to start.</summary>
    private static readonly TimeSpan PendingStartWait = TimeSpan.FromSeconds(30);
}
