namespace MediaGen.Functions;

/// <summary>
/// Says how this assembly was built: the Functions triggers are compiled only with
/// <c>-p:BuildFunctions=true</c>, because their packages need the full NuGet feed.
/// </summary>
public static class FunctionsBuildSwitch
{
    /// <summary>The MSBuild property that compiles the Functions app.</summary>
    public const string PropertyName = "BuildFunctions";
}
