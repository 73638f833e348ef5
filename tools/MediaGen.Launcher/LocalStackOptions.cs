namespace MediaGen.Launcher;

/// <summary>What <see cref="LocalStack.StartAsync"/> starts and where it keeps its files.</summary>
public sealed class LocalStackOptions
{
    /// <summary>Where the apps' logs and generated settings files go. Default: a new folder under the temp folder.</summary>
    public string WorkFolder { get; init; } = Path.Combine(Path.GetTempPath(), "mediagen-stack-" + Guid.NewGuid().ToString("N"));

    /// <summary>Azurite's data folder, kept when the stack stops. Default null: a temporary folder, deleted when it stops.</summary>
    public string? AzuriteFolder { get; init; }

    /// <summary>Whether Azurite keeps its data in memory only (faster; ignored when <see cref="AzuriteFolder"/> is set). Default false.</summary>
    public bool AzuriteInMemory { get; init; }

    /// <summary>A provider simulator already running (e.g. a test's, whose ledger it reads). Default null: the stack starts its own.</summary>
    public Uri? SimulatorAddress { get; init; }

    /// <summary>
    /// Whether a Functions app's settings may only name settings <c>local.settings.sample.json</c> lists (the sample lists
    /// every setting the app reads, so another name is a typo that would silently change nothing). Default false.
    /// </summary>
    public bool SampleSettingsOnly { get; init; }

    /// <summary>The callbacks' signing key (<c>whsec_…</c>), e.g. a receiver's. Default null: generated.</summary>
    public string? CallbackKey { get; init; }
}
