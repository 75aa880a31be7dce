namespace EthicsCases.Tests.Domain.Filings;

/// <summary>Finds the shared fixtures next to the repository (../shared from the repo root) without copying them in.</summary>
internal static class FilingFixtures
{
    private static readonly Lazy<string> Shared = new(FindShared);

    public static string SharedDirectory => Shared.Value;

    public static string Form4(string fileName) => Path.Combine(SharedDirectory, "fixtures", "form4", fileName);

    public static string Seed(string fileName) => Path.Combine(SharedDirectory, "seeds", fileName);

    public static byte[] Bytes(string fileName) => File.ReadAllBytes(Form4(fileName));

    private static string FindShared()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "fixtures", "form4"))) return candidate;
        }

        throw new DirectoryNotFoundException(
            $"No shared/fixtures/form4 above {TestContext.CurrentContext.TestDirectory}: the repository must sit next to shared/.");
    }
}
