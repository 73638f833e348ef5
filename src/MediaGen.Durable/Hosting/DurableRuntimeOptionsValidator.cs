using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace MediaGen.Durable.Hosting;

/// <summary>Rejects durable runtime settings that could not work, at start-up, naming the setting.</summary>
internal sealed partial class DurableRuntimeOptionsValidator : IValidateOptions<DurableRuntimeOptions>
{
    public ValidateOptionsResult Validate(string? name, DurableRuntimeOptions options)
    {
        var errors = new List<string>();
        if (!HubNamePattern().IsMatch(options.HubName ?? ""))
        {
            errors.Add($"Durable:HubName '{options.HubName}' must be 3–40 lowercase letters or digits, starting with a letter.");
        }

        Check(options.PartitionCount is >= 1 and <= 16, "Durable:PartitionCount must be 1–16.");
        Check(options.MaxConcurrentOrchestrations >= 1, "Durable:MaxConcurrentOrchestrations must be at least 1.");
        Check(options.MaxConcurrentActivities >= 1, "Durable:MaxConcurrentActivities must be at least 1.");
        Check(options.MaxDequeueCount >= 1, "Durable:MaxDequeueCount must be at least 1.");
        Check(options.MessageVisibilityTimeout >= TimeSpan.FromSeconds(1), "Durable:MessageVisibilityTimeout must be at least 1 second.");
        Check(options.LeaseDuration >= TimeSpan.FromSeconds(15) && options.LeaseDuration <= TimeSpan.FromSeconds(60), "Durable:LeaseDuration must be 15–60 seconds.");
        Check(options.LeaseRenewInterval > TimeSpan.Zero && options.LeaseRenewInterval * 3 <= options.LeaseDuration, "Durable:LeaseRenewInterval must be positive and at most a third of LeaseDuration.");
        Check(options.MaxPollingInterval > TimeSpan.Zero, "Durable:MaxPollingInterval must be positive.");
        Check(options.MaxTimerDelay >= TimeSpan.FromSeconds(1) && options.MaxTimerDelay < TimeSpan.FromDays(7), "Durable:MaxTimerDelay must be at least 1 second and under 7 days.");
        Check(options.InstanceCacheSize >= 0, "Durable:InstanceCacheSize must not be negative.");
        Check(options.Backend != DurableBackend.AzureStorage || !string.IsNullOrWhiteSpace(options.ConnectionName), "Durable:ConnectionName must name the storage connection setting.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);

        void Check(bool ok, string error)
        {
            if (!ok)
            {
                errors.Add(error);
            }
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9]{2,39}$")]
    private static partial Regex HubNamePattern();
}
