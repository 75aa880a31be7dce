using System.CommandLine;
using EthicsCases.Features.Audit;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EthicsCases.Cli.Commands;

/// <summary><c>ethics audit verify|checkpoint</c>: the evidence-grade record.</summary>
public static class AuditCommands
{
    /// <summary>Builds the <c>audit</c> command group.</summary>
    public static Command Build(CommandRunner runner) =>
        new("audit", "The evidence-grade record: verify it, checkpoint it outside the database, seal and rotate its keys.")
        {
            Verify(runner), Checkpoint(runner), Reseal(runner), RotateKey(runner),
        };

    /// <summary><c>ethics keys rotate</c>: a new key-encryption key; the data keys are rewrapped, content untouched.</summary>
    public static Command Keys(CommandRunner runner)
    {
        var rotate = new Command("rotate", "Make a new key-encryption key current and rewrap every data key with it; prints {\"rewrapped\",\"kekId\",\"previousKekId\"}.");
        rotate.SetAction((parse, ct) => runner.SendAsync(parse, null, new RotateContentKeys(),
            (r, o) => o.WriteLine($"{r.Rewrapped} data key(s) rewrapped under key-encryption key {r.KekId} (was {r.PreviousKekId})."), ct));
        return new Command("keys", "The key-encryption keys that protect content at rest.") { rotate };
    }

    private static Command Reseal(CommandRunner runner)
    {
        var command = new Command("reseal",
            "Once, after upgrading a database written before the record was keyed: check the old chains, authenticate every old event with the audit key, " +
            "seal old clear content, and record it; prints {\"events\",\"fromSeq\",\"keyId\",\"contentSealed\",\"commitments\"}.");
        command.SetAction((parse, ct) => runner.SendAsync(parse, null, new ResealRecord(),
            (r, o) => o.WriteLine($"Resealed {r.Events} event(s) from {r.FromSeq} with audit key {r.KeyId}; sealed {r.ContentSealed} row(s) of clear content; {r.Commitments} commitment(s)."), ct));
        return command;
    }

    private static Command RotateKey(CommandRunner runner)
    {
        var from = new Option<long>("--from") { Description = "Re-authenticate from this event's sequence number on (default 1: the whole record).", DefaultValueFactory = _ => 1 };
        var command = new Command("rotate-key", "Make a new audit key current, re-authenticate the record from --from with it, and record the rotation.") { from };
        command.SetAction((parse, ct) => runner.SendAsync(parse, null, new RotateAuditKey(parse.GetValue(from)),
            (r, o) => o.WriteLine($"Re-authenticated {r.Events} event(s) from {r.FromSeq} with audit key {r.KeyId}."), ct));
        return command;
    }

    private static Command Verify(CommandRunner runner)
    {
        var checkpoint = new Option<FileInfo?>("--checkpoint") { Description = "A checkpoint file written by 'ethics audit checkpoint': proves no rollback or truncation below it." };
        var publicKey = new Option<FileInfo?>("--public-key") { Description = "The checkpoint signer's public key (PEM) you keep; default: the key in the checkpoint file." };
        var verify = new Command("verify",
            "Replay the record and compare it with the database; prints {\"events\",\"valid\",\"firstInvalidEvent\",\"problems\"}; exit 1 when anything is invalid.")
        {
            checkpoint, publicKey,
        };
        verify.SetAction(async (parse, ct) =>
        {
            var valid = true;
            var code = await runner.RunAsync(parse, null, async (services, token) =>
            {
                var file = parse.GetValue(checkpoint);
                var key = parse.GetValue(publicKey);
                var signed = file is null ? null : AuditCheckpoint.Read(await File.ReadAllTextAsync(file.FullName, token),
                    key is null ? null : await File.ReadAllTextAsync(key.FullName, token));
                var result = await services.GetRequiredService<IMediator>().Send(new VerifyAudit(signed), token);
                valid = result.Valid;
                foreach (var p in result.Problems.Take(parse.GetValue(runner.JsonOption) ? 0 : 50))
                {
                    await runner.Err.WriteLineAsync($"ethics: {p.Kind}{(p.EventSeq is { } seq ? $" at event {seq}" : "")}: {p.Detail}");
                }

                return result;
            }, (r, o) => o.WriteLine(r.Valid
                ? $"{r.Events} audit events verified; the record and the database agree."
                : $"The record does not verify: {r.Problems.Count} problem(s), the first at event {r.FirstInvalidEvent?.ToString() ?? "-"} ({r.Events} events)."), ct);
            return code == EthicsCli.Ok && !valid ? EthicsCli.Rejected : code;
        });
        return verify;
    }

    private static Command Checkpoint(CommandRunner runner)
    {
        var output = new Option<FileInfo>("--out") { Required = true, Description = "Where to write the signed checkpoint (ship it to write-once storage)." };
        var command = new Command("checkpoint", "Sign the record's head (sequence number, head MAC, time) with the checkpoint key; prints {\"seq\",\"head\",\"at\",\"file\"}.")
        {
            output,
        };
        command.SetAction((parse, ct) => runner.RunAsync(parse, null, async (services, token) =>
        {
            var checkpoint = await services.GetRequiredService<IMediator>().Send(new CreateCheckpoint(), token);
            var file = parse.GetValue(output)!;
            await File.WriteAllTextAsync(file.FullName, checkpoint.ToJson(), token);
            return new CheckpointWritten(checkpoint.Seq, checkpoint.Head, checkpoint.At, file.FullName);
        }, (w, o) => o.WriteLine($"Checkpoint of event {w.Seq} written to {w.File}."), ct));
        return command;
    }

    /// <summary>What <c>audit checkpoint</c> prints.</summary>
    public sealed record CheckpointWritten(long Seq, string Head, DateTime At, string File);
}
