using EthicsCases.Domain;
using FluentValidation;

namespace EthicsCases.Common;

/// <summary>What every concern carries, signed in or anonymous.</summary>
public interface IConcernContent
{
    /// <summary>SOP category name.</summary>
    string Category { get; }

    /// <summary>One line.</summary>
    string Summary { get; }

    /// <summary>The account.</summary>
    string? Details { get; }

    /// <summary>Directory e-mails of the people the concern is about.</summary>
    IReadOnlyList<string> SubjectEmails { get; }
}

/// <summary>Rules for a concern's content, whoever files it.</summary>
public sealed class ConcernContentRules : AbstractValidator<IConcernContent>
{
    public ConcernContentRules()
    {
        RuleFor(c => c.Category).IsEnumName<IConcernContent, ConcernCategory>("category");
        RuleFor(c => c.Summary).NotEmpty().MaximumLength(500);
        RuleFor(c => c.Details).MaximumLength(20_000);
        RuleFor(c => c.SubjectEmails).Must(s => s is null || s.Count <= 20).WithMessage("Name at most 20 subjects.");
        RuleForEach(c => c.SubjectEmails).NotEmpty().MaximumLength(320);
    }
}
