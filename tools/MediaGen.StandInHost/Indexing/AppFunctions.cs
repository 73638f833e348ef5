namespace MediaGen.StandInHost.Indexing;

/// <summary>The app's functions as this host registers them: the metadata and the WebJobs type generated from it.</summary>
public sealed class AppFunctions
{
    private static readonly ConcurrentDictionary<string, Lazy<Type>> Compiled = new(StringComparer.Ordinal);

    private AppFunctions(IReadOnlyList<FunctionMetadata> functions, Type type)
    {
        Functions = functions;
        Type = type;
    }

    /// <summary>Every function of <c>functions.metadata</c>.</summary>
    public IReadOnlyList<FunctionMetadata> Functions { get; }

    /// <summary>The generated type holding one WebJobs function per app function.</summary>
    public Type Type { get; }

    /// <summary>Reads the app's metadata and generates its functions (compiled once per process for the same source).</summary>
    /// <param name="appFolder">The app's output folder.</param>
    /// <param name="functionTimeout">host.json's <c>functionTimeout</c> (null or <c>-1</c>: none).</param>
    public static AppFunctions Load(string appFolder, string? functionTimeout)
    {
        var functions = FunctionMetadataFile.Read(appFolder);
        var source = FunctionSource.Generate(functions, Timeout(functionTimeout));
        var extensions = Path.Combine(appFolder, ".azurefunctions");
        var type = Compiled.GetOrAdd(source, s => new Lazy<Type>(() => FunctionCompiler.Compile(s, extensions))).Value;
        return new AppFunctions(functions, type);
    }

    private static TimeSpan? Timeout(string? value)
    {
        if (string.IsNullOrEmpty(value) || value == "-1")
        {
            return null;
        }

        return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var timeout) && timeout > TimeSpan.Zero
            ? timeout
            : throw new StandInHostException($"host.json's functionTimeout '{value}' is not a time span (hh:mm:ss) or -1.");
    }
}
