using EthicsCases.Data;
using System.Text.Json;
using EthicsCases.Features.Oversight;
using EthicsCases.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Tests.Features.Oversight;

public sealed class ExportCasesTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    [Test]
    public async Task The_chair_exports_every_case_with_subjects_and_determinations_but_no_anonymous_identity()
    {
        var s = await OversightScenario.RunAsync(Db);

        var rows = await Export(Cast.AuditChair);

        Assert.Multiple(() =>
        {
            Assert.That(rows[0], Is.EqualTo(string.Join(",", EthicsCases.Domain.Oversight.CaseCsv.Columns)));
            Assert.That(rows.Skip(1).Select(r => r.Split(',')[0]), Is.EqualTo(new[] { s.A.Reference, s.B.Reference, s.C.Reference, s.D.Reference }));
            var a = Row(rows, s.A.Reference);
            Assert.That(a[7], Is.EqualTo(Cast.Cfo), "a named reporter, to a reviewer");
            Assert.That(a[8], Is.EqualTo("controller"), "the subject's name");
            Assert.That((a[9], a[10], a[11]), Is.EqualTo(("true", "WrittenNotice", "WrittenNotice")));
            var c = Row(rows, s.C.Reference);
            Assert.That((c[6], c[7]), Is.EqualTo(("true", "")), "an anonymous report has no reporter");
            Assert.That(string.Join("\n", rows), Does.Not.Contain("anonymous reporter"));
        });
    }

    [Test]
    public async Task A_subject_never_sees_the_row_of_the_case_that_names_them()
    {
        var s = await OversightScenario.RunAsync(Db);

        var rows = await Export(Cast.AuditMember);

        Assert.Multiple(() =>
        {
            Assert.That(rows.Skip(1).Select(r => r.Split(',')[0]), Is.EqualTo(new[] { s.A.Reference, s.C.Reference, s.D.Reference }));
            Assert.That(string.Join("\n", rows), Does.Not.Contain(s.B.Reference));
        });
    }

    [Test]
    public async Task A_reporter_who_is_not_a_reviewer_sees_their_own_case_without_subjects_or_determination()
    {
        var s = await OversightScenario.RunAsync(Db);

        var rows = await Export(Cast.Cfo);

        Assert.Multiple(() =>
        {
            Assert.That(rows.Skip(1).Select(r => r.Split(',')[0]), Is.EqualTo(new[] { s.A.Reference, s.D.Reference }));
            var a = Row(rows, s.A.Reference);
            Assert.That((a[7], a[8], a[9], a[10]), Is.EqualTo(("", "", "", "")));
        });
    }

    [Test]
    public async Task An_export_is_recorded_with_its_count_and_filter_only()
    {
        await OversightScenario.RunAsync(Db);

        await using (var scope = Db.Scope(Cast.AuditMember))
        {
            var mediator = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Mediator.IMediator>(scope.ServiceProvider);
            var export = await mediator.Send(new ExportCases(EthicsCases.Domain.CaseState.Closed));
            await using var writer = new StringWriter();
            Assert.That(await export.WriteAsync(writer, CancellationToken.None), Is.EqualTo(export.Count));
        }

        var data = await Db.Read(db => db.AuditEvents.Where(e => e.Action == "CasesExported").Select(e => new { e.CaseId, e.Actor, e.Data }).SingleAsync());
        using var json = JsonDocument.Parse(data.Data!);
        Assert.Multiple(() =>
        {
            Assert.That(data.CaseId, Is.Null, "on the directory chain");
            Assert.That(data.Actor, Is.EqualTo(Cast.AuditMember));
            Assert.That(json.RootElement.GetProperty("count").GetInt32(), Is.EqualTo(2), "A and C are closed and visible; B names the member");
            Assert.That(json.RootElement.GetProperty("state").GetString(), Is.EqualTo("Closed"));
        });
    }

    private async Task<string[]> Export(string viewer)
    {
        // The rows stream from the database while the scope lives, as in the web request and the CLI.
        await using var scope = Db.Scope(viewer);
        var mediator = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Mediator.IMediator>(scope.ServiceProvider);
        var export = await mediator.Send(new ExportCases());
        await using var writer = new StringWriter();
        await export.WriteAsync(writer, CancellationToken.None);
        return writer.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    private static string[] Row(string[] rows, string reference) => rows.Single(r => r.StartsWith(reference + ",", StringComparison.Ordinal)).Split(',');
}
