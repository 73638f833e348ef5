namespace MediaGen.Durable.Engine;

/// <summary>
/// Runs orchestrator continuations one at a time on the replaying thread, never inline and never on
/// the thread pool, so replay order depends only on the order history events are applied.
/// </summary>
internal sealed class DeterministicTaskScheduler : TaskScheduler
{
    private readonly Queue<Task> _queue = new();

    /// <inheritdoc />
    public override int MaximumConcurrencyLevel => 1;

    /// <summary>Runs queued continuations until none is left.</summary>
    public void RunUntilIdle()
    {
        while (true)
        {
            Task? next;
            lock (_queue)
            {
                if (!_queue.TryDequeue(out next))
                {
                    return;
                }
            }

            TryExecuteTask(next);
        }
    }

    /// <inheritdoc />
    protected override void QueueTask(Task task)
    {
        lock (_queue)
        {
            _queue.Enqueue(task);
        }
    }

    /// <inheritdoc />
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => false;

    /// <inheritdoc />
    protected override IEnumerable<Task> GetScheduledTasks()
    {
        lock (_queue)
        {
            return [.. _queue];
        }
    }
}
