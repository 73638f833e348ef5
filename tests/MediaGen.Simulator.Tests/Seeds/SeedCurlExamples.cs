namespace MediaGen.Simulator.Tests.Seeds;

/// <summary>
/// Finds and parses the cURL examples in the provider documents (<c>../shared/seeds</c> next to the
/// repository, or <c>MEDIAGEN_SEEDS_DIR</c>). Parsing happens at test time, so an edited document
/// is replayed as written.
/// </summary>
internal static class SeedCurlExamples
{
    /// <summary>What the shell would have in its environment when a reader runs the examples.</summary>
    public static readonly IReadOnlyDictionary<string, string> Environment = new Dictionary<string, string>
    {
        ["BUCKET_SLUG"] = "docs-bucket",
        ["BUCKET_WRITE_KEY"] = "docs-write-key",
    };

    private static readonly Lazy<IReadOnlyList<CurlCommand>> LazyAll = new(Load);

    public static IReadOnlyList<CurlCommand> All => LazyAll.Value;

    public static string Directory
    {
        get
        {
            var configured = System.Environment.GetEnvironmentVariable("MEDIAGEN_SEEDS_DIR");
            var dir = !string.IsNullOrEmpty(configured) ? configured : Path.GetFullPath(Path.Combine(MediaGen.Launcher.RepoPaths.Root, "..", "shared", "seeds"));
            return System.IO.Directory.Exists(dir)
                ? dir
                : throw new DirectoryNotFoundException($"Provider documents not found at {dir}; set MEDIAGEN_SEEDS_DIR to the seeds folder.");
        }
    }

    public static CurlCommand Find(string seed, int index) => All.Single(c => c.Seed == seed && c.Index == index);

    /// <summary>Splits the text into commands: a line starting with <c>curl</c>, continued while a quote is open or the line ends in a backslash.</summary>
    public static IReadOnlyList<CurlCommand> Parse(string seed, string text)
    {
        var commands = new List<CurlCommand>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].TrimStart().StartsWith("curl ", StringComparison.Ordinal))
            {
                continue;
            }

            var command = new StringBuilder(lines[i].TrimStart());
            while (Incomplete(command.ToString()) && i + 1 < lines.Length)
            {
                command.Append('\n').Append(lines[++i]);
            }

            commands.Add(ToCommand(seed, commands.Count, Words(command.ToString())));
        }

        return commands;
    }

    private static IReadOnlyList<CurlCommand> Load() =>
        [.. System.IO.Directory.GetFiles(Directory, "*.txt").Order(StringComparer.Ordinal)
            .SelectMany(path => Parse(Path.GetFileName(path), File.ReadAllText(path)))];

    private static bool Incomplete(string command)
    {
        char? quote = null;
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            if (quote is null && c is '\'' or '"')
            {
                quote = c;
            }
            else if (quote == c && (c == '\'' || command[i - 1] != '\\'))
            {
                quote = null;
            }
        }

        return quote is not null || command.TrimEnd().EndsWith('\\');
    }

    /// <summary>Shell word splitting with quotes, escapes, line continuations and <c>${VAR}</c> expansion outside single quotes.</summary>
    private static List<string> Words(string command)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            switch (c)
            {
                case '\\' when i + 1 < command.Length && command[i + 1] == '\n':
                    i++; // line continuation
                    break;
                case '\'':
                    var end = command.IndexOf('\'', i + 1);
                    word.Append(command, i + 1, end - i - 1);
                    i = end;
                    inWord = true;
                    break;
                case '"':
                    i++;
                    for (; command[i] != '"'; i++)
                    {
                        if (command[i] == '\\' && command[i + 1] is '"' or '\\' or '$')
                        {
                            i++;
                            word.Append(command[i]);
                        }
                        else if (command[i] == '$')
                        {
                            i = Expand(command, i, word);
                        }
                        else
                        {
                            word.Append(command[i]);
                        }
                    }

                    inWord = true;
                    break;
                case '$':
                    i = Expand(command, i, word);
                    inWord = true;
                    break;
                case ' ' or '\t' or '\n':
                    if (inWord)
                    {
                        words.Add(word.ToString());
                        word.Clear();
                        inWord = false;
                    }

                    break;
                default:
                    word.Append(c);
                    inWord = true;
                    break;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    private static int Expand(string command, int dollar, StringBuilder word)
    {
        if (dollar + 1 < command.Length && command[dollar + 1] == '{')
        {
            var close = command.IndexOf('}', dollar);
            var name = command[(dollar + 2)..close];
            word.Append(Environment.TryGetValue(name, out var value) ? value : "");
            return close;
        }

        word.Append('$');
        return dollar;
    }

    private static CurlCommand ToCommand(string seed, int index, List<string> words)
    {
        string? method = null, url = null, body = null;
        var headers = new List<(string, string)>();
        for (var i = 1; i < words.Count; i++)
        {
            switch (words[i])
            {
                case "-X" or "--request":
                    method = words[++i];
                    break;
                case "-H" or "--header":
                    var header = words[++i];
                    var colon = header.IndexOf(':', StringComparison.Ordinal);
                    headers.Add((header[..colon].Trim(), header[(colon + 1)..].Trim()));
                    break;
                case "-d" or "--data" or "--data-raw" or "--data-binary":
                    body = words[++i];
                    break;
                case "--url":
                    url = words[++i];
                    break;
                case var flag when flag.StartsWith('-'):
                    break; // --no-buffer, -s…: no effect on the request
                default:
                    url ??= words[i];
                    break;
            }
        }

        return new CurlCommand(seed, index, method ?? (body is null ? "GET" : "POST"), url!, headers, body);
    }
}
