namespace MediaGen.StandInHost.Hosting;

/// <summary>What the host prints about what it loaded, before it starts: files, extensions with versions, functions with triggers.</summary>
public static class StartupReport
{
    /// <summary>Writes the report for <paramref name="app"/> to <paramref name="output"/>.</summary>
    public static void Write(StandInApp app, TextWriter output)
    {
        output.WriteLine("MediaGen stand-in Functions host");
        output.WriteLine($"  app        {app.Options.AppFolder}");
        output.WriteLine($"  host.json  {app.Options.HostJsonPath}");
        output.WriteLine($"  settings   {app.Options.SettingsPath} ({app.Configuration.AppSettings.Count} app settings)");
        foreach (var name in app.Configuration.OverriddenByEnvironment)
        {
            output.WriteLine($"  setting    {name}: the environment's value wins over the file's");
        }

        foreach (var extension in app.Extensions)
        {
            output.WriteLine($"  extension  {extension.Name} {extension.Version} ({extension.StartupType.Assembly.GetName().Name})");
        }

        foreach (var reference in app.Manifest.References.Where(r => r.TypeName.Contains(ExtensionManifest.FunctionMetadataLoaderAssembly, StringComparison.OrdinalIgnoreCase)))
        {
            output.WriteLine($"  not loaded {ExtensionManifest.FunctionMetadataLoaderAssembly}: the Functions host's own indexing of functions.metadata; this host indexes it itself");
        }

        foreach (var function in app.Functions.Functions)
        {
            output.WriteLine($"  function   {function.Name}: {Describe(function.Trigger)}");
        }

        output.WriteLine($"  indexed    {app.Functions.Functions.Count} functions");
    }

    private static string Describe(BindingMetadata trigger) => trigger.Type.ToLowerInvariant() switch
    {
        "httptrigger" => $"httpTrigger {string.Join(",", trigger.Strings("methods").Select(m => m.ToUpperInvariant()))} {trigger.String("route")}",
        "queuetrigger" => $"queueTrigger {trigger.String("queueName")}",
        "blobtrigger" => $"blobTrigger {trigger.String("path")} ({trigger.String("source") ?? "LogsAndContainerScan"})",
        _ => trigger.Type,
    };
}
