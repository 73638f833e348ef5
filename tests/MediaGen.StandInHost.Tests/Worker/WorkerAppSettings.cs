namespace MediaGen.StandInHost.Tests.Worker;

/// <summary>
/// The app settings a developer's <c>local.settings.json</c> would hold, made from the repository's
/// <c>local.settings.sample.json</c>: its <c>Values</c>, storage on the test's Azurite, and fresh secrets where the sample
/// leaves a key or secret empty.
/// </summary>
internal static class WorkerAppSettings
{
    /// <summary>
    /// The settings, with <c>AzureWebJobsStorage</c> set to <paramref name="storageConnectionString"/>, the API key and the
    /// callback signing key given, and Cosmic at <paramref name="cosmicBaseUrl"/>.
    /// </summary>
    public static Dictionary<string, string?> FromSample(string storageConnectionString, string apiKey, string callbackSigningKey, Uri cosmicBaseUrl)
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(RepoPaths.Combine("local.settings.sample.json")));
        var settings = sample.RootElement.GetProperty("Values").EnumerateObject()
            .ToDictionary(value => value.Name, value => (string?)value.Value.GetString(), StringComparer.Ordinal);
        settings["AzureWebJobsStorage"] = storageConnectionString;
        settings["Api__Key"] = apiKey;
        settings["Callbacks__SigningKey"] = callbackSigningKey;
        settings["Cosmic__BaseUrl"] = cosmicBaseUrl.ToString();
        foreach (var secret in new[] { "Workflows__WebhookSigningKey", "Cosmic__WriteKey", "Cosmic__BucketSlug", "Pixazo__SubscriptionKey", "Comet__ApiKey" })
        {
            settings[secret] = "test-" + Guid.NewGuid().ToString("N");
        }

        // Core Tools runs the app as Development.
        settings["AZURE_FUNCTIONS_ENVIRONMENT"] = "Development";
        return settings;
    }
}
