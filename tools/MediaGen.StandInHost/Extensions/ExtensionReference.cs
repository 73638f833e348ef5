namespace MediaGen.StandInHost.Extensions;

/// <summary>One entry of the app's <c>extensions.json</c>: a host-side extension's <c>IWebJobsStartup</c> type and where its assembly is.</summary>
/// <param name="Name">The extension's short name (e.g. <c>DurableTask</c>).</param>
/// <param name="TypeName">The startup type's assembly-qualified name.</param>
/// <param name="HintPath">The assembly's path relative to the app folder (e.g. <c>./.azurefunctions/….dll</c>).</param>
public sealed record ExtensionReference(string Name, string TypeName, string HintPath);
