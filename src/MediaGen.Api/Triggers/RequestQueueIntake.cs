using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace MediaGen.Api.Triggers;

/// <summary>
/// One requests-queue message into one job of the intake caller (<see cref="CallerRoles.IntakeCaller"/>), for the
/// standalone listener and the Functions queue trigger alike: the job id derives from the intake caller and the message's
/// idempotency key or else the message id, so a redelivery finds the job it started.
/// An invalid message is permanent: it goes to the poison queue (<c>&lt;queue&gt;-poison</c>) at once with its errors attached.
/// </summary>
public static class RequestQueueIntake
{
    /// <summary>Longest original message text kept in a poison envelope.</summary>
    public const int MaxOriginalChars = 32 * 1024;

    /// <summary>Starts the message's job as <paramref name="caller"/>; an invalid message is written to <paramref name="poison"/> (reason <c>invalid</c>) instead.</summary>
    public static async Task<IntakeOutcome> StartOrPoisonAsync(
        QueueMessage message, JobStarter jobs, QueueClient poison, DateTimeOffset now, string caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(jobs);
        // The job's trace starts here, whichever host received the message.
        using var span = IntakeSpans.QueueMessage(message.MessageId);

        try
        {
            var started = await jobs.StartJobAsync(QueueMessageDecoder.Decode(message.Body), JobIds.ForQueueMessage(message.MessageId), cancellationToken, caller).ConfigureAwait(false);
            IntakeSpans.Started(span, started.Id);
            return new IntakeOutcome(started, null);
        }
        catch (RequestValidationException ex)
        {
            IntakeSpans.Started(span, null);
            await PoisonAsync(poison, message, "invalid", ex.Errors, now, cancellationToken).ConfigureAwait(false);
            return new IntakeOutcome(null, ex.Errors);
        }
        catch (BudgetExceededException ex)
        {
            // Retrying the same message cannot fit it into the budget before the period ends: poisoned at once, like an invalid one.
            IReadOnlyList<ValidationError> errors = [ProblemResults.BudgetError(ex.Refusal)];
            await PoisonAsync(poison, message, JobErrorCodes.BudgetExceeded, errors, now, cancellationToken).ConfigureAwait(false);
            return new IntakeOutcome(null, errors);
        }
    }

    /// <summary>Writes a <see cref="PoisonEnvelope"/> of <paramref name="message"/> to <paramref name="poison"/> (the caller removes the original).</summary>
    private static async Task PoisonAsync(
        QueueClient poison, QueueMessage message, string reason, IReadOnlyList<ValidationError> errors, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(poison);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(errors);
        var original = message.Body.ToString();
        var truncated = original.Length > MaxOriginalChars;
        var envelope = new PoisonEnvelope(message.MessageId, truncated ? original[..MaxOriginalChars] : original, reason,
            errors.Take(50).ToList(), message.DequeueCount, now, truncated);
        // Rare path, so it may create the queue itself (a fresh Functions app has no listener that made it at start-up).
        await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await poison.SendMessageAsync(JsonSerializer.Serialize(envelope, HostJson.Options), cancellationToken).ConfigureAwait(false);
    }
}
