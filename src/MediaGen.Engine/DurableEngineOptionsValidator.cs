using System.Data.Common;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace MediaGen.Engine;

/// <summary>
/// Rejects engine settings that could not work, at start-up, naming the setting: the options themselves, the
/// <c>AzureWebJobsStorage</c> connection (a connection string — never echoed: it holds the account key — or an
/// identity-based connection with a table endpoint) and the app's
/// <see cref="DataConverter"/> registration.
/// </summary>
internal sealed class DurableEngineOptionsValidator(IConfiguration configuration, IServiceProviderIsService? services)
    : IValidateOptions<DurableEngineOptions>
{
    public ValidateOptionsResult Validate(string? name, DurableEngineOptions options)
    {
        var errors = new List<string>();
        void Check(bool ok, string setting, string rule)
        {
            if (!ok)
            {
                errors.Add($"{DurableEngineOptions.SectionName}:{setting} {rule}.");
            }
        }

        Check(IsHubName(options.HubName), nameof(options.HubName),
            "must be 3–45 letters and digits starting with a letter (it names the hub's queues, tables and container)");
        Check(options.PartitionCount is >= 1 and <= 16, nameof(options.PartitionCount), "must be 1–16");
        Check(options.MaxConcurrentOrchestrations is >= 1 and <= 1000, nameof(options.MaxConcurrentOrchestrations), "must be 1–1000");
        Check(options.MaxConcurrentActivities is >= 1 and <= 1000, nameof(options.MaxConcurrentActivities), "must be 1–1000");
        Check(options.MaxQueuePollingInterval >= TimeSpan.FromMilliseconds(100) && options.MaxQueuePollingInterval <= TimeSpan.FromMinutes(1),
            nameof(options.MaxQueuePollingInterval), "must be 100 ms–1 min");
        // Below 10 s a running activity's message could reappear before DTFx's first renewal (it checks every 5 s).
        Check(options.ControlQueueVisibilityTimeout >= TimeSpan.FromSeconds(10) && options.ControlQueueVisibilityTimeout <= TimeSpan.FromHours(1),
            nameof(options.ControlQueueVisibilityTimeout), "must be 10 s–1 h");
        Check(options.WorkItemQueueVisibilityTimeout >= TimeSpan.FromSeconds(10) && options.WorkItemQueueVisibilityTimeout <= TimeSpan.FromHours(1),
            nameof(options.WorkItemQueueVisibilityTimeout), "must be 10 s–1 h");
        Check(options.PartitionLeaseInterval >= TimeSpan.FromSeconds(15) && options.PartitionLeaseInterval <= TimeSpan.FromMinutes(5),
            nameof(options.PartitionLeaseInterval), "must be 15 s–5 min (leases are renewed every 10 s)");
        Check(options.PartitionTableTimeout >= TimeSpan.FromSeconds(1) && options.PartitionTableTimeout <= TimeSpan.FromMinutes(1)
            && options.PartitionTableTimeout < options.PartitionLeaseInterval,
            nameof(options.PartitionTableTimeout), "must be 1 s–1 min and shorter than PartitionLeaseInterval");
        Check(options.MaxActivityDeliveryCount is >= 1 and <= 100, nameof(options.MaxActivityDeliveryCount), "must be 1–100");
        Check(options.ExtendedSessionIdleTimeout >= TimeSpan.FromSeconds(1) && options.ExtendedSessionIdleTimeout <= TimeSpan.FromHours(1),
            nameof(options.ExtendedSessionIdleTimeout), "must be 1 s–1 h");
        Check(options.ControlQueueBatchSize is >= 1 and <= 32, nameof(options.ControlQueueBatchSize), "must be 1–32");
        Check(options.ControlQueueBufferThreshold is >= 1 and <= 1000, nameof(options.ControlQueueBufferThreshold), "must be 1–1000");
        Check(options.WorkerId is not null && options.WorkerId.Length <= 200, nameof(options.WorkerId), "must be at most 200 characters");

        if (StorageConnectionProblem(configuration) is { } problem)
        {
            errors.Add($"{DurableEngineOptions.ConnectionStringKey} {problem}.");
        }

        if (services is not null && !services.IsService(typeof(DataConverter)))
        {
            errors.Add($"No {typeof(DataConverter).FullName} is registered: register the app's converter as a singleton " +
                "(the one its JSON options are configured on) before the engine starts; it serializes every orchestration input, output and event.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>
    /// Why the storage connection <paramref name="configuration"/> names (<see cref="StorageAccount"/>: a connection string,
    /// or identity-based) cannot serve the engine, or null when it can.
    /// </summary>
    internal static string? StorageConnectionProblem(IConfiguration configuration)
    {
        if (StorageAccount.Problem(configuration) is { } problem)
        {
            return problem;
        }

        var account = StorageAccount.From(configuration);
        if (account.ConnectionString is { } connectionString)
        {
            return StorageConnectionProblem(connectionString);
        }

        return account.TableServiceUri is null
            ? $"names no table endpoint: set {StorageAccount.SettingName}__tableServiceUri, or {StorageAccount.SettingName}__accountName (the Durable Task backend keeps its state in tables)"
            : null;
    }

    /// <summary>Why a storage connection string cannot serve the engine, or null when it can.</summary>
    internal static string? StorageConnectionProblem(string connectionString)
    {
        try
        {
            _ = new BlobServiceClient(connectionString);
            _ = new QueueServiceClient(connectionString);
            _ = new TableServiceClient(connectionString);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            return "is not a valid storage connection string";
        }

        // An Azurite-style string with explicit endpoints but no table endpoint would silently point tables at the
        // public cloud host of the account name.
        var parts = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if ((parts.ContainsKey("BlobEndpoint") || parts.ContainsKey("QueueEndpoint")) && !parts.ContainsKey("TableEndpoint"))
        {
            return "names blob/queue endpoints but no TableEndpoint (the Durable Task backend keeps its state in tables)";
        }

        return null;
    }

    private static bool IsHubName(string? name) =>
        name is { Length: >= 3 and <= 45 } && char.IsAsciiLetter(name[0]) && name.All(char.IsAsciiLetterOrDigit);
}
