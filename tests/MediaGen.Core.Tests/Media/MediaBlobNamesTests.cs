namespace MediaGen.Core.Tests.Media;

public sealed class MediaBlobNamesTests
{
    [Theory]
    [InlineData("demo", "x-", "job-1", 0, "image/png", "demo/x-job-1/0.png")]
    [InlineData("/a/b/", null, "job-1", 12, "video/mp4", "a/b/job-1/12.mp4")]
    [InlineData("", "", "abc_DEF.1", 3, "application/octet-stream", "abc_DEF.1/3.bin")]
    [InlineData(null, "p", "j", 0, "audio/mpeg", "pj/0.mp3")]
    public void For_ValidParts_ReturnsSchemeName(string? folder, string? prefix, string jobId, int index, string contentType, string expected) =>
        Assert.Equal(expected, MediaBlobNames.For(folder, prefix, jobId, index, contentType));

    [Fact]
    public void For_SameInputs_ReturnsSameName() =>
        Assert.Equal(MediaBlobNames.For("f", "p", "job", 2, "image/png"), MediaBlobNames.For("f", "p", "job", 2, "image/png"));

    [Theory]
    [InlineData("f", null, "../etc", "jobId")]
    [InlineData("f", null, "a/b", "jobId")]
    [InlineData("f", null, "", "jobId")]
    [InlineData("a/../b", null, "job", "folder")]
    [InlineData("a//b", null, "job", "folder")]
    [InlineData("a b", null, "job", "folder")]
    [InlineData("f", "x/y", "job", "prefix")]
    [InlineData("f", "é", "job", "prefix")]
    public void For_UnsafePart_ThrowsArgumentExceptionNamingIt(string? folder, string? prefix, string jobId, string parameter)
    {
        var error = Assert.Throws<ArgumentException>(() => MediaBlobNames.For(folder, prefix, jobId, 0, "image/png"));

        Assert.Equal(parameter, error.ParamName);
    }

    [Theory]
    [InlineData("media", true)]
    [InlineData("my-media-2", true)]
    [InlineData("Media", false)]
    [InlineData("me", false)]
    [InlineData("a--b", false)]
    [InlineData("-ab", false)]
    public void IsValidContainerName_Name_MatchesStorageRules(string name, bool expected) =>
        Assert.Equal(expected, MediaBlobNames.IsValidContainerName(name));
}
