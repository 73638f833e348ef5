namespace MediaGen.Api.Jobs;

/// <summary>
/// The <c>wait</c> preference of RFC 7240 on the start routes: <c>Prefer: wait</c> (60 s) or <c>Prefer: wait=N</c>
/// (1–60 s) asks to answer with the finished job when it ends within that time. Other preferences are ignored, as the
/// RFC says; a <c>wait</c> that is not a whole number of seconds in range is refused (400), so a caller is never
/// silently given a shorter wait than it asked for.
/// </summary>
public static class PreferWait
{
    /// <summary>The header.</summary>
    public const string Header = "Prefer";

    /// <summary>The answer's header naming the preference honoured, e.g. <c>wait=10</c>.</summary>
    public const string AppliedHeader = "Preference-Applied";

    /// <summary>The longest wait, and the wait of a bare <c>wait</c>, in seconds.</summary>
    public const int MaxSeconds = 60;

    /// <summary>
    /// The wait <paramref name="headers"/> ask for: null when they ask none. A malformed or out-of-range <c>wait</c> is an
    /// error naming the header.
    /// </summary>
    /// <exception cref="RequestValidationException">The <c>wait</c> preference is not 1–60 whole seconds.</exception>
    public static TimeSpan? Parse(IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        TimeSpan? wait = null;
        foreach (var value in headers[Header])
        {
            foreach (var preference in (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                // A preference may carry parameters after ';' (none is defined for wait); its name is case-insensitive.
                var token = preference.Split(';', 2)[0].Trim();
                var parts = token.Split('=', 2, StringSplitOptions.TrimEntries);
                if (!parts[0].Equals("wait", StringComparison.OrdinalIgnoreCase) || wait is not null)
                {
                    continue;
                }

                if (parts.Length == 1)
                {
                    wait = TimeSpan.FromSeconds(MaxSeconds);
                    continue;
                }

                var text = parts[1].Trim('"');
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds is < 1 or > MaxSeconds)
                {
                    throw new RequestValidationException(
                        [new ValidationError(Header, "range", $"wait must be a whole number of seconds from 1 to {MaxSeconds} (was '{parts[1]}')")]);
                }

                wait = TimeSpan.FromSeconds(seconds);
            }
        }

        return wait;
    }
}
