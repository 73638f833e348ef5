namespace MediaGen.Functions.Tests.Support;

/// <summary>
/// A setting the Functions host and the platform's scale controller look up by name: a binding expression
/// (<c>%Name%</c>) or a binding's <c>connection</c>.
/// </summary>
/// <param name="Source">The function (or <c>host.json</c>) that names it.</param>
/// <param name="BindingType">The binding's type (<c>queueTrigger</c>, <c>blobTrigger</c> …); <c>host.json</c> for host.json.</param>
/// <param name="Name">The setting name, or the connection name.</param>
/// <param name="IsConnection">True for a connection name (resolved from <c>Name</c> or <c>Name__*</c> settings).</param>
internal sealed record PlatformSettingReference(string Source, string BindingType, string Name, bool IsConnection)
{
    /// <inheritdoc />
    public override string ToString() => $"{(IsConnection ? "connection" : "%" + Name + "%")} of {Source} ({BindingType})" + (IsConnection ? $" '{Name}'" : "");
}
