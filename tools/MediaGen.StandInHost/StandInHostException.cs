namespace MediaGen.StandInHost;

/// <summary>The stand-in host cannot start: a bad command line, settings file, app folder, extension or function. Its message is for the user.</summary>
public sealed class StandInHostException : Exception
{
    /// <summary>A start-up failure with a message for the user.</summary>
    public StandInHostException(string message)
        : base(message)
    {
    }

    /// <summary>A start-up failure caused by <paramref name="inner"/>.</summary>
    public StandInHostException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
