using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace EthicsCases.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OwnershipFilings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    AccessionNumber = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ContentSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DocumentType = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    SourceFormat = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    IssuerCik = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    IssuerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    IssuerTicker = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    IssuerKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SignatureDate = table.Column<DateOnly>(type: "date", nullable: true),
                    PeriodOfReport = table.Column<DateOnly>(type: "date", nullable: true),
                    DateOfOriginalSubmission = table.Column<DateOnly>(type: "date", nullable: true),
                    Aff10b5One = table.Column<bool>(type: "boolean", nullable: true),
                    Filed = table.Column<DateOnly>(type: "date", nullable: true),
                    FiledAt = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Due = table.Column<DateOnly>(type: "date", nullable: true),
                    Late = table.Column<bool>(type: "boolean", nullable: true),
                    BusinessDaysLate = table.Column<int>(type: "integer", nullable: true),
                    LateTransactions = table.Column<int>(type: "integer", nullable: true),
                    CalendarVersion = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SourceFileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OwnershipFilings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "People",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Cik = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Roles = table.Column<string[]>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_People", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReferenceCounters",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferenceCounters", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "OwnershipTransactions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FilingId = table.Column<Guid>(type: "uuid", nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    Table = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Security = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    DeemedExecutionDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    FormType = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    Timeliness = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    Shares = table.Column<decimal>(type: "numeric", nullable: true),
                    Price = table.Column<decimal>(type: "numeric", nullable: true),
                    AcquiredDisposed = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    SharesOwnedFollowing = table.Column<decimal>(type: "numeric", nullable: true),
                    Ownership = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    FootnoteIds = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
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

            migrationBuilder.CreateTable(
                name: "Cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Details = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    ReporterId = table.Column<Guid>(type: "uuid", nullable: true),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Substate = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    RoutedTo = table.Column<string[]>(type: "text[]", nullable: false),
                    GeneralCounselRecused = table.Column<bool>(type: "boolean", nullable: false),
                    ReferredToBoard = table.Column<bool>(type: "boolean", nullable: false),
                    FiledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    LastAuditHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cases_People_ReporterId",
                        column: x => x.ReporterId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OwnershipFilingOwners",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FilingId = table.Column<Guid>(type: "uuid", nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    Cik = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NormalisedName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IsDirector = table.Column<bool>(type: "boolean", nullable: true),
                    IsOfficer = table.Column<bool>(type: "boolean", nullable: true),
                    IsTenPercentOwner = table.Column<bool>(type: "boolean", nullable: true),
                    OfficerTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    Match = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReviewNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
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

            migrationBuilder.CreateTable(
                name: "AnonymousCredentials",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    KeyHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PasswordHash = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    PasswordSalt = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Iterations = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnonymousCredentials", x => x.CaseId);
                    table.ForeignKey(
                        name: "FK_AnonymousCredentials_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AuditEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: true),
                    Actor = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    Action = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    From = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    To = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Data = table.Column<string>(type: "text", nullable: true),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuditEvents_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CaseMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: true),
                    AuthorLabel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    SharedWithReporter = table.Column<bool>(type: "boolean", nullable: false),
                    FromReporter = table.Column<bool>(type: "boolean", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseMessages_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseMessages_People_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CaseSubjects",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseSubjects", x => new { x.CaseId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_CaseSubjects_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseSubjects_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

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
                name: "EvidenceFiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UploadedById = table.Column<Guid>(type: "uuid", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvidenceFiles_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvidenceFiles_People_UploadedById",
                        column: x => x.UploadedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OwnershipFilingFindings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FilingId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Message = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true)
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
                name: "ShortSwingPairs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InsiderKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IssuerKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PurchaseDate = table.Column<DateOnly>(type: "date", nullable: false),
                    PurchasePrice = table.Column<decimal>(type: "numeric", nullable: false),
                    SaleDate = table.Column<DateOnly>(type: "date", nullable: false),
                    SalePrice = table.Column<decimal>(type: "numeric", nullable: false),
                    Shares = table.Column<decimal>(type: "numeric", nullable: false),
                    Profit = table.Column<decimal>(type: "numeric", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_AnonymousCredentials_KeyHash",
                table: "AnonymousCredentials",
                column: "KeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_CaseId_Id",
                table: "AuditEvents",
                columns: new[] { "CaseId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseMessages_AuthorId",
                table: "CaseMessages",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseMessages_CaseId_At",
                table: "CaseMessages",
                columns: new[] { "CaseId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseSubjects_PersonId",
                table: "CaseSubjects",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Reference",
                table: "Cases",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ReporterId",
                table: "Cases",
                column: "ReporterId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_State_FiledAt",
                table: "Cases",
                columns: new[] { "State", "FiledAt" });

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
                name: "IX_EvidenceFiles_CaseId",
                table: "EvidenceFiles",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceFiles_UploadedById",
                table: "EvidenceFiles",
                column: "UploadedById");

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
                name: "IX_People_Cik",
                table: "People",
                column: "Cik");

            migrationBuilder.CreateIndex(
                name: "IX_People_Email",
                table: "People",
                column: "Email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PriorAdvice_PersonId_Category_GivenOn",
                table: "PriorAdvice",
                columns: new[] { "PersonId", "Category", "GivenOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PriorAdvice_RecordedById",
                table: "PriorAdvice",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_ShortSwingPairs_CaseId",
                table: "ShortSwingPairs",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ShortSwingPairs_InsiderKey_IssuerKey_PurchaseDate_PurchaseP~",
                table: "ShortSwingPairs",
                columns: new[] { "InsiderKey", "IssuerKey", "PurchaseDate", "PurchasePrice", "SaleDate", "SalePrice" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnonymousCredentials");

            migrationBuilder.DropTable(
                name: "AuditEvents");

            migrationBuilder.DropTable(
                name: "CaseMessages");

            migrationBuilder.DropTable(
                name: "CaseSubjects");

            migrationBuilder.DropTable(
                name: "Determinations");

            migrationBuilder.DropTable(
                name: "EvidenceFiles");

            migrationBuilder.DropTable(
                name: "OwnershipFilingFindings");

            migrationBuilder.DropTable(
                name: "OwnershipFilingOwners");

            migrationBuilder.DropTable(
                name: "OwnershipTransactions");

            migrationBuilder.DropTable(
                name: "PriorAdvice");

            migrationBuilder.DropTable(
                name: "ReferenceCounters");

            migrationBuilder.DropTable(
                name: "ShortSwingPairs");

            migrationBuilder.DropTable(
                name: "OwnershipFilings");

            migrationBuilder.DropTable(
                name: "Cases");

            migrationBuilder.DropTable(
                name: "People");
        }
    }
}
