using System.CommandLine;
using EthicsCases.Features.People;

namespace EthicsCases.Cli.Commands;

/// <summary><c>ethics people add</c>.</summary>
public static class PeopleCommands
{
    /// <summary>Builds the <c>people</c> command group.</summary>
    public static Command Build(CommandRunner runner)
    {
        var email = new Option<string>("--email") { Required = true, Description = "E-mail address (the sign-in name)." };
        var name = new Option<string>("--name") { Required = true, Description = "Full name." };
        var title = new Option<string?>("--title") { Description = "Job title, e.g. 'Chief Financial Officer'." };
        var cik = new Option<string?>("--cik") { Description = "SEC CIK of the person as a reporting owner." };
        var role = new Option<string[]>("--role")
        {
            Description = "Role (repeatable): Officer, GeneralCounsel, AuditCommittee, Board, Administrator.",
            AllowMultipleArgumentsPerToken = true,
        };
        var actAs = new Option<string?>("--as")
        {
            Description = "Act as this Administrator (e-mail). Not needed while the directory has no Administrator: that is how the first one is added.",
        };
        var add = new Command("add", "Add a person to the directory; prints {\"personId\"}.") { email, name, title, cik, role, actAs };
        add.SetAction((parse, ct) => runner.SendAsync(parse, parse.GetValue(actAs),
            new AddPerson(parse.GetValue(email)!, parse.GetValue(name)!, parse.GetValue(role) ?? [], parse.GetValue(title), parse.GetValue(cik)),
            (r, o) => o.WriteLine($"Added {parse.GetValue(email)} ({r.PersonId})."), ct));
        return new Command("people", "The directory.") { add };
    }
}
