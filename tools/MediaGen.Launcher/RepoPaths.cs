namespace MediaGen.Launcher;

/// <summary>Locates files of the repository from a build output folder (a test's, a drive's, the launcher's).</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The repository root: the folder holding <c>MediaGen.sln</c>.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>A path below the repository root.</summary>
    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MediaGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"MediaGen.sln not found above {AppContext.BaseDirectory}.");
    }
}
