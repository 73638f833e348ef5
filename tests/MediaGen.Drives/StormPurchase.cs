namespace MediaGen.Drives;

/// <summary>How a job type buys: what the storm counts for it.</summary>
public enum StormPurchase
{
    /// <summary>A cheap synchronous call (Cosmic text, image, audio; CometAPI image).</summary>
    Cheap,

    /// <summary>A Cosmic video: never bought twice.</summary>
    Video,

    /// <summary>A Pixazo submit: one per job, plus the documented ERROR resubmits.</summary>
    Pixazo,
}
