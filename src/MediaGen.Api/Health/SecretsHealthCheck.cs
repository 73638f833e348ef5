namespace MediaGen.Api.Health;

/// <summary>
/// Readiness: every secret setting the app reads (<see cref="ISecretSettingSource"/>: provider keys, signing keys, API
/// keys) holds a usable value. Unhealthy while one is an unresolved Key Vault reference (a first deployment before its
/// secrets are stored) or a required one is missing; the description and the <see cref="SettingsKey"/> data name each
/// setting, never a value. The rest of the app works meanwhile: only what needs the setting fails (<c>not_configured</c>).
/// </summary>
public sealed class SecretsHealthCheck(IEnumerable<ISecretSettingSource> sources) : IHealthCheck
{
    /// <summary>The registration name, also the key of the check in <c>GET /api/health</c>'s answers.</summary>
    public const string Name = "secrets";

    /// <summary>The data entry listing the settings that are not configured (their app-setting names).</summary>
    public const string SettingsKey = "settings";

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var failing = sources.SelectMany(s => s.Read()).Where(s => s.IsNotConfigured).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        if (failing.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Healthy("configured"));
        }

        var names = failing.Select(s => s.Name).ToList();
        return Task.FromResult(new HealthCheckResult(
            context.Registration.FailureStatus,
            $"Secret settings are not usable yet: {string.Join("; ", failing.Select(s => s.Problem))}.",
            data: new Dictionary<string, object> { [SettingsKey] = names }));
    }
}
