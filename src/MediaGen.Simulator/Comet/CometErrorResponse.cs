namespace MediaGen.Simulator.Comet;

/// <summary><c>{"error": {…}}</c> envelope of a CometAPI error.</summary>
public sealed record CometErrorResponse(CometError Error);
