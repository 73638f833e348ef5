using System.Collections.Frozen;
using System.Reflection;

namespace MediaGen.Core.Providers;

/// <summary>
/// The JSON names of enum members, read from their <see cref="JsonStringEnumMemberNameAttribute"/> (the member's own
/// name when it has none): the one place a wire name such as <c>video-extension</c> or <c>comet</c> is written down.
/// </summary>
public static class WireNames
{
    /// <summary>The wire name of <paramref name="value"/>.</summary>
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => Names<TEnum>.ByValue[value];

    /// <summary>The member whose wire name is exactly <paramref name="text"/>, or null.</summary>
    public static TEnum? Parse<TEnum>(string text)
        where TEnum : struct, Enum => Names<TEnum>.ByName.TryGetValue(text, out var value) ? value : null;

    private static class Names<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, string> ByValue = typeof(TEnum)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .ToFrozenDictionary(f => (TEnum)f.GetValue(null)!, f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? f.Name);

        public static readonly FrozenDictionary<string, TEnum> ByName =
            ByValue.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    }
}
