using System.Text.Json.Nodes;

namespace MediaGen.Bench.FunctionsOverhead;

/// <summary>The benchmark's jobs: images, one provider after another (Cosmic and CometAPI answer at once, Pixazo by webhook), each with a callback.</summary>
internal static class JobMix
{
    /// <summary>The providers, in turn.</summary>
    public static readonly IReadOnlyList<string> Providers = ["cosmic", "comet", "pixazo"];

    /// <summary>Job <paramref name="index"/>'s request.</summary>
    public static JsonObject Job(int index, string prompt, Uri callbackUrl) => new()
    {
        ["kind"] = "image",
        ["provider"] = Providers[index % Providers.Count],
        ["params"] = new JsonObject { ["prompt"] = prompt },
        ["callbackUrl"] = callbackUrl.ToString(),
    };
}
