using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EthicsCases.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class DeterminationDecidedBy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DecidedAs",
                table: "Determinations",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DesignationId",
                table: "Determinations",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Determinations_DesignationId",
                table: "Determinations",
                column: "DesignationId");

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

            migrationBuilder.DropIndex(
                name: "IX_Determinations_DesignationId",
                table: "Determinations");

            migrationBuilder.DropColumn(
                name: "DecidedAs",
                table: "Determinations");

            migrationBuilder.DropColumn(
                name: "DesignationId",
                table: "Determinations");
        }
    }
}
