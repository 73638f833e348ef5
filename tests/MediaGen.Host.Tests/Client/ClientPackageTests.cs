using System.Diagnostics;
using System.IO.Compression;

namespace MediaGen.Host.Tests.Client;

/// <summary><c>dotnet pack</c> makes the client a NuGet package with its README and its documented assembly.</summary>
public sealed class ClientPackageTests
{
    [Fact]
    public async Task DotnetPack_Client_MakesAPackageWithItsReadmeAndAssembly()
    {
        var output = Directory.CreateTempSubdirectory("mediagen-client-pack-");
        try
        {
            var project = RepoPaths.Combine("src", "MediaGen.Client", "MediaGen.Client.csproj");
            var start = new ProcessStartInfo("dotnet", ["pack", project, "-c", "Release", "--no-restore", "-o", output.FullName, "-v", "quiet", "--nologo"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var pack = Process.Start(start)!;
            var stdout = pack.StandardOutput.ReadToEndAsync();
            var stderr = pack.StandardError.ReadToEndAsync();
            await pack.WaitForExitAsync().WaitAsync(Waits.HangGuard);
            Assert.True(pack.ExitCode == 0, $"dotnet pack failed: {await stdout}{await stderr}");

            var package = Assert.Single(output.GetFiles("MediaGen.Client.*.nupkg"));
            using var zip = ZipFile.OpenRead(package.FullName);
            var entries = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("README.md", entries);
            Assert.Contains("lib/net10.0/MediaGen.Client.dll", entries);
            Assert.Contains("lib/net10.0/MediaGen.Client.xml", entries);
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }
}
