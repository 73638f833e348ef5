namespace MediaGen.Simulator.Media;

/// <summary>File formats the simulator can produce.</summary>
public enum MediaFormat
{
    /// <summary>image/png.</summary>
    Png,

    /// <summary>image/jpeg.</summary>
    Jpeg,

    /// <summary>image/webp (CometAPI's documented URL example is a .webp).</summary>
    Webp,

    /// <summary>video/mp4.</summary>
    Mp4,

    /// <summary>audio/mpeg.</summary>
    Mp3,

    /// <summary>application/octet-stream: filler only, for unknown extensions.</summary>
    Binary,
}
