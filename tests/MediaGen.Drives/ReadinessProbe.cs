namespace MediaGen.Drives;

/// <summary>One readiness probe of <see cref="ReadinessWatch"/>: asked at <paramref name="Asked"/>, answered at <paramref name="Answered"/> with <paramref name="Status"/> (null: no answer).</summary>
public sealed record ReadinessProbe(DateTimeOffset Asked, DateTimeOffset Answered, int? Status);
