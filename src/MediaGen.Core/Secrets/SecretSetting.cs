namespace MediaGen.Core.Secrets;

/// <summary>One secret setting of the app, by its app-setting name (never its value), and its state.</summary>
/// <param name="Name">The app-setting name, e.g. <c>Pixazo__SubscriptionKey</c>.</param>
/// <param name="State">Whether it holds a usable value.</param>
/// <param name="Required">Whether the app counts as not ready while it is missing (an unresolved reference always counts).</param>
public sealed record SecretSetting(string Name, SecretState State, bool Required)
{
    /// <summary>The setting named <paramref name="name"/> holding <paramref name="value"/>.</summary>
    public static SecretSetting Of(string name, string? value, bool required = true) => new(name, SecretValue.StateOf(value), required);

    /// <summary>Whether it keeps the app from being ready: an unresolved reference, or a required setting that is missing.</summary>
    public bool IsNotConfigured => State == SecretState.Unresolved || (State == SecretState.Missing && Required);

    /// <summary>What is wrong with it, naming it; null when it is usable.</summary>
    public string? Problem => SecretValue.Describe(Name, State);
}
