namespace MediaGen.Core.Jobs;

/// <summary>What a job generates. JSON names: <c>text</c>, <c>image</c>, <c>video</c>, <c>video-extension</c>, <c>audio</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<JobKind>))]
public enum JobKind
{
    /// <summary>Text (Cosmic).</summary>
    [JsonStringEnumMemberName("text")]
    Text,

    /// <summary>Images (Cosmic, Pixazo text-to-image, CometAPI).</summary>
    [JsonStringEnumMemberName("image")]
    Image,

    /// <summary>Video (Cosmic text/image-to-video, Pixazo image-to-video).</summary>
    [JsonStringEnumMemberName("video")]
    Video,

    /// <summary>An extension of an existing Cosmic video (<c>media_id</c>).</summary>
    [JsonStringEnumMemberName("video-extension")]
    VideoExtension,

    /// <summary>Speech (Cosmic text-to-speech).</summary>
    [JsonStringEnumMemberName("audio")]
    Audio,
}
