using MediaGen.Core.Notifications;

namespace MediaGen.Core.Jobs;

/// <summary>
/// Many jobs run together: <c>{"items":[job, …],"idempotencyKey","callbackUrl","callbackEvents"}</c>. Each item is a job request
/// without its own idempotency key or callback (the batch has them).
/// </summary>
/// <param name="Items">The jobs (1 to <c>Workflows:BatchMaxItems</c>).</param>
/// <param name="IdempotencyKey">Same key, same batch.</param>
/// <param name="CallbackUrl">Receives one signed POST when every item has ended.</param>
/// <param name="CallbackEvents">
/// What <c>callbackUrl</c> receives (any of <c>started</c>: when the first item starts; <c>output</c>: once per
/// completed item, in item order; <c>completed</c>, the default). Needs <c>callbackUrl</c>.
/// </param>
public sealed record BatchRequest(IReadOnlyList<JobRequest> Items, string? IdempotencyKey = null, string? CallbackUrl = null, IReadOnlyList<CallbackEvent>? CallbackEvents = null);
