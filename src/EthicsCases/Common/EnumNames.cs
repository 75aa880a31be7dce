using System.Text.Json;
using System.Text.Json.Serialization;
using EthicsCases.Domain;
using FluentValidation;

namespace EthicsCases.Common;

/// <summary>
/// Enum values as the outside world writes them: their names, in any case, and nothing else. No numbers ("3" is not
/// Fraud), no comma-joined flags, no undefined values; the same rule in JSON bodies, route values, query strings and
/// command-line arguments.
/// </summary>
public static class EnumNames
{
    /// <summary>Reads a name (case-insensitive).</summary>
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        foreach (var name in Enum.GetNames<T>())
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                value = Enum.Parse<T>(name);
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>Reads a name that a validator has already accepted.</summary>
    public static T Parse<T>(string text) where T : struct, Enum =>
        TryParse<T>(text, out var value) ? value : throw new ArgumentException(Refusal<T>(text, typeof(T).Name), nameof(text));

    /// <summary>Reads a name given for <paramref name="field"/>, or rejects the request naming the field.</summary>
    public static T ParseField<T>(string? text, string field) where T : struct, Enum =>
        TryParse<T>(text, out var value) ? value : throw ValidationFailedException.For(field, Refusal<T>(text, field));

    /// <summary>Reads optional names given for <paramref name="field"/> (a query string's repeated values).</summary>
    public static IReadOnlyList<T> ParseFields<T>(IEnumerable<string?>? texts, string field) where T : struct, Enum =>
        (texts ?? []).Where(t => !string.IsNullOrEmpty(t)).Select(t => ParseField<T>(t, field)).ToList();

    /// <summary>"'X' is not a category; use one of A, B, C."</summary>
    public static string Refusal<T>(string? text, string what) where T : struct, Enum =>
        $"'{Shorten(text)}' is not a {what}; use one of {string.Join(", ", Enum.GetNames<T>())}.";

    /// <summary>The shared rule for a field that names an enum value.</summary>
    public static IRuleBuilderOptions<TMessage, string?> IsEnumName<TMessage, T>(this IRuleBuilder<TMessage, string?> rule, string what)
        where T : struct, Enum =>
        rule.Must(text => TryParse<T>(text, out _)).WithMessage((_, text) => Refusal<T>(text, what));

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 40 ? text : text[..40] + "…";
}

/// <summary>Enums in JSON as their names, read by <see cref="EnumNames"/>: a number or an unknown name is a bad request.</summary>
public sealed class EnumNameJsonConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter?)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert));

    private sealed class Converter<T> : JsonConverter<T> where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && EnumNames.TryParse<T>(reader.GetString(), out var value)
                ? value
                : throw new JsonException(EnumNames.Refusal<T>(reader.TokenType == JsonTokenType.String ? reader.GetString() : reader.TokenType.ToString(), typeof(T).Name));

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            EnumNames.TryParse<T>(reader.GetString(), out var value) ? value : throw new JsonException(EnumNames.Refusal<T>(reader.GetString(), typeof(T).Name));

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WritePropertyName(value.ToString());
    }
}
