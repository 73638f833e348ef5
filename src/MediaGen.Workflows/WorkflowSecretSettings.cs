namespace MediaGen.Workflows;

/// <summary>
/// The workflows' signing keys for readiness: <c>Callbacks__SigningKey</c> (required), <c>Callbacks__SecondarySigningKey</c>
/// (only during a rotation) and <c>Workflows__WebhookSigningKey</c> (required while <c>Workflows__PublicBaseUrl</c> asks
/// Pixazo for webhooks; without a public URL, Pixazo jobs poll and need no key).
/// </summary>
internal sealed class WorkflowSecretSettings(IOptions<WorkflowOptions> workflows, IOptions<CallbackOptions> callbacks) : ISecretSettingSource
{
    public IEnumerable<SecretSetting> Read() =>
    [
        SecretSetting.Of(CallbackOptions.SigningKeySetting, callbacks.Value.SigningKey),
        SecretSetting.Of(CallbackOptions.SecondarySigningKeySetting, callbacks.Value.SecondarySigningKey, required: false),
        SecretSetting.Of(WorkflowOptions.WebhookSigningKeySetting, workflows.Value.WebhookSigningKey, required: workflows.Value.PublicBaseUrl.Length > 0),
    ];
}
