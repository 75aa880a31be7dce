namespace EthicsCases.Domain;

/// <summary>A request the rules refuse (validation, permission, workflow). Hosts map it to exit code 1 or a 4xx.</summary>
public abstract class RejectedException(string message) : Exception(message);

/// <summary>Input that breaks a rule; names the field.</summary>
public sealed class ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
    : RejectedException(string.Join("; ", errors.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}"))))
{
    /// <summary>Field name to messages.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    /// <summary>A single-field failure.</summary>
    public static ValidationFailedException For(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>The thing does not exist, or the person may not know that it exists.</summary>
public sealed class NotFoundException(string message) : RejectedException(message);

/// <summary>The person may see the thing but not do this to it.</summary>
public sealed class ForbiddenException(string message) : RejectedException(message);

/// <summary>Someone else changed the case first, or the trigger does not apply in the current state.</summary>
public sealed class ConflictException(string message) : RejectedException(message);

/// <summary>A trigger this person may not fire now; the message names the state and what they may fire.</summary>
public sealed class TriggerNotPermittedException(CaseTrigger trigger, CaseState state, IReadOnlyList<CaseTrigger> permitted, bool definedInState)
    : RejectedException(
        $"Trigger '{trigger}' is not permitted in state '{state}'. " +
        (permitted.Count == 0
            ? "No triggers are permitted to you in this state."
            : $"Permitted to you: {string.Join(", ", permitted)}."))
{
    /// <summary>The trigger asked for.</summary>
    public CaseTrigger Trigger { get; } = trigger;

    /// <summary>The case's current state.</summary>
    public CaseState State { get; } = state;

    /// <summary>What the person may fire now.</summary>
    public IReadOnlyList<CaseTrigger> Permitted { get; } = permitted;

    /// <summary>
    /// Whether the trigger leads anywhere from this state for someone: true means "not yours to fire" (forbidden),
    /// false means "not possible in this state" (a conflict with the case's state).
    /// </summary>
    public bool DefinedInState { get; } = definedInState;
}
