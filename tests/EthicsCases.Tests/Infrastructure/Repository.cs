namespace EthicsCases.Tests.Infrastructure;

/// <summary>Finds the repository (and the shared fixtures beside it) from the test's folder.</summary>
public static class Repository
{
    /// <summary>The folder holding EthicsCases.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The shared folder next to the repository (seeds and fixtures), when present.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EthicsCases.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("EthicsCases.sln not found above the test directory.");
    }
}
