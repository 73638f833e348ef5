namespace MediaGen.Core.Secrets;

/// <summary>
/// The secret settings one part of the app reads (provider keys, signing keys, API keys), with their states; the readiness
/// check asks every registered source. Register with <c>TryAddEnumerable</c>.
/// </summary>
public interface ISecretSettingSource
{
    /// <summary>The settings and their current states.</summary>
    IEnumerable<SecretSetting> Read();
}
