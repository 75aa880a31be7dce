using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EthicsCases.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NotificationsWaiversDesignations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NotificationPreference",
                table: "People",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Immediate");

            migrationBuilder.CreateTable(
                name: "BoardDesignations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DesigneeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Body = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Matters = table.Column<string>(type: "TEXT", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ResolutionDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BoardDesignations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BoardDesignations_People_DesigneeId",
                        column: x => x.DesigneeId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BoardDesignations_People_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CodeAmendments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Revision = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AdoptedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecordedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DisclosureEventDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DisclosureDue = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DisclosureCalendarVersion = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    DisclosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DisclosureChannel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DisclosureUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PostingRemovedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CodeAmendments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CodeAmendments_People_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ImplicitWaiverProposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Since = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ProposedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DecidedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WaiverId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImplicitWaiverProposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImplicitWaiverProposals_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ImplicitWaiverProposals_People_DecidedById",
                        column: x => x.DecidedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ImplicitWaiverProposals_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RecipientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CaseReference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DeadlineKind = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ClaimedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DedupeKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DigestId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notifications_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Notifications_Notifications_DigestId",
                        column: x => x.DigestId,
                        principalTable: "Notifications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Notifications_People_RecipientId",
                        column: x => x.RecipientId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Waivers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Provision = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RequestedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IsImplicit = table.Column<bool>(type: "INTEGER", nullable: false),
                    ProposalId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Rationale = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DecidedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedAs = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DesignationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecisionRecordedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DisclosureEventDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DisclosureDue = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DisclosureCalendarVersion = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    DisclosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DisclosureChannel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DisclosureUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PostingRemovedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Waivers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Waivers_BoardDesignations_DesignationId",
                        column: x => x.DesignationId,
                        principalTable: "BoardDesignations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Waivers_ImplicitWaiverProposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "ImplicitWaiverProposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Waivers_People_DecidedById",
                        column: x => x.DecidedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Waivers_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Waivers_People_RequestedById",
                        column: x => x.RequestedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BoardDesignations_DesigneeId",
                table: "BoardDesignations",
                column: "DesigneeId");

            migrationBuilder.CreateIndex(
                name: "IX_BoardDesignations_From_To",
                table: "BoardDesignations",
                columns: new[] { "From", "To" });

            migrationBuilder.CreateIndex(
                name: "IX_BoardDesignations_RecordedById",
                table: "BoardDesignations",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_CodeAmendments_RecordedById",
                table: "CodeAmendments",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_CodeAmendments_Revision",
                table: "CodeAmendments",
                column: "Revision",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImplicitWaiverProposals_CaseId_PersonId",
                table: "ImplicitWaiverProposals",
                columns: new[] { "CaseId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImplicitWaiverProposals_DecidedById",
                table: "ImplicitWaiverProposals",
                column: "DecidedById");

            migrationBuilder.CreateIndex(
                name: "IX_ImplicitWaiverProposals_PersonId",
                table: "ImplicitWaiverProposals",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ImplicitWaiverProposals_State",
                table: "ImplicitWaiverProposals",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_CaseId",
                table: "Notifications",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_ClaimedBy",
                table: "Notifications",
                column: "ClaimedBy");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_DedupeKey",
                table: "Notifications",
                column: "DedupeKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_DigestId",
                table: "Notifications",
                column: "DigestId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_RecipientId_State",
                table: "Notifications",
                columns: new[] { "RecipientId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_State_NextAttemptAt",
                table: "Notifications",
                columns: new[] { "State", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Waivers_DecidedById",
                table: "Waivers",
                column: "DecidedById");

            migrationBuilder.CreateIndex(
                name: "IX_Waivers_DesignationId",
                table: "Waivers",
                column: "DesignationId");

            migrationBuilder.CreateIndex(
                name: "IX_Waivers_PersonId_RequestedAt",
                table: "Waivers",
                columns: new[] { "PersonId", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Waivers_ProposalId",
                table: "Waivers",
                column: "ProposalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Waivers_RequestedById",
                table: "Waivers",
                column: "RequestedById");

            migrationBuilder.CreateIndex(
                name: "IX_Waivers_State",
                table: "Waivers",
                column: "State");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CodeAmendments");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "Waivers");

            migrationBuilder.DropTable(
                name: "BoardDesignations");

            migrationBuilder.DropTable(
                name: "ImplicitWaiverProposals");

            migrationBuilder.DropColumn(
                name: "NotificationPreference",
                table: "People");
        }
    }
}
