using Mediator;

namespace EthicsCases.Common;

/// <summary>
/// How many commands run at once in this process. On SQLite every write queues for its one writer anyway
/// (<see cref="Data.SqliteWriteGate"/>); letting every request in at once only makes the writer's holder share the
/// processors with the requests queued behind it, so that it holds the writer longer. Measured at 1M cases with 32
/// connections on 2 cores (docs/performance.md): with 4 commands at a time the writer's median hold fell from 11 ms to
/// 8.2–8.6 ms and peak <c>VmHWM</c> from 343–362 MB to 309–330 MB; throughput stayed within the run-to-run spread. Queries
/// are never held back, and a command sent from inside a command passes (no permit is taken twice).
/// </summary>
public sealed class WriteAdmission(int limit)
{
    private static readonly AsyncLocal<bool> Admitted = new();
    private readonly SemaphoreSlim? _permits = limit > 0 ? new SemaphoreSlim(limit, limit) : null;

    /// <summary>The commands let in at once; 0: no limit.</summary>
    public int Limit { get; } = limit > 0 ? limit : 0;

    /// <summary>The limit for a provider unless configured (<c>Database:ConcurrentCommands</c>): twice the processors on SQLite, none on PostgreSQL, whose writers do not queue on one lock.</summary>
    public static int DefaultFor(Data.DatabaseProvider provider) => provider == Data.DatabaseProvider.Sqlite ? 2 * Environment.ProcessorCount : 0;

    /// <summary>Runs <paramref name="run"/> once a permit is free (at once without a limit or when already inside a command).</summary>
    public async ValueTask<T> RunAsync<T>(Func<ValueTask<T>> run, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (_permits is null || Admitted.Value)
        {
            return await run();
        }

        await _permits.WaitAsync(ct);
        try
        {
            Admitted.Value = true;
            return await run();
        }
        finally
        {
            Admitted.Value = false;
            _permits.Release();
        }
    }
}

/// <summary>Commands through <see cref="WriteAdmission"/>; queries pass.</summary>
public sealed class WriteAdmissionBehavior<TMessage, TResponse>(WriteAdmission admission) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken) =>
        message is IBaseCommand
            ? admission.RunAsync(() => next(message, cancellationToken), cancellationToken)
            : next(message, cancellationToken);
}
