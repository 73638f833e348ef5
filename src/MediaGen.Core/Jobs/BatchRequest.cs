namespace MediaGen.Core.Jobs;

/// <summary>
/// Many jobs run together: <c>{"items":[job, …],"idempotencyKey","callbackUrl"}</c>. Each item is a job request
/// without its own idempotency key or callback (the batch has them).
/// </summary>
/// <param name="Items">The jobs (1 to <c>Workflows:BatchMaxItems</c>).</param>
/// <param name="IdempotencyKey">Same key, same batch.</param>
/// <param name="CallbackUrl">Receives one signed POST when every item has ended.</param>
public sealed record BatchRequest(IReadOnlyList<JobRequest> Items, string? IdempotencyKey = null, string? CallbackUrl = null);
