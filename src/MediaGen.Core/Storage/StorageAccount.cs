using Azure.Core;
using Azure.Identity;
using Azure.Storage.Queues;

namespace MediaGen.Core.Storage;

/// <summary>
/// The storage account MediaGen keeps its media, queues and durable state in, named by <c>AzureWebJobsStorage</c> in
/// either form the Functions host accepts: a connection string (<c>AzureWebJobsStorage</c>), or an identity-based
/// connection with no key — <c>AzureWebJobsStorage__accountName</c> (public-cloud endpoints), or
/// <c>AzureWebJobsStorage__blobServiceUri</c> and <c>__queueServiceUri</c> (and <c>__tableServiceUri</c> for the task
/// hub). Identity-based clients authenticate with Microsoft Entra ID: the managed identity when
/// <c>AzureWebJobsStorage__credential</c> is <c>managedidentity</c> (a user-assigned one by <c>__clientId</c>), else
/// <see cref="DefaultAzureCredential"/> (developer sign-ins locally).
/// </summary>
public sealed class StorageAccount
{
    /// <summary>The setting (and, for the identity-based form, the section) naming the account: <c>AzureWebJobsStorage</c>.</summary>
    public const string SettingName = "AzureWebJobsStorage";

    private StorageAccount(string? connectionString, Uri? blob, Uri? queue, Uri? table, TokenCredential? credential)
    {
        ConnectionString = connectionString;
        BlobServiceUri = blob;
        QueueServiceUri = queue;
        TableServiceUri = table;
        Credential = credential;
    }

    /// <summary>The connection string; null for an identity-based connection. A secret when it holds a key: never log it.</summary>
    public string? ConnectionString { get; }

    /// <summary>The blob endpoint of an identity-based connection.</summary>
    public Uri? BlobServiceUri { get; }

    /// <summary>The queue endpoint of an identity-based connection.</summary>
    public Uri? QueueServiceUri { get; }

    /// <summary>The table endpoint of an identity-based connection (null when neither an account name nor a table URI was given).</summary>
    public Uri? TableServiceUri { get; }

    /// <summary>The Entra ID credential of an identity-based connection.</summary>
    public TokenCredential? Credential { get; }

    /// <summary>Whether the connection is identity-based (no account key: SAS URLs must be user-delegation SAS).</summary>
    public bool IsIdentityBased => ConnectionString is null;

    /// <summary>The account <paramref name="configuration"/> names.</summary>
    /// <exception cref="InvalidOperationException">Neither form is set, or the identity-based one is incomplete; the message names the setting.</exception>
    public static StorageAccount From(IConfiguration configuration) =>
        TryFrom(configuration, out var account, out var problem) ? account : throw new InvalidOperationException($"{SettingName} {problem}.");

    /// <summary>Why <paramref name="configuration"/> names no usable account, or null when it does.</summary>
    public static string? Problem(IConfiguration configuration) => TryFrom(configuration, out _, out var problem) ? null : problem;

    /// <summary>A blob service client for the account.</summary>
    public BlobServiceClient CreateBlobServiceClient(BlobClientOptions? options = null) =>
        ConnectionString is { } connection ? new BlobServiceClient(connection, options) : new BlobServiceClient(BlobServiceUri, Credential, options);

    /// <summary>A queue service client for the account.</summary>
    public QueueServiceClient CreateQueueServiceClient(QueueClientOptions? options = null) =>
        ConnectionString is { } connection ? new QueueServiceClient(connection, options) : new QueueServiceClient(QueueServiceUri, Credential, options);

    private static bool TryFrom(IConfiguration configuration, out StorageAccount account, out string problem)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        account = null!;
        problem = "";
        var section = configuration.GetSection(SettingName);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            account = new StorageAccount(section.Value, null, null, null, null);
            return true;
        }

        var name = section["accountName"];
        Uri? blob = Endpoint(section, "blobServiceUri") ?? Service(name, "blob");
        Uri? queue = Endpoint(section, "queueServiceUri") ?? Service(name, "queue");
        Uri? table = Endpoint(section, "tableServiceUri") ?? Service(name, "table");
        if (blob is null && queue is null)
        {
            problem = "(the storage connection) is not set: give a connection string, or an identity-based connection " +
                      $"({SettingName}__accountName, or {SettingName}__blobServiceUri and {SettingName}__queueServiceUri)";
            return false;
        }

        if (blob is null || queue is null)
        {
            problem = $"names {(blob is null ? "a queue" : "a blob")} endpoint but no {(blob is null ? "blob" : "queue")} endpoint: " +
                      $"set {SettingName}__{(blob is null ? "blobServiceUri" : "queueServiceUri")} too, or {SettingName}__accountName";
            return false;
        }

        account = new StorageAccount(null, blob, queue, table, CredentialOf(section));
        return true;
    }

    private static Uri? Endpoint(IConfigurationSection section, string key) =>
        Uri.TryCreate(section[key], UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" ? uri : null;

    private static Uri? Service(string? accountName, string service) =>
        string.IsNullOrWhiteSpace(accountName) ? null : new Uri($"https://{accountName.Trim()}.{service}.core.windows.net");

    private static TokenCredential CredentialOf(IConfigurationSection section)
    {
        var clientId = section["clientId"];
        return string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(string.IsNullOrWhiteSpace(clientId) ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = string.IsNullOrWhiteSpace(clientId) ? null : clientId });
    }
}
