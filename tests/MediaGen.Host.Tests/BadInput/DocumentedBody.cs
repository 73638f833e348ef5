namespace MediaGen.Host.Tests.BadInput;

/// <summary>A valid request body as the docs show it, and every field of it the mutations target.</summary>
/// <param name="Route">Where it is sent, e.g. <c>/api/jobs</c>.</param>
/// <param name="Name">Which body this is, for the case descriptions (e.g. <c>pixazo image</c>).</param>
/// <param name="Json">The valid body.</param>
/// <param name="Fields">Its fields, including documented ones the body leaves out (the mutations add them).</param>
/// <param name="StrictRoot">Whether the body refuses a top-level member it does not know (a provider's webhook does not).</param>
public sealed record DocumentedBody(string Route, string Name, string Json, IReadOnlyList<FieldSpec> Fields, bool StrictRoot = true)
{
    /// <summary>The body, parsed.</summary>
    public JsonNode Node => JsonNode.Parse(Json)!;
}
