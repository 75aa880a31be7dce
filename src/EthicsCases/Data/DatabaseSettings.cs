using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace EthicsCases.Data;

/// <summary>The two supported database providers.</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded default: one file, WAL mode.</summary>
    Sqlite,

    /// <summary>For scale-out.</summary>
    PostgreSql,
}

/// <summary>Which database to use, from configuration; the web app and the CLI share the defaults.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>Name of the SQLite migrations assembly.</summary>
    public const string SqliteMigrations = "EthicsCases.Migrations.Sqlite";

    /// <summary>Name of the PostgreSQL migrations assembly.</summary>
    public const string PostgreSqlMigrations = "EthicsCases.Migrations.PostgreSql";

    /// <summary>
    /// The data folder: <c>Data:Directory</c>, else <c>$ETHICS_DATA_DIR</c>, else the user's local application data.
    /// It holds the SQLite file, the local signing key and stored documents.
    /// </summary>
    public static string DataDirectory(IConfiguration? configuration = null)
    {
        var configured = configuration?["Data:Directory"] ?? Environment.GetEnvironmentVariable("ETHICS_DATA_DIR");
        var dir = !string.IsNullOrWhiteSpace(configured)
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "EthicsCases");
        CreatePrivateDirectory(dir);
        return dir;
    }

    /// <summary>
    /// Creates a folder (and any missing parents) readable by its owner only: the data folder holds the database and,
    /// in Development, the keys. A folder that exists is left as it is.
    /// </summary>
    public static void CreatePrivateDirectory(string path)
    {
        if (Directory.Exists(path))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>Reads <c>Database:Provider</c> and <c>ConnectionStrings:Ethics</c>.</summary>
    public static DatabaseSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var providerText = configuration["Database:Provider"];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText) && !Enum.TryParse(providerText, ignoreCase: true, out provider))
        {
            throw new InvalidOperationException($"Database:Provider '{providerText}' is not supported; use Sqlite or PostgreSql.");
        }

        return Create(provider, configuration.GetConnectionString("Ethics"), configuration);
    }

    /// <summary>
    /// Builds settings from an explicit connection (the CLI's <c>--db</c>): a PostgreSQL connection string
    /// (<c>Host=...</c>) selects PostgreSQL, a SQLite one or a bare file path selects SQLite.
    /// </summary>
    public static DatabaseSettings FromConnection(string connection, DatabaseProvider? provider = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var looksLikePostgres = connection.Contains("Host=", StringComparison.OrdinalIgnoreCase)
            || connection.Contains("Server=", StringComparison.OrdinalIgnoreCase);
        return Create(provider ?? (looksLikePostgres ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite), connection, null);
    }

    private static DatabaseSettings Create(DatabaseProvider provider, string? connection, IConfiguration? configuration)
    {
        if (provider == DatabaseProvider.PostgreSql)
        {
            return string.IsNullOrWhiteSpace(connection)
                ? throw new InvalidOperationException("Database:Provider is PostgreSql but ConnectionStrings:Ethics is empty.")
                : new DatabaseSettings(provider, connection);
        }

        var sqlite = string.IsNullOrWhiteSpace(connection)
            ? $"Data Source={Path.Combine(DataDirectory(configuration), "ethics.db")}"
            : connection.Contains('=', StringComparison.Ordinal) ? connection : $"Data Source={connection}";
        var builder = new SqliteConnectionStringBuilder(sqlite) { ForeignKeys = true };
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder) && builder.DataSource != ":memory:")
        {
            CreatePrivateDirectory(folder);
        }

        return new DatabaseSettings(provider, builder.ToString());
    }

    // SQLite gives its WAL and shared-memory files the database file's permissions: creating the file 0600 before SQLite
    // does keeps all three readable by the owner only.
    /// <summary>Creates the SQLite file owner-only (0600) if it does not exist yet, before SQLite creates it.</summary>
    public void CreatePrivately()
    {
        if (Provider == DatabaseProvider.Sqlite && new SqliteConnectionStringBuilder(ConnectionString).DataSource is { Length: > 0 } path && path != ":memory:")
        {
            CreatePrivately(path);
        }
    }

    private static void CreatePrivately(string path)
    {
        if (OperatingSystem.IsWindows() || File.Exists(path))
        {
            return;
        }

        try
        {
            using var _ = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
        catch (IOException) when (File.Exists(path))
        {
            // Created by another process first.
        }
    }

    /// <summary>
    /// Configures a context for this provider with its migrations assembly and, outside the EF tools, the provider's
    /// compiled model (<c>migrations/optimize.sh</c>), so that no process builds the model at start.
    /// </summary>
    public void Configure(DbContextOptionsBuilder options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _ = Provider == DatabaseProvider.PostgreSql
            ? options.UseNpgsql(ConnectionString, o => o.MigrationsAssembly(PostgreSqlMigrations))
            : options.UseSqlite(ConnectionString, o => o.MigrationsAssembly(SqliteMigrations)).AddInterceptors(SqliteWriteGate.Instance);
        if (!EF.IsDesignTime && CompiledModel(Provider) is { } model)
        {
            options.UseModel(model);
        }
    }

    /// <summary>
    /// The provider's compiled model, generated into its migrations assembly by <c>migrations/optimize.sh</c>; null when
    /// that assembly is not deployed (the model is then built at first use). <c>CompiledModelTests</c> fails when it no
    /// longer matches the model the configuration builds.
    /// </summary>
    public static Microsoft.EntityFrameworkCore.Metadata.IModel? CompiledModel(DatabaseProvider provider) =>
        provider == DatabaseProvider.PostgreSql ? PostgreSqlModel.Value : SqliteModel.Value;

    private static readonly Lazy<Microsoft.EntityFrameworkCore.Metadata.IModel?> SqliteModel = new(() => LoadCompiledModel(SqliteMigrations));

    private static readonly Lazy<Microsoft.EntityFrameworkCore.Metadata.IModel?> PostgreSqlModel = new(() => LoadCompiledModel(PostgreSqlMigrations));

    private static Microsoft.EntityFrameworkCore.Metadata.IModel? LoadCompiledModel(string assembly) =>
        Type.GetType($"{assembly}.CompiledModel.EthicsDbContextModel, {assembly}")
            ?.GetProperty("Instance", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            ?.GetValue(null) as Microsoft.EntityFrameworkCore.Metadata.IModel;

    /// <summary>Where the data lives, without credentials, for messages.</summary>
    public string Describe() => Provider == DatabaseProvider.Sqlite
        ? $"SQLite {new SqliteConnectionStringBuilder(ConnectionString).DataSource}"
        : "PostgreSQL";
}
