using System.Text.Encodings.Web;
using System.Text.Json.Serialization.Metadata;

namespace MediaGen.Simulator;

/// <summary>The simulator's serializer settings, shared with test helpers that read its admin API.</summary>
public static class SimulatorJson
{
    /// <summary>
    /// snake_case, source-generated, web defaults; quotes and non-ASCII written as-is (like the
    /// providers' Node and Python servers) instead of <c>\u0022</c> escapes.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new(SimulatorJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = SimulatorJsonContext.Default,
    };

    /// <summary>Serializes with <see cref="Options"/>.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T)));
}
