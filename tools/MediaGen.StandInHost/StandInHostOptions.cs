namespace MediaGen.StandInHost;

/// <summary>What the stand-in host runs and where it listens (the command line's options).</summary>
public sealed record StandInHostOptions
{
    /// <summary>Core Tools' default HTTP port.</summary>
    public const int DefaultPort = 7071;

    /// <summary>The built Functions app: its output folder (<c>bin/&lt;cfg&gt;/net10.0</c>) with <c>functions.metadata</c>, <c>extensions.json</c> and <c>.azurefunctions</c>.</summary>
    public required string AppFolder { get; init; }

    /// <summary>The <c>local.settings.json</c> whose <c>Values</c> are the app settings. Default: the app folder's.</summary>
    public string? SettingsFile { get; init; }

    /// <summary>The <c>host.json</c> to run with. Default: the app folder's (the build copies the project's there).</summary>
    public string? HostJsonFile { get; init; }

    /// <summary>The loopback port of the HTTP front door; 0 picks a free one. Default <see cref="DefaultPort"/> (Core Tools').</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>The settings file in effect.</summary>
    public string SettingsPath => Path.GetFullPath(SettingsFile ?? Path.Combine(AppFolder, "local.settings.json"));

    /// <summary>The host.json in effect.</summary>
    public string HostJsonPath => Path.GetFullPath(HostJsonFile ?? Path.Combine(AppFolder, "host.json"));
}
