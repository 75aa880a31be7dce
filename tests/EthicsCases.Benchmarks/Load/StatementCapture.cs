using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EthicsCases.Benchmarks.Load;

/// <summary>One SQL command as EF sent it: its text and its parameters' values.</summary>
public sealed record CapturedStatement(string Sql, IReadOnlyList<(string Name, DbType Type, object? Value)> Parameters)
{
    public bool IsWrite => !Sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
        && !Sql.TrimStart().StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Records every command EF executes while <see cref="Enabled"/>, with the parameter values.</summary>
public sealed class StatementCapture : DbCommandInterceptor
{
    private readonly List<CapturedStatement> _statements = [];

    public bool Enabled { get; set; }

    public IReadOnlyList<CapturedStatement> Statements
    {
        get
        {
            lock (_statements)
            {
                return [.. _statements];
            }
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result,
        CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command)
    {
        if (!Enabled)
        {
            return;
        }

        var parameters = command.Parameters.Cast<DbParameter>()
            .Select(p => (p.ParameterName, p.DbType, p.Value is DBNull ? null : p.Value))
            .ToList();
        lock (_statements)
        {
            _statements.Add(new CapturedStatement(command.CommandText, parameters));
        }
    }
}
