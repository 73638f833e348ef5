namespace MediaGen.Workflows;

/// <summary>Names of the external events the workflows wait for.</summary>
public static class WorkflowEvents
{
    /// <summary>Cancels a job, chain or batch (payload <see cref="Payloads.CancelRequest"/>).</summary>
    public const string Cancel = "Cancel";

    /// <summary>A Pixazo webhook arrived for the job (payload <see cref="Payloads.PixazoStatusReport"/>).</summary>
    public const string PixazoWebhook = "PixazoWebhook";
}
