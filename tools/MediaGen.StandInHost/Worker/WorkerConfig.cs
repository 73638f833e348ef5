using System.Text.Json;

namespace MediaGen.StandInHost.Worker;

/// <summary>
/// The worker's description from <c>worker.config.json</c> in the app directory (the Functions SDK writes it for a
/// dotnet-isolated app): what to run, and whether the worker indexes its own functions.
/// </summary>
/// <param name="Language">The worker's language (<c>dotnet-isolated</c>).</param>
/// <param name="ExecutablePath">The program to start (<c>dotnet</c>).</param>
/// <param name="WorkerPath">The worker's entry assembly, absolute.</param>
/// <param name="WorkerIndexing">Whether the host asks the worker for the function metadata (else it reads <c>functions.metadata</c>).</param>
internal sealed record WorkerConfig(string Language, string ExecutablePath, string WorkerPath, bool WorkerIndexing)
{
    /// <summary>The file's name.</summary>
    public const string FileName = "worker.config.json";

    /// <summary>Reads <see cref="FileName"/> in <paramref name="appDirectory"/>.</summary>
    /// <exception cref="InvalidOperationException">The file is missing or lacks the worker's path.</exception>
    public static WorkerConfig Read(string appDirectory)
    {
        var path = Path.Combine(appDirectory, FileName);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} not found: is {appDirectory} the build output of a Functions app?");
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var description = document.RootElement.GetProperty("description");
        var workerPath = Text(description, "defaultWorkerPath")
            ?? throw new InvalidOperationException($"{path} names no description.defaultWorkerPath.");
        return new WorkerConfig(
            Text(description, "language") ?? "",
            Text(description, "defaultExecutablePath") ?? "dotnet",
            Path.GetFullPath(Path.Combine(appDirectory, workerPath)),
            description.TryGetProperty("workerIndexing", out var indexing)
                && (indexing.ValueKind == JsonValueKind.True
                    || (indexing.ValueKind == JsonValueKind.String && bool.TryParse(indexing.GetString(), out var on) && on)));
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
