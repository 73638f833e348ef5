namespace MediaGen.Host.Tests.Setup;

/// <summary>
/// scripts/azurite-gc-fix.cjs patches Azurite's internals, so it loads only over the Azurite it was written for: the
/// repository's own install, and refuses (a non-zero exit naming the reason) over a copy of it changed in one respect —
/// another version, the SQL metadata store, or a <c>deleteExtents</c> that is no longer the per-extent loop it replaces.
/// </summary>
public sealed class AzuriteGcFixTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("mediagen-gcfix-").FullName;

    [Fact]
    public async Task Load_InstalledAzurite_Loads()
    {
        var (exitCode, output) = await LoadAsync(RepoPaths.Root);

        Assert.True(exitCode == 0, output);
        Assert.Contains("patched", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_OtherAzuriteVersion_RefusesNamingBothVersions()
    {
        var root = CopyOfInstalledAzurite();
        var package = Path.Combine(root, "node_modules", "azurite", "package.json");
        File.WriteAllText(package, File.ReadAllText(package).Replace("\"version\": \"3.37.0\"", "\"version\": \"3.99.0\"", StringComparison.Ordinal));

        var (exitCode, output) = await LoadAsync(root);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("written for Azurite 3.37.0 and found 3.99.0", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_SqlMetadataStore_Refuses()
    {
        var (exitCode, output) = await LoadAsync(RepoPaths.Root, ("AZURITE_DB", "mysql://127.0.0.1:1/azurite"));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("AZURITE_DB selects the SQL metadata store", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_ChangedDeleteExtents_RefusesNamingTheStore()
    {
        var root = CopyOfInstalledAzurite();
        var store = Path.Combine(root, "node_modules", "azurite", "dist", "src", "common", "persistence", "MemoryExtentStore.js");
        File.WriteAllText(store, File.ReadAllText(store).Replace("await this.metadataStore.deleteExtent(id);", "await this.metadataStore.deleteExtents([id]);", StringComparison.Ordinal));

        var (exitCode, output) = await LoadAsync(root);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("MemoryExtentStore.deleteExtents is not the per-extent loop it replaces", output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>
    /// A repository-shaped folder holding the script and a copy of the installed Azurite's package.json and compiled
    /// code (dist, 6 MB), whose own dependencies resolve from the real node_modules through NODE_PATH.
    /// </summary>
    private string CopyOfInstalledAzurite()
    {
        Directory.CreateDirectory(Path.Combine(_root, "scripts"));
        var installed = RepoPaths.Combine("node_modules", "azurite");
        var copy = Path.Combine(_root, "node_modules", "azurite");
        Directory.CreateDirectory(copy);
        File.Copy(Path.Combine(installed, "package.json"), Path.Combine(copy, "package.json"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(installed, "dist"), "*.js", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(installed, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return _root;
    }

    /// <summary>Runs <c>node</c> requiring <paramref name="root"/>'s copy of the script (the repository's own script text).</summary>
    private static async Task<(int ExitCode, string Output)> LoadAsync(string root, params (string Name, string Value)[] environment)
    {
        var script = Path.Combine(root, "scripts", "azurite-gc-fix.cjs");
        if (!File.Exists(script))
        {
            File.Copy(RepoPaths.Combine("scripts", "azurite-gc-fix.cjs"), script);
        }

        var variables = new Dictionary<string, string?> { ["NODE_PATH"] = RepoPaths.Combine("node_modules"), ["AZURITE_DB"] = null };
        foreach (var (name, value) in environment)
        {
            variables[name] = value;
        }

        var result = await ProcessRun.RunAsync(
            "node", ["-e", $"require({System.Text.Json.JsonSerializer.Serialize(script)}); console.log('patched');"], root, variables);
        return (result.ExitCode, result.Output);
    }
}
