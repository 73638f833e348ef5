using System.Security.Cryptography;

namespace MediaGen.Core.Notifications;

/// <summary>Which <see cref="CallbackEvent"/>s a request chose, and the stable delivery id of each event.</summary>
public static class CallbackEvents
{
    /// <summary>The events of a request that names none: <c>["completed"]</c>.</summary>
    public static IReadOnlyList<CallbackEvent> Default { get; } = [CallbackEvent.Completed];

    /// <summary>Every event name, comma-separated (for error messages and docs).</summary>
    public static string Names { get; } = string.Join(", ", Enum.GetValues<CallbackEvent>().Select(e => WireNames.Of(e)));

    /// <summary>Whether <paramref name="chosen"/> (null: <see cref="Default"/>) includes <paramref name="wanted"/>.</summary>
    public static bool Includes(IReadOnlyList<CallbackEvent>? chosen, CallbackEvent wanted) => (chosen ?? Default).Contains(wanted);

    /// <summary>
    /// The <c>webhook-id</c> of one event of one job, batch or chain: derived from the id, the event and the item index
    /// only, so every attempt and every replay of the delivery carries the same id and receivers drop repeats by it.
    /// 32 lowercase hex characters.
    /// </summary>
    public static string DeliveryId(string jobId, CallbackEvent @event, int? itemIndex = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        var name = $"{jobId}\n{WireNames.Of(@event)}\n{itemIndex?.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16));
    }
}
