using System.Collections.Concurrent;
using FluentValidation;
using FluentValidation.Validators;

namespace EthicsCases.Web.Infrastructure;

/// <summary>
/// Input limits read from the use cases' validators, so a form's <c>maxlength</c> and the rule that refuses a longer
/// value are one number: <c>maxlength="@(Limits.MaxLength&lt;PostMessage&gt;(nameof(PostMessage.Text)))"</c>.
/// </summary>
public sealed class InputLimits(IServiceProvider services)
{
    private readonly ConcurrentDictionary<(Type, string), int?> _cache = new();

    /// <summary>The largest length the validator of <typeparamref name="T"/> allows for <paramref name="property"/>.</summary>
    public int MaxLength<T>(string property) =>
        _cache.GetOrAdd((typeof(T), property), key => Find(services.GetRequiredService<IValidator<T>>(), key.Item2))
        ?? throw new InvalidOperationException($"The validator of {typeof(T).Name} sets no maximum length for {property}.");

    private static int? Find(IValidator validator, string property) =>
        validator.CreateDescriptor().GetValidatorsForMember(property)
            .Select(v => v.Validator).OfType<ILengthValidator>()
            .Select(l => (int?)l.Max).Where(m => m > 0).Min();
}
