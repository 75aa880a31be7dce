using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EthicsCases.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PagingClocksHoldsMetrics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_ReporterId",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_State_FiledAt",
                table: "Cases");

            migrationBuilder.AlterColumn<Guid>(
                name: "UploadedById",
                table: "EvidenceFiles",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddColumn<string>(
                name: "DecidedAs",
                table: "Determinations",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DesignationId",
                table: "Determinations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AcceptedAt",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AcknowledgedAt",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DeterminationRequestedAt",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DeterminedAt",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FeedbackGivenAt",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "IncidentDate",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LeftIntakeAt",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RoutedToAuditCommittee",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "RoutedToGeneralCounsel",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Existing cases keep their routing: the list column becomes one column per role, before it goes.
            migrationBuilder.Sql("""
                UPDATE "Cases" SET "RoutedToGeneralCounsel" = "RoutedTo" LIKE '%"GeneralCounsel"%', "RoutedToAuditCommittee" = "RoutedTo" LIKE '%"AuditCommittee"%';
                """);

            migrationBuilder.DropColumn(
                name: "RoutedTo",
                table: "Cases");

            migrationBuilder.CreateTable(
                name: "LegalHolds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlacedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlacedBy = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    PlacedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReleasedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReleasedBy = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    ReleasedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Reason = table.Column<byte[]>(type: "BLOB", nullable: true),
                    ReleaseReason = table.Column<byte[]>(type: "BLOB", nullable: true),
                    PurgedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegalHolds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LegalHolds_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LegalHolds_People_PlacedById",
                        column: x => x.PlacedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LegalHolds_People_ReleasedById",
                        column: x => x.ReleasedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MetricsBuckets",
                columns: table => new
                {
                    Quarter = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RoutingClass = table.Column<int>(type: "INTEGER", nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MetricsBuckets", x => new { x.Quarter, x.Category, x.RoutingClass });
                });

            migrationBuilder.CreateTable(
                name: "MetricsCaseFacts",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoutingClass = table.Column<int>(type: "INTEGER", nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MetricsCaseFacts", x => x.CaseId);
                    table.ForeignKey(
                        name: "FK_MetricsCaseFacts_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Determinations_DesignationId",
                table: "Determinations",
                column: "DesignationId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_FiledAt_Reference",
                table: "Cases",
                columns: new[] { "FiledAt", "Reference" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ReporterId_FiledAt",
                table: "Cases",
                columns: new[] { "ReporterId", "FiledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_State_FiledAt_Reference",
                table: "Cases",
                columns: new[] { "State", "FiledAt", "Reference" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_State_RoutedToGeneralCounsel_FiledAt_Reference",
                table: "Cases",
                columns: new[] { "State", "RoutedToGeneralCounsel", "FiledAt", "Reference" });

            migrationBuilder.CreateIndex(
                name: "IX_LegalHolds_CaseId_ReleasedAt",
                table: "LegalHolds",
                columns: new[] { "CaseId", "ReleasedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LegalHolds_PlacedById",
                table: "LegalHolds",
                column: "PlacedById");

            migrationBuilder.CreateIndex(
                name: "IX_LegalHolds_ReleasedById",
                table: "LegalHolds",
                column: "ReleasedById");

            migrationBuilder.AddForeignKey(
                name: "FK_Determinations_BoardDesignations_DesignationId",
                table: "Determinations",
                column: "DesignationId",
                principalTable: "BoardDesignations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Determinations_BoardDesignations_DesignationId",
                table: "Determinations");

            migrationBuilder.DropTable(
                name: "LegalHolds");

            migrationBuilder.DropTable(
                name: "MetricsBuckets");

            migrationBuilder.DropTable(
                name: "MetricsCaseFacts");

            migrationBuilder.DropIndex(
                name: "IX_Determinations_DesignationId",
                table: "Determinations");

            migrationBuilder.DropIndex(
                name: "IX_Cases_FiledAt_Reference",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_ReporterId_FiledAt",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_State_FiledAt_Reference",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_State_RoutedToGeneralCounsel_FiledAt_Reference",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "DecidedAs",
                table: "Determinations");

            migrationBuilder.DropColumn(
                name: "DesignationId",
                table: "Determinations");

            migrationBuilder.DropColumn(
                name: "AcceptedAt",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "AcknowledgedAt",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "DeterminationRequestedAt",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "DeterminedAt",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "FeedbackGivenAt",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "IncidentDate",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "LeftIntakeAt",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "RoutedToAuditCommittee",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "RoutedToGeneralCounsel",
                table: "Cases");

            migrationBuilder.AlterColumn<Guid>(
                name: "UploadedById",
                table: "EvidenceFiles",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RoutedTo",
                table: "Cases",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ReporterId",
                table: "Cases",
                column: "ReporterId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_State_FiledAt",
                table: "Cases",
                columns: new[] { "State", "FiledAt" });
        }
    }
}
