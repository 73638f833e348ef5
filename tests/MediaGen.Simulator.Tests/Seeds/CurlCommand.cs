namespace MediaGen.Simulator.Tests.Seeds;

/// <summary>One cURL example from a provider document, parsed the way a shell would pass it to curl.</summary>
/// <param name="Seed">File name of the document.</param>
/// <param name="Index">0-based position among the document's cURL examples.</param>
/// <param name="Method">HTTP method (<c>-X</c>, else POST with a body, else GET).</param>
/// <param name="Url">The URL as written.</param>
/// <param name="Headers">Headers as <c>Name: value</c>.</param>
/// <param name="Body">The <c>-d</c> / <c>--data</c> body, if any.</param>
public sealed record CurlCommand(string Seed, int Index, string Method, string Url, IReadOnlyList<(string Name, string Value)> Headers, string? Body);
