using DurableTask.Core.Exceptions;
using Grpc.Core;

namespace MediaGen.Workflows;

/// <summary>
/// How the two <c>DurableTaskClient</c>s the job service runs on report the same refusals (docs/durable.md, "Client
/// exceptions"). The standalone engine's client throws as Durable Functions' in-process client does: an unknown instance
/// <see cref="ArgumentException"/>, a finished one <see cref="InvalidOperationException"/>, an existing id DTFx's
/// <see cref="OrchestrationAlreadyExistsException"/>. Under Functions the isolated worker's gRPC client passes the Durable
/// extension's <c>TaskHubGrpcServer</c> statuses on as <see cref="RpcException"/> — raise-event on an unknown instance
/// <see cref="StatusCode.NotFound"/>, on a finished one <see cref="StatusCode.FailedPrecondition"/> — except where the
/// client converts them (a start of an existing id: <see cref="OrchestrationAlreadyExistsException"/>; history of an
/// unknown instance: <see cref="ArgumentException"/>), and reports its own cancellation as <see cref="StatusCode.Cancelled"/>.
/// </summary>
internal static class DurableClientErrors
{
    /// <summary>Whether an event was refused because the instance does not exist or no longer runs (either client's way).</summary>
    public static bool IsNotRunning(Exception exception) => exception switch
    {
        RpcException { StatusCode: StatusCode.NotFound or StatusCode.FailedPrecondition } => true,
        OrchestrationAlreadyExistsException or ArgumentNullException => false,
        ArgumentException or InvalidOperationException => true,
        _ => false,
    };

    /// <summary>Whether a read was refused because the instance does not exist (either client's way).</summary>
    public static bool IsMissing(Exception exception) =>
        exception is RpcException { StatusCode: StatusCode.NotFound } || exception is ArgumentException and not ArgumentNullException;

    /// <summary>Whether <paramref name="exception"/> is the call giving up on <paramref name="cancellationToken"/> (a gRPC call says <see cref="StatusCode.Cancelled"/>).</summary>
    public static bool IsCancellation(Exception exception, CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested && exception is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled };
}
