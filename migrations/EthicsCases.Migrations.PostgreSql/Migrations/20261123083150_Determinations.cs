using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EthicsCases.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Determinations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Determinations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    ViolationFound = table.Column<bool>(type: "boolean", nullable: false),
                    BoardMeetingDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Rationale = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Severity = table.Column<int>(type: "integer", nullable: true),
                    Occurrences = table.Column<int>(type: "integer", nullable: true),
                    Intent = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Advised = table.Column<bool>(type: "boolean", nullable: true),
                    AdvisedOverrideReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    PriorViolations = table.Column<int>(type: "integer", nullable: true),
                    Recommendation = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Score = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    PolicyVersion = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Sanctions = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    DepartsFromRecommendation = table.Column<bool>(type: "boolean", nullable: false),
                    DepartureRationale = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RecordedById = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    NoticePdf = table.Column<byte[]>(type: "bytea", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Determinations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Determinations_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Determinations_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Determinations_People_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PriorAdvice",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    GivenOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RecordedById = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PriorAdvice", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PriorAdvice_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PriorAdvice_People_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Determinations_CaseId_RecordedAt",
                table: "Determinations",
                columns: new[] { "CaseId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Determinations_PersonId_ViolationFound",
                table: "Determinations",
                columns: new[] { "PersonId", "ViolationFound" });

            migrationBuilder.CreateIndex(
                name: "IX_Determinations_RecordedById",
                table: "Determinations",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_PriorAdvice_PersonId_Category_GivenOn",
                table: "PriorAdvice",
                columns: new[] { "PersonId", "Category", "GivenOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PriorAdvice_RecordedById",
                table: "PriorAdvice",
                column: "RecordedById");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Determinations");

            migrationBuilder.DropTable(
                name: "PriorAdvice");
        }
    }
}
