namespace MediaGen.Functions.Tests.Support;

/// <summary>
/// <c>infra/main.bicep</c> compiled once by the Bicep CLI that <c>scripts/bootstrap.sh</c> installs (<c>.tools/bicep</c>, from
/// the NuGet package <c>Azure.Bicep.CommandLine.linux-x64</c>): <c>bicep build --stdout --no-restore</c> (no module
/// restore, so the CLI makes no network call), with its diagnostics.
/// </summary>
public sealed partial class BicepBuild : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>Compiles the template; fails the test (never skips it) when the CLI is missing.</summary>
    public async Task InitializeAsync()
    {
        var cli = RepoPaths.Combine(".tools", "bicep");
        Assert.True(File.Exists(cli), $"The Bicep CLI is not installed at {cli}: run scripts/bootstrap.sh (it installs it from NuGet).");
        var result = await ProcessRun.RunAsync(cli, ["build", RepoPaths.Combine("infra", "main.bicep"), "--stdout", "--no-restore"], hangGuard: Timeout);
        ExitCode = result.ExitCode;
        Output = result.StandardOutput;
        Diagnostics = [.. result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }

    /// <inheritdoc />
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The CLI's exit code.</summary>
    public int ExitCode { get; private set; }

    /// <summary>The compiled ARM template (JSON).</summary>
    public string Output { get; private set; } = "";

    /// <summary>Every line the CLI wrote to stderr (its diagnostics).</summary>
    public IReadOnlyList<string> Diagnostics { get; private set; } = [];

    /// <summary>The diagnostics of <paramref name="level"/> (<c>Error</c>, <c>Warning</c>, <c>Info</c>) as (code, line).</summary>
    public IEnumerable<(string Code, string Line)> DiagnosticsOf(string level) =>
        Diagnostics.Select(line => (Match: Diagnostic().Match(line), Line: line))
            .Where(d => d.Match.Success && d.Match.Groups["level"].Value == level)
            .Select(d => (d.Match.Groups["code"].Value, d.Line));

    /// <summary>The app settings (name → value expression) of the template's one <c>Microsoft.Web/sites</c> resource.</summary>
    public IReadOnlyDictionary<string, string> FunctionAppSettings() =>
        Resource("Microsoft.Web/sites").GetProperty("properties").GetProperty("siteConfig").GetProperty("appSettings").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("value").ToString(), StringComparer.Ordinal);

    /// <summary>The compiled template's resources of <paramref name="type"/> (e.g. <c>Microsoft.Storage/storageAccounts</c>).</summary>
    public IReadOnlyList<JsonElement> Resources(string type)
    {
        using var template = JsonDocument.Parse(Output);
        var resources = template.RootElement.GetProperty("resources");
        return [.. (resources.ValueKind == JsonValueKind.Object ? resources.EnumerateObject().Select(r => r.Value) : resources.EnumerateArray())
            .Where(r => r.GetProperty("type").GetString() == type)
            .Select(r => r.Clone())];
    }

    /// <summary>The compiled template's one resource of <paramref name="type"/>.</summary>
    public JsonElement Resource(string type) => Assert.Single(Resources(type));

    /// <summary>The compiled template's variables (name → value).</summary>
    public JsonElement Variables()
    {
        using var template = JsonDocument.Parse(Output);
        return template.RootElement.GetProperty("variables").Clone();
    }

    /// <summary>The default value of the template's parameter <paramref name="name"/>.</summary>
    public JsonElement ParameterDefault(string name)
    {
        using var template = JsonDocument.Parse(Output);
        return template.RootElement.GetProperty("parameters").GetProperty(name).GetProperty("defaultValue").Clone();
    }

    // e.g. "/repo/infra/main.bicep(12,7) : Warning no-unused-params: Parameter "x" is declared but never used. [https://…]"
    [GeneratedRegex(@"\)\s*:\s*(?<level>Error|Warning|Info)\s+(?<code>[A-Za-z0-9-]+)\s*:")]
    private static partial Regex Diagnostic();
}
