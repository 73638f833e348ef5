namespace MediaGen.Workflows;

/// <summary>Rejects workflow settings that could not work, at start-up, naming the setting.</summary>
internal sealed class WorkflowOptionsValidator : IValidateOptions<WorkflowOptions>
{
    public ValidateOptionsResult Validate(string? name, WorkflowOptions options)
    {
        var errors = new List<string>();
        void Check(bool ok, string setting, string rule)
        {
            if (!ok)
            {
                errors.Add($"{WorkflowOptions.SectionName}:{setting} {rule}.");
            }
        }

        Check(options.PublicBaseUrl.Length == 0 || (Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" && url.Query.Length == 0),
            nameof(options.PublicBaseUrl), "must be empty or an absolute http(s) URL without a query");
        Check(options.DefaultJobTimeout >= TimeSpan.FromSeconds(1), nameof(options.DefaultJobTimeout), "must be at least 1 second");
        Check(options.ProviderMaxAttempts is >= 1 and <= 20, nameof(options.ProviderMaxAttempts), "must be 1–20");
        Check(options.ProviderRetryInterval > TimeSpan.Zero, nameof(options.ProviderRetryInterval), "must be positive");
        Check(options.ProviderMaxRetryInterval >= options.ProviderRetryInterval, nameof(options.ProviderMaxRetryInterval), "must be at least ProviderRetryInterval");
        Check(options.CopyMaxAttempts is >= 1 and <= 20, nameof(options.CopyMaxAttempts), "must be 1–20");
        Check(options.CopyRetryInterval > TimeSpan.Zero, nameof(options.CopyRetryInterval), "must be positive");
        Check(options.PollInitialInterval > TimeSpan.Zero, nameof(options.PollInitialInterval), "must be positive");
        Check(options.PollMaxInterval >= options.PollInitialInterval, nameof(options.PollMaxInterval), "must be at least PollInitialInterval");
        Check(options.PollBackoffCoefficient is >= 1 and <= 10, nameof(options.PollBackoffCoefficient), "must be 1–10");
        Check(options.MaxConsecutivePollFailures >= 1, nameof(options.MaxConsecutivePollFailures), "must be at least 1");
        Check(options.PollsPerGeneration is >= 1 and <= 500, nameof(options.PollsPerGeneration), "must be 1–500");
        Check(options.MaxPixazoSubmissions is >= 1 and <= 10, nameof(options.MaxPixazoSubmissions), "must be 1–10");
        Check(options.InlineTextMaxBytes is >= 0 and <= 48 * 1024, nameof(options.InlineTextMaxBytes), "must be 0–49152 (results travel in queue messages)");
        Check(IsStorageName(options.ResultsQueue), nameof(options.ResultsQueue), "must be a queue name: 3–63 lowercase letters, digits and single dashes");
        Check(IsStorageName(options.StateContainer), nameof(options.StateContainer), "must be a container name: 3–63 lowercase letters, digits and single dashes");
        Check(options.BatchMaxItems is >= 1 and <= 10_000, nameof(options.BatchMaxItems), "must be 1–10000");
        Check(options.BatchChunkSize is >= 1 and <= 500, nameof(options.BatchChunkSize), "must be 1–500");
        Check(options.BatchConcurrency is >= 1 and <= 500, nameof(options.BatchConcurrency), "must be 1–500");
        Check(options.ChainMaxSteps is >= 1 and <= 100, nameof(options.ChainMaxSteps), "must be 1–100");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsStorageName(string? name) => MediaGen.Core.Media.MediaBlobNames.IsValidContainerName(name);
}
