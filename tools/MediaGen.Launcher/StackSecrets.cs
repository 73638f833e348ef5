using System.Security.Cryptography;

namespace MediaGen.Launcher;

/// <summary>Keys generated for one run of the stack (never fixed values: a leaked log of one run opens nothing).</summary>
public static class StackSecrets
{
    /// <summary>An API key or webhook signing key: 24 random bytes, base64url.</summary>
    public static string Key() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');

    /// <summary>A Standard Webhooks signing secret: <c>whsec_</c> + 32 random bytes, base64.</summary>
    public static string CallbackKey() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
