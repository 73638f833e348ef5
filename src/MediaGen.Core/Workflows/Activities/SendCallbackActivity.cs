using System.Text.Json;
using MediaGen.Core.Jobs;
using MediaGen.Core.Notifications;
using MediaGen.Core.Workflows.Payloads;
using MediaGen.Durable;

namespace MediaGen.Core.Workflows.Activities;

/// <summary>
/// One signed delivery attempt of a completion callback (<see cref="CallbackSender"/>). Throws
/// <see cref="CallbackDeliveryException"/> on a non-2xx answer; the orchestration's retry policy retries with the same
/// delivery id and backoff from <see cref="CallbackOptions"/>.
/// </summary>
public sealed class SendCallbackActivity(CallbackSender sender) : TaskActivity<CallbackInput, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, CallbackInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var body = JsonSerializer.SerializeToUtf8Bytes(input.Notification, JobJson.Options);
        await sender.SendAsync(new Uri(input.Url, UriKind.Absolute), input.DeliveryId, body).ConfigureAwait(false);
        return true;
    }
}
