using System.Text.Json;
using MediaGen.Testing;

namespace MediaGen.StandInHost.Tests.Worker;

/// <summary>
/// The app settings a developer's <c>local.settings.json</c> would hold, made from the repository's
/// <c>local.settings.sample.json</c>: its <c>Values</c>, storage on the test's Azurite, and fresh secrets where the sample
/// leaves a key or secret empty.
/// </summary>
internal static class WorkerAppSettings
{
    /// <summary>The settings, with <c>AzureWebJobsStorage</c> set to <paramref name="storageConnectionString"/>.</summary>
    public static Dictionary<string, string?> FromSample(string storageConnectionString, string callbackSigningKey)
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(RepoPaths.Combine("local.settings.sample.json")));
        var settings = sample.RootElement.GetProperty("Values").EnumerateObject()
            .ToDictionary(value => value.Name, value => (string?)value.Value.GetString(), StringComparer.Ordinal);
        settings["AzureWebJobsStorage"] = storageConnectionString;
        settings["Callbacks__SigningKey"] = callbackSigningKey;
        foreach (var secret in new[] { "Api__Key", "Workflows__WebhookSigningKey", "Cosmic__WriteKey", "Cosmic__BucketSlug", "Pixazo__SubscriptionKey", "Comet__ApiKey" })
        {
            settings[secret] = "test-" + Guid.NewGuid().ToString("N");
        }

        // Core Tools runs the app as Development.
        settings["AZURE_FUNCTIONS_ENVIRONMENT"] = "Development";
        return settings;
    }
}
