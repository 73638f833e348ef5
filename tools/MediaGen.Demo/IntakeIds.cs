using System.Security.Cryptography;
using System.Text;

namespace MediaGen.Demo;

/// <summary>
/// The ids the app gives jobs that arrive without an HTTP answer (docs/host.md, "Callers are tenants"): they belong to
/// the intake caller, so they start with its prefix — <c>o</c>, the first 12 hex digits of SHA-256 of
/// <c>"mediagen-owner:" + caller name in lower case</c>, <c>-</c> — and a client can compute them up front.
/// </summary>
internal sealed class IntakeIds(string intakeCaller)
{
    private readonly string _prefix = $"o{Sha256Hex("mediagen-owner:" + intakeCaller.ToLowerInvariant())[..12]}-";

    /// <summary>A queued request's job: the prefix + <c>job-</c> + the queue message id.</summary>
    public string ForQueueMessage(string messageId) => _prefix + "job-" + messageId;

    /// <summary>An inbox upload's job: the prefix + <c>inbox-</c> + the first 40 hex digits of SHA-256 of
    /// <c>"container/name|ETag"</c> (the ETag unquoted).</summary>
    public string ForInboxBlob(string container, string name, string etag) =>
        _prefix + "inbox-" + Sha256Hex($"{container}/{name}|{etag.Trim('"')}")[..40];

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
