using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace MediaGen.Testing;

/// <summary>
/// Every setting MediaGen's code binds: each options class (a class with a public <c>const string SectionName</c>, or
/// <c>ConfigurationSection</c> for a base class the hosts share) in the MediaGen assemblies, expanded to flat keys in the
/// environment-variable form the Functions host uses (<c>Section__Property</c>; a nested section such as
/// <c>Api:RateLimit</c> becomes <c>Api__RateLimit__Property</c>).
/// </summary>
public static class SettingsCatalog
{
    private static readonly string[] SectionFields = ["SectionName", "ConfigurationSection"];

    /// <summary>The options classes of every MediaGen assembly beside the test (not the tests' own).</summary>
    public static IReadOnlyList<Type> OptionsTypes() =>
        OptionsTypes(Directory.GetFiles(AppContext.BaseDirectory, "MediaGen.*.dll")
            .Where(path => !Path.GetFileName(path).Contains(".Tests", StringComparison.Ordinal)
                        && !Path.GetFileName(path).StartsWith("MediaGen.Testing", StringComparison.Ordinal))
            .Select(path => Assembly.LoadFrom(path)));

    /// <summary>The options classes of <paramref name="assemblies"/>.</summary>
    public static IReadOnlyList<Type> OptionsTypes(IEnumerable<Assembly> assemblies) =>
        assemblies
            .SelectMany(assembly => assembly.GetExportedTypes())
            .Where(type => type is { IsClass: true, IsAbstract: false } && SectionOf(type) is not null)
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .ToList();

    /// <summary>The configuration section <paramref name="type"/> declares, or null when it is not an options class.</summary>
    public static string? SectionOf(Type type) =>
        SectionFields
            .Select(name => type.GetField(name, BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .FirstOrDefault(field => field is { IsLiteral: true } && field.FieldType == typeof(string)) is { } section
            ? (string?)section.GetRawConstantValue()
            : null;

    /// <summary>The flat keys (<c>Section__Property</c>, nested classes expanded) <paramref name="type"/> binds.</summary>
    public static IEnumerable<string> KeysOf(Type type) =>
        KeysOf(type, (SectionOf(type) ?? "").Replace(":", "__", StringComparison.Ordinal), depth: 0);

    private static IEnumerable<string> KeysOf(Type type, string prefix, int depth)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is not { IsPublic: true } || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var name = property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? property.Name;
            var key = prefix.Length == 0 ? name : prefix + "__" + name;
            if (IsComplex(property.PropertyType) && depth < 4)
            {
                foreach (var nested in KeysOf(property.PropertyType, key, depth + 1))
                {
                    yield return nested;
                }
            }
            else
            {
                yield return key;
            }
        }
    }

    private static bool IsComplex(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsClass
            && type != typeof(string)
            && type != typeof(Uri)
            && !type.IsArray
            && !typeof(System.Collections.IEnumerable).IsAssignableFrom(type);
    }
}
