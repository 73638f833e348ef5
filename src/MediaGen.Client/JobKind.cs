namespace MediaGen.Client;

/// <summary>What a job generates.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<JobKind>))]
public enum JobKind
{
    /// <summary><c>text</c>.</summary>
    [JsonStringEnumMemberName("text")]
    Text,

    /// <summary><c>image</c>.</summary>
    [JsonStringEnumMemberName("image")]
    Image,

    /// <summary><c>video</c>.</summary>
    [JsonStringEnumMemberName("video")]
    Video,

    /// <summary><c>video-extension</c>.</summary>
    [JsonStringEnumMemberName("video-extension")]
    VideoExtension,

    /// <summary><c>audio</c>.</summary>
    [JsonStringEnumMemberName("audio")]
    Audio,
}
