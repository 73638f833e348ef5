using System.Text.RegularExpressions;

namespace MediaGen.Launcher;

/// <summary>
/// How to start one app as a process (<c>dotnet</c> with <see cref="Arguments"/>) and how to tell it is ready. Made by
/// <see cref="StackApps"/> for the apps of the stack.
/// </summary>
/// <param name="Name">A short name for messages and log files (<c>host</c>, <c>simulator</c>).</param>
/// <param name="BaseAddress">Where it will listen; chosen before it starts.</param>
/// <param name="Arguments">The arguments of <c>dotnet</c>: the app's dll first.</param>
public sealed record AppLaunch(string Name, Uri BaseAddress, IReadOnlyList<string> Arguments)
{
    /// <summary>Environment variables of the process (on top of this process's own).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>The app settings it was given (flat names): its environment, or its <c>local.settings.json</c> values.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>A line the app prints once it listens; null: none awaited.</summary>
    public Regex? ReadyLine { get; init; }

    /// <summary>A path under <see cref="BaseAddress"/> that answers 2xx once the app is ready; null: none polled.</summary>
    public string? HealthPath { get; init; }

    /// <summary>Where each start's output is written (<c>&lt;Name&gt;-&lt;start&gt;.log</c>); null: kept in memory only.</summary>
    public string? LogFolder { get; init; }

    /// <summary>The process's working directory; null: the repository root.</summary>
    public string? WorkingDirectory { get; init; }
}
