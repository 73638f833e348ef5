namespace MediaGen.Workflows.Activities;

/// <summary>
/// One signed delivery attempt of a completion callback (<see cref="CallbackSender"/>). A non-2xx answer or no answer is
/// returned as a retryable failure; the orchestration retries with the same delivery id and backoff from
/// <see cref="CallbackOptions"/>. A missing signing key is a failure no retry can fix.
/// </summary>
public sealed class SendCallbackActivity(CallbackSender sender) : TaskActivity<CallbackInput, DeliveryOutput>
{
    /// <inheritdoc />
    public override async Task<DeliveryOutput> RunAsync(TaskActivityContext context, CallbackInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        using var span = StepSpans.Start(nameof(SendCallbackActivity), context, input.Trace);
        span?.SetTag("mediagen.callback.delivery_id", input.DeliveryId);
        var output = await SendAsync(input).ConfigureAwait(false);
        StepSpans.Fail(span, output.Failure);
        return output;
    }

    private async Task<DeliveryOutput> SendAsync(CallbackInput input)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(input.Notification, JobJson.Options);
        try
        {
            await sender.SendAsync(new Uri(input.Url, UriKind.Absolute), input.DeliveryId, body).ConfigureAwait(false);
            return DeliveryOutput.Delivered;
        }
        catch (CallbackDeliveryException ex)
        {
            return new DeliveryOutput(new StepFailure(JobErrorCodes.CallbackFailed, ex.Message, Retryable: true, HttpStatus: (int?)ex.StatusCode));
        }
        catch (InvalidOperationException ex)
        {
            return new DeliveryOutput(new StepFailure(JobErrorCodes.NotConfigured, ex.Message, Retryable: false));
        }
    }
}
