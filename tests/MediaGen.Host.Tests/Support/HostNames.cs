namespace MediaGen.Host.Tests.Support;

/// <summary>The storage names one test host (or a restarted one) uses, unique per test so hosts on one Azurite never meet.</summary>
public sealed record HostNames(string Hub, string Requests, string Poison, string Results, string Inbox, string Processed)
{
    public static HostNames Unique()
    {
        var token = Guid.NewGuid().ToString("N")[..10];
        // The poison queue is always <requests>-poison (TriggerNames.RequestPoisonQueueName), as the Functions host's.
        return new HostNames("hub" + token, "req-" + token, "req-" + token + "-poison", "res-" + token, "inbox-" + token, "inbox-" + token + "-done");
    }
}
