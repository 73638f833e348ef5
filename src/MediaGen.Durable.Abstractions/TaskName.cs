namespace MediaGen.Durable;

/// <summary>
/// The name of an orchestrator or activity. Pass <c>nameof(MyOrchestrator)</c>: registration uses the
/// class name, so a rename is a compile error rather than a stuck instance.
/// </summary>
/// <param name="Name">The registered name.</param>
public readonly record struct TaskName(string Name)
{
    /// <summary>Converts a string to a task name.</summary>
    public static implicit operator TaskName(string name) => new(name);

    /// <summary>Converts a task name to its string.</summary>
    public static implicit operator string(TaskName name) => name.Name;

    /// <inheritdoc />
    public override string ToString() => Name;
}
