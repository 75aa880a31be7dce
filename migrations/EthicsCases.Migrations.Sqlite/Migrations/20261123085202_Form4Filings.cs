using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EthicsCases.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Form4Filings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OwnershipFilings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    AccessionNumber = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    ContentSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DocumentType = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    SourceFormat = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IssuerCik = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    IssuerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    IssuerTicker = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    IssuerKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SignatureDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PeriodOfReport = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DateOfOriginalSubmission = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Aff10b5One = table.Column<bool>(type: "INTEGER", nullable: true),
                    Filed = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FiledAt = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Due = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Late = table.Column<bool>(type: "INTEGER", nullable: true),
                    BusinessDaysLate = table.Column<int>(type: "INTEGER", nullable: true),
                    LateTransactions = table.Column<int>(type: "INTEGER", nullable: true),
                    CalendarVersion = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SourceFileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OwnershipFilings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ShortSwingPairs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InsiderKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IssuerKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PurchaseDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PurchasePrice = table.Column<decimal>(type: "TEXT", nullable: false),
                    SaleDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SalePrice = table.Column<decimal>(type: "TEXT", nullable: false),
                    Shares = table.Column<decimal>(type: "TEXT", nullable: false),
                    Profit = table.Column<decimal>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShortSwingPairs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ShortSwingPairs_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OwnershipFilingFindings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FilingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OwnershipFilingFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OwnershipFilingFindings_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OwnershipFilingFindings_OwnershipFilings_FilingId",
                        column: x => x.FilingId,
                        principalTable: "OwnershipFilings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OwnershipFilingOwners",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FilingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    Cik = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NormalisedName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IsDirector = table.Column<bool>(type: "INTEGER", nullable: true),
                    IsOfficer = table.Column<bool>(type: "INTEGER", nullable: true),
                    IsTenPercentOwner = table.Column<bool>(type: "INTEGER", nullable: true),
                    OfficerTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Match = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReviewNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OwnershipFilingOwners", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OwnershipFilingOwners_OwnershipFilings_FilingId",
                        column: x => x.FilingId,
                        principalTable: "OwnershipFilings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OwnershipFilingOwners_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OwnershipTransactions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FilingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    Table = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Security = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DeemedExecutionDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    FormType = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    Timeliness = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    Shares = table.Column<decimal>(type: "TEXT", nullable: true),
                    Price = table.Column<decimal>(type: "TEXT", nullable: true),
                    AcquiredDisposed = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    SharesOwnedFollowing = table.Column<decimal>(type: "TEXT", nullable: true),
                    Ownership = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    FootnoteIds = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OwnershipTransactions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OwnershipTransactions_OwnershipFilings_FilingId",
                        column: x => x.FilingId,
                        principalTable: "OwnershipFilings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OwnershipFilingFindings_CaseId",
                table: "OwnershipFilingFindings",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_OwnershipFilingFindings_FilingId",
                table: "OwnershipFilingFindings",
                column: "FilingId");

            migrationBuilder.CreateIndex(
                name: "IX_OwnershipFilingOwners_Cik",
                table: "OwnershipFilingOwners",
                column: "Cik");

            migrationBuilder.CreateIndex(
                name: "IX_OwnershipFilingOwners_FilingId",
                table: "OwnershipFilingOwners",
                column: "FilingId");

            migrationBuilder.CreateIndex(
                name: "IX_OwnershipFilingOwners_NormalisedName",
                table: "OwnershipFilingOwners",
                column: "NormalisedName");

            migrationBuilder.CreateIndex(
                name: "IX_OwnershipFilingOwners_PersonId",
                table: "OwnershipFilingOwners",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_OwnershipFilings_Due",
                table: "OwnershipFilings",
                column: "Due");

            migrationBuilder.CreateIndex(
                name: "IX_OwnershipFilings_Fingerprint",
                table: "OwnershipFilings",
                column: "Fingerprint");

            migrationBuilder.CreateIndex(
                name: "IX_OwnershipFilings_IdempotencyKey",
                table: "OwnershipFilings",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OwnershipTransactions_FilingId",
                table: "OwnershipTransactions",
                column: "FilingId");

            migrationBuilder.CreateIndex(
                name: "IX_ShortSwingPairs_CaseId",
                table: "ShortSwingPairs",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ShortSwingPairs_InsiderKey_IssuerKey_PurchaseDate_PurchasePrice_SaleDate_SalePrice",
                table: "ShortSwingPairs",
                columns: new[] { "InsiderKey", "IssuerKey", "PurchaseDate", "PurchasePrice", "SaleDate", "SalePrice" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OwnershipFilingFindings");

            migrationBuilder.DropTable(
                name: "OwnershipFilingOwners");

            migrationBuilder.DropTable(
                name: "OwnershipTransactions");

            migrationBuilder.DropTable(
                name: "ShortSwingPairs");

            migrationBuilder.DropTable(
                name: "OwnershipFilings");
        }
    }
}
