using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using FluentValidation;

namespace EthicsCases.Common;

/// <summary>
/// Rules every input obeys, whichever message carries it: text holds no control character other than tab, carriage
/// return and line feed (a NUL or an escape sequence has no business in a case file, a log line or a PDF); dates lie
/// between <see cref="EarliestDate"/> and <see cref="LatestDate"/>; lists hold no empty entry; enum values are defined.
/// <see cref="InputRulesValidator{T}"/> applies them to every field of every message, nested records included.
/// </summary>
public static class InputRules
{
    /// <summary>The earliest date any message accepts.</summary>
    public static readonly DateOnly EarliestDate = new(1900, 1, 1);

    /// <summary>The latest date any message accepts.</summary>
    public static readonly DateOnly LatestDate = new(2200, 12, 31);

    /// <summary>The refusal of a control character.</summary>
    public const string ControlCharacterMessage = "Control characters are not allowed (only tab, carriage return and line feed).";

    /// <summary>The refusal of a date out of range.</summary>
    public static string DateRangeMessage => $"Dates run from {EarliestDate:yyyy-MM-dd} to {LatestDate:yyyy-MM-dd}.";

    /// <summary>Whether <paramref name="text"/> holds no control character other than tab, CR and LF.</summary>
    public static bool IsPlainText(string? text)
    {
        if (text is null) return true;
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\t' or '\r' or '\n')) return false;
        }

        return true;
    }

    /// <summary>Whether a calendar date is in range.</summary>
    public static bool InRange(DateOnly date) => date >= EarliestDate && date <= LatestDate;

    /// <summary>The shared rule for one text field, for validators that want it spelled out.</summary>
    public static IRuleBuilderOptions<T, string?> PlainText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(IsPlainText).WithMessage(ControlCharacterMessage);

    /// <summary>Calls <paramref name="fail"/> with the field path and message for every input that breaks a rule.</summary>
    public static void Check(object? message, Action<string, string> fail)
    {
        ArgumentNullException.ThrowIfNull(fail);
        if (message is not null)
        {
            Walk(message, "", fail, depth: 0);
        }
    }

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    private static void Walk(object? value, string path, Action<string, string> fail, int depth)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                if (!IsPlainText(text)) fail(path, ControlCharacterMessage);
                return;
            case DateOnly date:
                if (!InRange(date)) fail(path, DateRangeMessage);
                return;
            case DateTime at:
                if (!InRange(DateOnly.FromDateTime(at))) fail(path, DateRangeMessage);
                return;
            case DateTimeOffset at:
                if (!InRange(DateOnly.FromDateTime(at.UtcDateTime))) fail(path, DateRangeMessage);
                return;
            case Enum e:
                if (!Enum.IsDefined(e.GetType(), e)) fail(path, $"'{e}' is not one of {string.Join(", ", Enum.GetNames(e.GetType()))}.");
                return;
            case byte[]:
                return;
            case IEnumerable items:
                var i = 0;
                foreach (var item in items)
                {
                    if (item is null) fail($"{path}[{i}]", "An entry is empty.");
                    else Walk(item, $"{path}[{i}]", fail, depth + 1);
                    i++;
                }

                return;
        }

        // Records of the application (a sanction with its dates, a Form 4 file, a filing time): their fields too.
        var type = value.GetType();
        if (depth > 4 || type.Assembly != typeof(InputRules).Assembly) return;
        foreach (var property in Properties.GetOrAdd(type, static t => t
                     .GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
                     .ToArray()))
        {
            Walk(property.GetValue(value), path.Length == 0 ? Camel(property.Name) : $"{path}.{Camel(property.Name)}", fail, depth + 1);
        }
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}

/// <summary>
/// <see cref="InputRules"/> as the validator every message has, next to its own: registered for every type, so a new
/// message or a new field is covered without anyone remembering to.
/// </summary>
public sealed class InputRulesValidator<T> : AbstractValidator<T>
{
    public InputRulesValidator() =>
        RuleFor(m => m).Custom((message, context) => InputRules.Check(message, (field, error) => context.AddFailure(field, error)));
}
