using System.CommandLine;
using EthicsCases.Features.People;

namespace EthicsCases.Cli.Commands;

/// <summary><c>ethics people add|update|deactivate|list</c>: the directory.</summary>
public static class PeopleCommands
{
    /// <summary>Builds the <c>people</c> command group.</summary>
    public static Command Build(CommandRunner runner)
    {
        var group = new Command("people", "The directory.");
        group.Subcommands.Add(Add(runner));
        group.Subcommands.Add(Update(runner));
        group.Subcommands.Add(Deactivate(runner));
        group.Subcommands.Add(List(runner));
        return group;
    }

    private static Option<string[]> Roles() => new("--role")
    {
        Description = "Role (repeatable): Officer, GeneralCounsel, AuditCommittee, Board, Administrator.",
        AllowMultipleArgumentsPerToken = true,
    };

    // Not behind --as: on a fresh database it creates the first Administrator, who then runs the rest as themselves.
    private static Command Add(CommandRunner runner)
    {
        var email = new Option<string>("--email") { Required = true, Description = "E-mail address (the sign-in name)." };
        var name = new Option<string>("--name") { Required = true, Description = "Full name." };
        var title = new Option<string?>("--title") { Description = "Job title, e.g. 'Chief Financial Officer'." };
        var cik = new Option<string?>("--cik") { Description = "SEC CIK of the person as a reporting owner." };
        var role = Roles();
        var actAs = new Option<string?>("--as")
        {
            Description = "Act as this Administrator (e-mail). Not needed while the directory has no Administrator: that is how the first one is added.",
        };
        var add = new Command("add", "Add a person to the directory; prints {\"personId\"}.") { email, name, title, cik, role, actAs };
        add.SetAction((parse, ct) => runner.SendAsync(parse, parse.GetValue(actAs),
            new AddPerson(parse.GetValue(email)!, parse.GetValue(name)!, parse.GetValue(role) ?? [], parse.GetValue(title), parse.GetValue(cik)),
            (r, o) => o.WriteLine($"Added {parse.GetValue(email)} ({r.PersonId})."), ct));
        return add;
    }

    private static Command Update(CommandRunner runner)
    {
        var actAs = CaseCommands.As();
        var email = new Option<string>("--email") { Required = true, Description = "The person to change (e-mail)." };
        var name = new Option<string?>("--name") { Description = "New full name." };
        var title = new Option<string?>("--title") { Description = "New job title ('' clears it)." };
        var role = Roles();
        role.Description = "Role (repeatable); the roles given replace the person's roles. Without --role the roles stay.";
        var tenant = new Option<string?>("--tenant-id") { Description = "Entra ID tenant (directory) GUID of the account to link, with --object-id." };
        var objectId = new Option<string?>("--object-id") { Description = "Entra ID object id (oid) of the account to link, with --tenant-id." };
        var update = new Command("update", "Change a person's name, title, roles or Entra ID link (Administrator); prints the entry.")
        {
            actAs, email, name, title, role, tenant, objectId,
        };
        update.SetAction((parse, ct) =>
        {
            var roles = parse.GetValue(role);
            return runner.SendAsync(parse, parse.GetValue(actAs),
                new UpdatePerson(parse.GetValue(email)!, parse.GetValue(name), parse.GetValue(title), roles is { Length: > 0 } ? roles : null,
                    parse.GetValue(tenant), parse.GetValue(objectId)),
                Print, ct);
        });
        return update;
    }

    private static Command Deactivate(CommandRunner runner)
    {
        var actAs = CaseCommands.As();
        var email = new Option<string>("--email") { Required = true, Description = "The person to deactivate (e-mail)." };
        var reason = new Option<string>("--reason") { Required = true, Description = "Why (kept with the entry; its hash goes on the audit trail)." };
        var deactivate = new Command("deactivate", "Take a person out of the directory from their next request on (Administrator); prints the entry.")
        {
            actAs, email, reason,
        };
        deactivate.SetAction((parse, ct) => runner.SendAsync(parse, parse.GetValue(actAs),
            new DeactivatePerson(parse.GetValue(email)!, parse.GetValue(reason)!), Print, ct));
        return deactivate;
    }

    private static Command List(CommandRunner runner)
    {
        var actAs = CaseCommands.As();
        var (limit, after) = CaseCommands.PagingOptions();
        var list = new Command("list", "The directory with each person's roles and state (Administrator); prints a JSON array, or one page with --limit/--after.")
        {
            actAs, limit, after,
        };
        list.SetAction((parse, ct) => runner.ListAsync(parse, parse.GetValue(actAs), parse.GetValue(limit), parse.GetValue(after),
            (l, a) => new ListDirectory(l, a), Print, ct));
        return list;
    }

    private static void Print(DirectoryPerson p, TextWriter o) =>
        o.WriteLine($"{p.Email,-32} {p.Name,-24} {string.Join(",", p.Roles),-30} {(p.Active ? "active" : $"deactivated {p.DeactivatedAt:yyyy-MM-dd}"),-22} {(p.Linked ? "linked" : "unlinked")}");
}
