namespace MediaGen.Engine.Tests.Workflows;

/// <summary>An external event payload.</summary>
public sealed record Approval(string By, int Level);
