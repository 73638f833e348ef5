namespace MediaGen.Launcher;

/// <summary>The app settings that point MediaGen's three providers at a provider simulator.</summary>
public static class SimulatorSettings
{
    /// <summary>A Cosmic bucket slug to use in paths; any slug works.</summary>
    public const string BucketSlug = "sim-bucket";

    /// <summary>A key every provider accepts unless the simulator's options list keys.</summary>
    public const string ApiKey = "sim-key";

    /// <summary>
    /// The settings (<c>Section:Key</c> names) that point all three providers at a simulator on <paramref name="baseAddress"/>
    /// with <see cref="ApiKey"/> and allow media downloads from loopback (the simulator's media URLs).
    /// </summary>
    public static Dictionary<string, string?> Providers(string baseAddress) => new()
    {
        ["Cosmic:BaseUrl"] = baseAddress,
        ["Cosmic:BucketSlug"] = BucketSlug,
        ["Cosmic:WriteKey"] = ApiKey,
        ["Pixazo:BaseUrl"] = baseAddress,
        ["Pixazo:SubscriptionKey"] = ApiKey,
        ["Comet:BaseUrl"] = baseAddress,
        ["Comet:ApiKey"] = ApiKey,
        ["Media:AllowedNetworks"] = "127.0.0.1/32",
    };

    /// <summary>A <c>Section:Key</c> setting name as an environment variable or app setting: <c>Section__Key</c>.</summary>
    public static string Flat(string name) => name.Replace(":", "__", StringComparison.Ordinal);
}
