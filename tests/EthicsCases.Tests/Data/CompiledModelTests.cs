using EthicsCases.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EthicsCases.Tests.Data;

/// <summary>
/// The app loads each provider's compiled EF model instead of building the model at start (cold start, issue 10). A
/// compiled model is generated code: when the model changes and <c>migrations/optimize.sh</c> was not run, it no longer
/// matches, and these tests say so, entity by entity, before the app reads or writes with a stale mapping.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class CompiledModelTests(DatabaseProvider provider)
{
    [Test]
    public void The_compiled_model_is_the_one_the_configuration_builds()
    {
        var compiled = DatabaseSettings.CompiledModel(provider);
        Assert.That(compiled, Is.Not.Null, "the migrations assembly holds a compiled model");

        var built = Describe(BuiltModel());
        var loaded = Describe(compiled!);

        Assert.That(built, Has.Count.GreaterThan(200), "the description covers the model");
        Assert.That(loaded, Is.EqualTo(built), "the compiled model is stale: run migrations/optimize.sh");
    }

    [Test]
    public void Contexts_of_the_app_use_the_compiled_model()
    {
        var options = new DbContextOptionsBuilder<EthicsDbContext>();
        Settings().Configure(options);
        using var db = new EthicsDbContext(options.Options);

        Assert.That(((IModel)db.Model).GetType().Namespace, Is.EqualTo($"{(provider == DatabaseProvider.Sqlite ? DatabaseSettings.SqliteMigrations : DatabaseSettings.PostgreSqlMigrations)}.CompiledModel"));
    }

    // The model the configuration builds, with the provider's conventions, without the compiled one.
    private IModel BuiltModel()
    {
        var options = new DbContextOptionsBuilder<EthicsDbContext>();
        _ = provider == DatabaseProvider.PostgreSql
            ? options.UseNpgsql("Host=unused", o => o.MigrationsAssembly(DatabaseSettings.PostgreSqlMigrations))
            : options.UseSqlite("Data Source=:memory:", o => o.MigrationsAssembly(DatabaseSettings.SqliteMigrations));
        using var db = new EthicsDbContext(options.Options);
        return db.Model;
    }

    private DatabaseSettings Settings() => provider == DatabaseProvider.PostgreSql
        ? DatabaseSettings.FromConnection("Host=unused;Database=unused")
        : DatabaseSettings.FromConnection(Path.Combine(Path.GetTempPath(), $"compiled-{Guid.NewGuid():N}.db"));

    // Everything the mapping depends on, one line per fact, in a stable order.
    private static List<string> Describe(IModel model)
    {
        var lines = new List<string>();
        foreach (var e in model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            lines.Add($"{e.Name} table={e.GetTableName()} owned={e.IsOwned()} base={e.BaseType?.Name}");
            foreach (var p in e.GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                lines.Add($"  {e.Name}.{p.Name} {p.ClrType.Name} column={p.GetColumnName()} store={p.GetColumnType()} null={p.IsNullable} max={p.GetMaxLength()} " +
                          $"precision={p.GetPrecision()},{p.GetScale()} converter={(p.GetValueConverter() is { } c ? $"{c.ModelClrType.Name}->{c.ProviderClrType.Name}" : "")} " +
                          $"provider={p.GetProviderClrType()?.Name} concurrency={p.IsConcurrencyToken} generated={p.ValueGenerated} " +
                          $"default={p.GetDefaultValue()}|{p.GetDefaultValueSql()} field={p.FieldInfo?.Name} access={p.GetPropertyAccessMode()}");
            }

            lines.AddRange(e.GetKeys().Select(k => $"  {e.Name} key {string.Join(",", k.Properties.Select(p => p.Name))} primary={k.IsPrimaryKey()}").Order(StringComparer.Ordinal));
            lines.AddRange(e.GetIndexes().Select(i => $"  {e.Name} index {i.GetDatabaseName()} ({string.Join(",", i.Properties.Select(p => p.Name))}) unique={i.IsUnique} filter={i.GetFilter()}").Order(StringComparer.Ordinal));
            lines.AddRange(e.GetForeignKeys().Select(f => $"  {e.Name} fk ({string.Join(",", f.Properties.Select(p => p.Name))}) -> {f.PrincipalEntityType.Name} delete={f.DeleteBehavior} required={f.IsRequired} unique={f.IsUnique}").Order(StringComparer.Ordinal));
            lines.AddRange(e.GetNavigations().Select(n => $"  {e.Name} navigation {n.Name} -> {n.TargetEntityType.Name} collection={n.IsCollection} eager={n.IsEagerLoaded}").Order(StringComparer.Ordinal));
            lines.AddRange(e.GetSkipNavigations().Select(n => $"  {e.Name} skip {n.Name} -> {n.TargetEntityType.Name}").Order(StringComparer.Ordinal));
            lines.AddRange(e.GetComplexProperties().Select(c => $"  {e.Name} complex {c.Name} {c.ClrType.Name}").Order(StringComparer.Ordinal));
        }

        var sequences = model.GetSequences().Select(s => $"sequence {s.Schema}.{s.Name} {s.Type.Name} start={s.StartValue}").Order(StringComparer.Ordinal);
        lines.AddRange(sequences);
        return lines;
    }
}
