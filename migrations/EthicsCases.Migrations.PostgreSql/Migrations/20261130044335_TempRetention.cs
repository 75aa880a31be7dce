using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EthicsCases.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class TempRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LegalHolds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlacedById = table.Column<Guid>(type: "uuid", nullable: false),
                    PlacedBy = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    PlacedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReleasedById = table.Column<Guid>(type: "uuid", nullable: true),
                    ReleasedBy = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    ReleasedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Reason = table.Column<byte[]>(type: "bytea", nullable: true),
                    ReleaseReason = table.Column<byte[]>(type: "bytea", nullable: true),
                    PurgedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LegalHolds");
        }
    }
}
