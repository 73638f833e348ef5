namespace MediaGen.StandInHost.Extensions;

/// <summary>A host-side extension this host loaded: its startup type and the package version its assembly carries.</summary>
/// <param name="Name">The extension's short name from <c>extensions.json</c>.</param>
/// <param name="StartupType">The <c>IWebJobsStartup</c> type the host runs.</param>
/// <param name="Version">The assembly's informational (package) version, e.g. <c>3.18.0</c>.</param>
public sealed record LoadedExtension(string Name, Type StartupType, string Version);
