using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Features.Anonymous;
using EthicsCases.Features.Demo;
using EthicsCases.Features.Form4;
using EthicsCases.Features.People;
using EthicsCases.Features.Sanctions;
using Mediator;

namespace EthicsCases.Tests.Common;

/// <summary>Every Mediator message declares exactly one authorization rule (docs/adr/ADR-009-authorization-model.md).</summary>
public sealed class AccessDeclarationTests
{
    private static readonly Type[] Messages = typeof(EthicsDbContext).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IMessage).IsAssignableFrom(t) && !typeof(INotification).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToArray();

    [Test]
    public void Every_message_in_the_application_declares_exactly_one_rule()
    {
        var undeclared = Messages.Select(AccessRules.Of).Where(r => r.Kind == AccessKind.Undeclared).Select(r => r.Problem).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(Messages, Has.Length.GreaterThan(30), "the reflection found the messages");
            Assert.That(undeclared, Is.Empty);
        });
    }

    [TestCase(typeof(AddPerson), AccessKind.RoleRequired, true, new[] { Role.Administrator })]
    [TestCase(typeof(SeedDemo), AccessKind.RoleRequired, true, new[] { Role.Administrator })]
    [TestCase(typeof(ListPeople), AccessKind.DirectoryPerson, false, null)]
    [TestCase(typeof(ImportForm4), AccessKind.RoleRequired, false, new[] { Role.GeneralCounsel, Role.AuditCommittee })]
    [TestCase(typeof(GetItem405Report), AccessKind.RoleRequired, false, new[] { Role.GeneralCounsel, Role.AuditCommittee })]
    [TestCase(typeof(ListForm4Review), AccessKind.RoleRequired, false, new[] { Role.GeneralCounsel, Role.AuditCommittee })]
    [TestCase(typeof(CheckForm4), AccessKind.Public, false, null)]
    [TestCase(typeof(RecommendSanction), AccessKind.Public, false, null)]
    [TestCase(typeof(FileAnonymousReport), AccessKind.Public, false, null)]
    [TestCase(typeof(EthicsCases.Features.Audit.VerifyAudit), AccessKind.Operator, false, null)]
    [TestCase(typeof(EthicsCases.Features.Audit.ResealRecord), AccessKind.Operator, false, null)]
    [TestCase(typeof(CheckAnonymousReport), AccessKind.AnonymousCredential, false, null)]
    [TestCase(typeof(ReplyAnonymously), AccessKind.AnonymousCredential, false, null)]
    [TestCase(typeof(EthicsCases.Features.Determinations.GetNotice), AccessKind.CaseScoped, false, new[] { Role.AuditCommittee, Role.Board })]
    [TestCase(typeof(EthicsCases.Features.Cases.ShowCase), AccessKind.CaseScoped, false, null)]
    public void The_issue_s_messages_declare_the_rule_decided(Type message, AccessKind kind, bool bootstrap, Role[]? roles)
    {
        var rule = AccessRules.Of(message);
        Assert.Multiple(() =>
        {
            Assert.That(rule.Kind, Is.EqualTo(kind));
            Assert.That(rule.Bootstrap, Is.EqualTo(bootstrap));
            Assert.That(rule.Roles, roles is null ? Is.Null : Is.EqualTo(roles));
        });
    }

    private sealed record Bare : IQuery<int>;

    private sealed record Twice : IQuery<int>, IPublicRequest, IActorRequest;

    private sealed record NoRoles : IQuery<int>, IRoleRequest
    {
        public static IReadOnlyList<Role> AllowedRoles { get; } = [];
    }

    [TestCase(typeof(Bare), "declares none")]
    [TestCase(typeof(Twice), "declares several")]
    [TestCase(typeof(NoRoles), "names none")]
    public void A_message_without_exactly_one_rule_is_undeclared(Type message, string problem)
    {
        var rule = AccessRules.Of(message);
        Assert.Multiple(() =>
        {
            Assert.That(rule.Kind, Is.EqualTo(AccessKind.Undeclared));
            Assert.That(rule.Problem, Does.Contain(problem));
        });
    }
}
