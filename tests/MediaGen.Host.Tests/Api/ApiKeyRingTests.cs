using MediaGen.Api;

namespace MediaGen.Host.Tests.Api;

/// <summary>
/// <see cref="ApiKeyRing"/> tells callers apart by their keys — of any length, compared as SHA-256 digests so the
/// comparison's time does not depend on the key's length — and accepts nothing but a whole key.
/// </summary>
public sealed class ApiKeyRingTests
{
    private const string ShortKey = "sixteen-chars-ok";
    private const string LongKey = "a-much-longer-key-of-forty-eight-characters-0123";

    private static readonly ApiKeyRing Ring = new(Options.Create(new ApiKeyOptions
    {
        Key = ShortKey,
        Keys = new(StringComparer.OrdinalIgnoreCase) { ["partner"] = LongKey },
    }));

    [Theory]
    [InlineData(ShortKey, "default")]
    [InlineData(LongKey, "partner")]
    [InlineData(ShortKey + "x", null)]
    [InlineData("sixteen-chars-o", null)]
    [InlineData("sixteen-chars-OK", null)]
    [InlineData(LongKey + ShortKey, null)]
    [InlineData("", null)]
    public void CallerOf_GivenKey_NamesItsCallerOnlyForAWholeKey(string given, string? expected)
    {
        var http = new DefaultHttpContext();
        http.Request.Headers[ApiKeyCheck.HeaderName] = given;

        Assert.Equal(expected, Ring.CallerOf(http.Request));
    }
}
