using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace EthicsCases.Data;

/// <summary>
/// INSERTs built from the EF model: the same tables, columns and value conversions as SaveChanges (each parameter is
/// made by the property's own type mapping), without the change tracker's per-entity cost. For bulk loads of new rows
/// only (the demo seeder); runs inside the context's current transaction.
/// </summary>
internal static class BulkInsert
{
    // PostgreSQL pays a round trip per statement, so rows go in multi-row statements of a few hundred parameters.
    private const int MaxParameters = 2_000;

    /// <summary>Inserts <paramref name="rows"/> as they are; database-generated identity keys are left to the database.</summary>
    public static async Task InsertAsync<T>(EthicsDbContext db, IReadOnlyCollection<T> rows, CancellationToken ct)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd && p.ClrType == typeof(long)))
            .Select(p => (Property: p, Name: p.GetColumnName(table)!, Mapping: p.GetRelationalTypeMapping(), Getter: p.GetGetter()))
            .ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))}) VALUES ";
        // SQLite runs in process: one prepared single-row statement, re-executed, is its fastest path (and its parameter
        // binding costs grow with the square of a statement's parameters).
        var rowsPerStatement = db.Database.IsSqlite() ? 1 : Math.Max(1, MaxParameters / columns.Count);

        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var chunk in rows.Chunk(rowsPerStatement))
        {
            if (command.CommandText.Length == 0 || chunk.Length != rowsPerStatement)
            {
                command.CommandText = Statement(head, columns.Count, chunk.Length);
            }

            command.Parameters.Clear();
            var n = 0;
            foreach (var row in chunk)
            {
                foreach (var column in columns)
                {
                    command.Parameters.Add(column.Mapping.CreateParameter(command, $"p{n++}", column.Getter.GetClrValue(row), column.Property.IsNullable));
                }
            }

            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static string Statement(string head, int columns, int rows)
    {
        var text = new StringBuilder(head);
        var n = 0;
        for (var r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns; c++)
            {
                text.Append(c == 0 ? "@p" : ", @p").Append(n++);
            }

            text.Append(')');
        }

        return text.ToString();
    }
}
