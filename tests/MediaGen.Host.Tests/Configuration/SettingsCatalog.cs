using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace MediaGen.Host.Tests.Configuration;

/// <summary>
/// Every setting MediaGen's code binds: each options class (a class with a public
/// <c>const string SectionName</c>) in the MediaGen assemblies, expanded to flat keys in the
/// environment-variable form the Functions host uses (<c>Section__Property</c>).
/// </summary>
internal static class SettingsCatalog
{
    public static IReadOnlyList<Type> OptionsTypes() =>
        Directory.GetFiles(AppContext.BaseDirectory, "MediaGen.*.dll")
            .Where(path => !Path.GetFileName(path).Contains(".Tests", StringComparison.Ordinal)
                        && !Path.GetFileName(path).StartsWith("MediaGen.Testing", StringComparison.Ordinal))
            .Select(path => Assembly.LoadFrom(path))
            .SelectMany(assembly => assembly.GetExportedTypes())
            .Where(type => type is { IsClass: true, IsAbstract: false } && SectionOf(type) is not null)
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .ToList();

    public static string? SectionOf(Type type) =>
        type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field
            && field.FieldType == typeof(string)
            ? (string?)field.GetRawConstantValue()
            : null;

    public static IEnumerable<string> KeysOf(Type type) => KeysOf(type, SectionOf(type) ?? "", depth: 0);

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
