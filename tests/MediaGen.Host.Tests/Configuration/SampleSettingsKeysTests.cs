namespace MediaGen.Host.Tests.Configuration;

/// <summary>Merges of branches that each add their settings must not leave a key listed twice.</summary>
public sealed class SampleSettingsKeysTests
{
    [Fact]
    public void LocalSettingsSample_Values_HaveNoDuplicateKeys()
    {
        var reader = new Utf8JsonReader(File.ReadAllBytes(RepoPaths.Combine("local.settings.sample.json")), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var keys = new List<string>();
        var depth = 0;
        while (reader.Read())
        {
            depth += reader.TokenType switch { JsonTokenType.StartObject => 1, JsonTokenType.EndObject => -1, _ => 0 };
            if (reader.TokenType == JsonTokenType.PropertyName && depth == 2)
            {
                keys.Add(reader.GetString()!);
            }
        }

        var duplicates = keys.GroupBy(k => k, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(keys.Count > 20, "the Values were read");
        Assert.True(duplicates.Count == 0, "listed twice: " + string.Join(", ", duplicates));
    }
}
