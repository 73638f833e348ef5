namespace MediaGen.Core.Tests.Media;

/// <summary>The media test classes share one <see cref="MediaTestEnvironment"/>.</summary>
[CollectionDefinition(MediaTestEnvironment.Name)]
public sealed class MediaTestCollection : ICollectionFixture<MediaTestEnvironment>;
