namespace MediaGen.Durable.Client;

/// <summary>What a purge deleted.</summary>
/// <param name="PurgedInstanceCount">How many instances were deleted.</param>
public sealed record PurgeResult(int PurgedInstanceCount);
