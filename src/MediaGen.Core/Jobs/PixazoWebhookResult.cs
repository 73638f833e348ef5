namespace MediaGen.Core.Jobs;

/// <summary>What happened to a Pixazo webhook call. Only <see cref="Accepted"/> changes anything.</summary>
public enum PixazoWebhookResult
{
    /// <summary>Delivered to the job (or the job had already ended; a duplicate is harmless). HTTP 200.</summary>
    Accepted,

    /// <summary>The secret is not the job's (or webhooks are not configured). Nothing changed. HTTP 401.</summary>
    InvalidSecret,

    /// <summary>The secret is right but no Pixazo job has this id. Nothing changed. HTTP 404.</summary>
    UnknownJob,

    /// <summary>The body is not a Pixazo status. Nothing changed. HTTP 400.</summary>
    InvalidPayload,
}
