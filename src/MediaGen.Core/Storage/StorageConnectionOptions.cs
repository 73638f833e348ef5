using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace MediaGen.Core.Storage;

/// <summary>
/// The Azure Storage account MediaGen keeps its media, queues and durable state in. Bound from the
/// configuration root, under the same name the Functions host uses, so one setting serves both hosts.
/// </summary>
public sealed class StorageConnectionOptions
{
    /// <summary>Bound from the configuration root.</summary>
    public const string SectionName = "";

    /// <summary>
    /// Connection string of the storage account (<c>AzureWebJobsStorage</c>). No default: locally the
    /// run script points it at its own Azurite; <c>UseDevelopmentStorage=true</c> means Azurite's default ports.
    /// </summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "AzureWebJobsStorage (the storage connection string) is not set.")]
    [ConfigurationKeyName("AzureWebJobsStorage")]
    public string ConnectionString { get; set; } = "";
}
