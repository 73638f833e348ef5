namespace MediaGen.Core.Notifications;

/// <summary>A callback attempt was not acknowledged with a 2xx; the delivery is retried with backoff.</summary>
public sealed class CallbackDeliveryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CallbackDeliveryException(string message, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>The receiver's status, or null when no response came (network failure, timeout).</summary>
    public HttpStatusCode? StatusCode { get; }
}
