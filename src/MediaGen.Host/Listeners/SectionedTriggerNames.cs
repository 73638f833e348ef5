namespace MediaGen.Host.Listeners;

/// <summary>
/// The standalone host's older names of the trigger settings, still honoured: <c>RequestQueue__QueueName</c> and
/// <c>BlobInbox__ContainerName</c> stand for <c>RequestQueueName</c> and <c>BlobInboxContainerName</c> when those are not
/// set. Both set and different is refused at start-up (one deployment, one name), as is a <c>RequestQueue__PoisonQueueName</c>
/// other than <c>&lt;queue&gt;-poison</c> (the poison queue is no longer a setting: the Functions host's is fixed).
/// </summary>
public sealed class SectionedTriggerNames(IConfiguration configuration) : IPostConfigureOptions<TriggerNames>, IValidateOptions<TriggerNames>
{
    /// <summary>The older name of <see cref="TriggerNames.RequestQueueName"/>.</summary>
    public const string RequestQueueKey = "RequestQueue:QueueName";

    /// <summary>The older name of <see cref="TriggerNames.BlobInboxContainerName"/>.</summary>
    public const string BlobInboxContainerKey = "BlobInbox:ContainerName";

    /// <summary>The retired poison-queue setting.</summary>
    public const string PoisonQueueKey = "RequestQueue:PoisonQueueName";

    /// <inheritdoc />
    public void PostConfigure(string? name, TriggerNames options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Set(RequestQueueKey) is { } queue && Set(nameof(TriggerNames.RequestQueueName)) is null)
        {
            options.RequestQueueName = queue;
        }

        if (Set(BlobInboxContainerKey) is { } container && Set(nameof(TriggerNames.BlobInboxContainerName)) is null)
        {
            options.BlobInboxContainerName = container;
        }
    }

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TriggerNames options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Disagreement(RequestQueueKey, nameof(TriggerNames.RequestQueueName), failures);
        Disagreement(BlobInboxContainerKey, nameof(TriggerNames.BlobInboxContainerName), failures);
        if (Set(PoisonQueueKey) is { } poison && poison != options.RequestPoisonQueueName)
        {
            failures.Add($"RequestQueue__PoisonQueueName ('{poison}') is no longer read: the poison queue is always <RequestQueueName>-poison " +
                $"('{options.RequestPoisonQueueName}'), as the Functions host's; remove the setting.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void Disagreement(string sectioned, string flat, List<string> failures)
    {
        if (Set(sectioned) is { } older && Set(flat) is { } current && older != current)
        {
            failures.Add($"{sectioned.Replace(":", "__", StringComparison.Ordinal)} ('{older}') and {flat} ('{current}') disagree: set {flat} only.");
        }
    }

    private string? Set(string key) => configuration[key] is { Length: > 0 } value ? value : null;
}
