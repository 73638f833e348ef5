using System.Runtime.CompilerServices;

// The provider tests check internal parsing limits (bounded base64 buffers) that have no public surface.
[assembly: InternalsVisibleTo("MediaGen.Core.Tests")]
