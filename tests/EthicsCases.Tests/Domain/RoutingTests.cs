using EthicsCases.Domain;

namespace EthicsCases.Tests.Domain;

public sealed class RoutingTests
{
    [TestCase(ConcernCategory.DisclosureMatter, new[] { Role.AuditCommittee })]
    [TestCase(ConcernCategory.BooksAndRecords, new[] { Role.GeneralCounsel, Role.AuditCommittee })]
    [TestCase(ConcernCategory.InternalControlDeficiency, new[] { Role.AuditCommittee })]
    [TestCase(ConcernCategory.Fraud, new[] { Role.AuditCommittee })]
    [TestCase(ConcernCategory.CodeOfEthicsViolation, new[] { Role.GeneralCounsel, Role.AuditCommittee })]
    [TestCase(ConcernCategory.SecuritiesLawViolation, new[] { Role.GeneralCounsel, Role.AuditCommittee })]
    public void Every_category_is_routed_as_the_SOP_prescribes(ConcernCategory category, Role[] expected)
    {
        var c = EthicsCase.File("EC-2026-0001", DateTime.UtcNow, category, "s", null, null, [], []);
        Assert.Multiple(() =>
        {
            Assert.That(CategoryRouting.RoutedTo(category), Is.EqualTo(expected));
            Assert.That(c.RoutedTo, Is.EqualTo(expected));
            Assert.That(c.GeneralCounselRecused, Is.False);
            Assert.That(CategoryRouting.Explain(category), Is.Not.Empty);
        });
    }

    [TestCase(ConcernCategory.BooksAndRecords)]
    [TestCase(ConcernCategory.CodeOfEthicsViolation)]
    [TestCase(ConcernCategory.SecuritiesLawViolation)]
    public void A_General_Counsel_named_as_subject_takes_the_case_to_the_Audit_Committee_alone(ConcernCategory category)
    {
        var gc = new Person(Guid.NewGuid(), "gc@test.example", "GC", null, [Role.GeneralCounsel]);
        var c = EthicsCase.File("EC-2026-0001", DateTime.UtcNow, category, "s", null, null, [gc], [gc]);
        Assert.Multiple(() =>
        {
            Assert.That(c.RoutedTo, Is.EqualTo(new[] { Role.AuditCommittee }));
            Assert.That(c.GeneralCounselRecused, Is.True);
        });
    }

    [Test]
    public void Naming_the_General_Counsel_in_an_Audit_Committee_matter_changes_nothing()
    {
        var gc = new Person(Guid.NewGuid(), "gc@test.example", "GC", null, [Role.GeneralCounsel]);
        var c = EthicsCase.File("EC-2026-0001", DateTime.UtcNow, ConcernCategory.Fraud, "s", null, null, [gc], [gc]);
        Assert.Multiple(() =>
        {
            Assert.That(c.RoutedTo, Is.EqualTo(new[] { Role.AuditCommittee }));
            Assert.That(c.GeneralCounselRecused, Is.False);
        });
    }
}
