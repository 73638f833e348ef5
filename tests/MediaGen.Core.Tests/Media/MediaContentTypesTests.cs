namespace MediaGen.Core.Tests.Media;

public sealed class MediaContentTypesTests
{
    [Theory]
    [InlineData("89504E470D0A1A0A0000000D49484452", "image/png")]
    [InlineData("FFD8FFE000104A464946", "image/jpeg")]
    [InlineData("474946383961", "image/gif")]
    [InlineData("524946462400000057454250565038", "image/webp")]
    [InlineData("524946462400000057415645666D7420", "audio/wav")]
    [InlineData("000000206674797069736F6D00000200", "video/mp4")]
    [InlineData("00000014667479707174202000000000", "video/quicktime")]
    [InlineData("000000206674797061766966", "image/avif")]
    [InlineData("1A45DFA39F4286810142F7810142F2810442F381084282847765626D", "video/webm")]
    [InlineData("1A45DFA39F4286810142F7810142F28104428288", "video/x-matroska")]
    [InlineData("494433040000000000", "audio/mpeg")]
    [InlineData("FFFB9064", "audio/mpeg")]
    [InlineData("FFF15080", "audio/aac")]
    [InlineData("4F67675300020000", "audio/ogg")]
    [InlineData("664C614300000022", "audio/flac")]
    public void Sniff_KnownSignature_ReturnsMediaType(string hex, string expected) =>
        Assert.Equal(expected, MediaContentTypes.Sniff(Convert.FromHexString(hex)));

    [Theory]
    [InlineData("")]
    [InlineData("48656C6C6F2C20776F726C64")]
    [InlineData("7B226B696E64223A22696D616765227D")]
    [InlineData("52494646")]
    public void Sniff_UnknownOrTooShort_ReturnsNull(string hex) =>
        Assert.Null(MediaContentTypes.Sniff(Convert.FromHexString(hex)));

    [Theory]
    [InlineData(null, "image/jpeg", "image/jpeg")]
    [InlineData(null, "application/octet-stream", "image/png")]
    [InlineData(null, "binary/octet-stream", "image/png")]
    [InlineData(null, null, "image/png")]
    [InlineData(null, "text/html; charset=utf-8", "image/png")]
    [InlineData("image/webp", "image/jpeg", "image/webp")]
    [InlineData("application/octet-stream", "IMAGE/JPEG", "image/jpeg")]
    public void Choose_PngBytes_PrefersSpecificProviderTypeElseSniffed(string? declared, string? header, string expected) =>
        Assert.Equal(expected, MediaContentTypes.Choose(declared, header, Payload.Png(64)));

    [Theory]
    [InlineData("text/plain; charset=utf-8", "text/plain; charset=utf-8")]
    [InlineData(null, "application/octet-stream")]
    [InlineData("application/octet-stream", "application/octet-stream")]
    public void Choose_UnrecognisedBytes_KeepsDeclaredOrOctetStream(string? declared, string expected) =>
        Assert.Equal(expected, MediaContentTypes.Choose(declared, null, "plain words"u8));

    [Theory]
    [InlineData("image/png", JobKind.Image, true)]
    [InlineData("image/svg+xml", JobKind.Image, false)]
    [InlineData("video/mp4", JobKind.Image, false)]
    [InlineData("video/mp4", JobKind.Video, true)]
    [InlineData("video/webm", JobKind.VideoExtension, true)]
    [InlineData("audio/mpeg", JobKind.Video, false)]
    [InlineData("audio/mpeg", JobKind.Audio, true)]
    [InlineData("text/plain; charset=utf-8", JobKind.Text, true)]
    [InlineData("text/markdown", JobKind.Text, true)]
    [InlineData("text/html", JobKind.Text, false)]
    [InlineData("application/json", JobKind.Text, false)]
    [InlineData("application/octet-stream", JobKind.Image, false)]
    [InlineData("text/plain", null, true)]
    [InlineData("image/jpeg", null, true)]
    [InlineData("text/html", null, false)]
    [InlineData("application/octet-stream", null, false)]
    [InlineData(null, null, false)]
    public void IsAllowed_ContentTypeForKind_OnlyTheKindsOwnFamily(string? contentType, JobKind? kind, bool expected) =>
        Assert.Equal(expected, MediaContentTypes.IsAllowed(contentType, kind));

    [Theory]
    [InlineData(JobKind.Image, null, "text/html", "image/png")]
    [InlineData(JobKind.Video, null, "image/png", null)]
    [InlineData(JobKind.Text, "text/plain", null, "text/plain")]
    public void ChooseAllowed_PngBytes_ChosenTypeWhenTheKindStoresItElseNull(JobKind kind, string? declared, string? header, string? expected) =>
        Assert.Equal(expected, MediaContentTypes.ChooseAllowed(kind, declared, header, Payload.Png(64)));

    [Theory]
    [InlineData("image/png", ".png")]
    [InlineData("image/jpeg", ".jpg")]
    [InlineData("video/mp4", ".mp4")]
    [InlineData("audio/mpeg", ".mp3")]
    [InlineData("audio/x-wav", ".wav")]
    [InlineData("text/plain; charset=utf-8", ".txt")]
    [InlineData("application/x-unknown", ".bin")]
    public void ExtensionFor_ContentType_ReturnsExtension(string contentType, string expected) =>
        Assert.Equal(expected, MediaContentTypes.ExtensionFor(contentType));

    [Theory]
    [InlineData("/out/clip.mp4", "video/mp4")]
    [InlineData("/a/b.JPEG", "image/jpeg")]
    [InlineData("/a/b", null)]
    [InlineData("/a/b.xyz", null)]
    public void FromExtension_Path_ReturnsTypeOrNull(string path, string? expected) =>
        Assert.Equal(expected, MediaContentTypes.FromExtension(path));
}
