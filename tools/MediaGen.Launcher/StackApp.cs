namespace MediaGen.Launcher;

/// <summary>Which MediaGen app serves the stack's API.</summary>
public enum StackApp
{
    /// <summary>The standalone host (<c>src/MediaGen.Host</c>) on its own engine.</summary>
    Standalone,

    /// <summary>The Azure Functions app (<c>src/MediaGen.Functions</c>) under the stand-in Functions host.</summary>
    Functions,
}
