namespace MediaGen.Core.Storage;

/// <summary>
/// The Azure Storage account MediaGen keeps its media, queues and durable state in. Bound from the
/// configuration root, under the same name the Functions host uses, so one setting serves both hosts.
/// Validated at start-up: either this connection string or an identity-based connection (<see cref="StorageAccount"/>).
/// </summary>
public sealed class StorageConnectionOptions
{
    /// <summary>Bound from the configuration root.</summary>
    public const string SectionName = "";

    /// <summary>
    /// Connection string of the storage account (<c>AzureWebJobsStorage</c>). No default: locally the run script points it
    /// at its own Azurite; <c>UseDevelopmentStorage=true</c> means Azurite's default ports. Leave it unset for an
    /// identity-based connection (<c>AzureWebJobsStorage__accountName</c>, as infra/main.bicep deploys; see <see cref="StorageAccount"/>).
    /// </summary>
    [ConfigurationKeyName("AzureWebJobsStorage")]
    public string ConnectionString { get; set; } = "";
}
