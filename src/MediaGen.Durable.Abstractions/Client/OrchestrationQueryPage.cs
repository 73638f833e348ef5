namespace MediaGen.Durable.Client;

/// <summary>One page of a query: the instances and where the next page starts.</summary>
/// <param name="Instances">The matching instances of this page.</param>
/// <param name="ContinuationToken">Pass in the next query for the next page; null when this is the last.</param>
public sealed record OrchestrationQueryPage(IReadOnlyList<OrchestrationMetadata> Instances, string? ContinuationToken);
