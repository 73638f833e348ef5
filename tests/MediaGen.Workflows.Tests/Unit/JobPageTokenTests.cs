namespace MediaGen.Workflows.Tests.Unit;

public sealed class JobPageTokenTests
{
    [Theory]
    [InlineData("1!1!some-partition 1!1!some-row")]
    [InlineData("{\"nextPartitionKey\":\"a b\",\"x\":[1]}")]
    [InlineData("é")]
    public void TryDecode_EncodedToken_GivesTheEngineTokenBack(string engineToken)
    {
        Assert.True(JobPageToken.TryDecode(JobPageToken.Encode(engineToken), out var decoded));
        Assert.Equal(engineToken, decoded);
    }

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    [InlineData(".")]
    [InlineData("abc.")]
    [InlineData(".abc")]
    [InlineData("not base64!.AAAAAAAAAAA")]
    [InlineData("YWJj.AAAAAAAAAAA")]
    public void TryDecode_TokenNotHandedOut_IsRefused(string token) => Assert.False(JobPageToken.TryDecode(token, out _));

    [Fact]
    public void TryDecode_TokenWithAChangedCharacter_IsRefused()
    {
        var token = JobPageToken.Encode("1!1!partition 1!1!row").ToCharArray();
        token[2] = token[2] == 'A' ? 'B' : 'A';

        Assert.False(JobPageToken.TryDecode(new string(token), out _));
    }
}
