namespace MediaGen.Simulator;

/// <summary>The providers the simulator imitates.</summary>
public enum SimulatedProvider
{
    /// <summary>Cosmic AI (<c>/v3/buckets/{slug}/ai/...</c>).</summary>
    Cosmic,

    /// <summary>Pixazo, NVIDIA Cosmos 3 Super (<c>/cosmos-3-super-.../v1/...-request</c>).</summary>
    Pixazo,

    /// <summary>CometAPI (<c>/v1/images/generations</c>).</summary>
    Comet,
}
