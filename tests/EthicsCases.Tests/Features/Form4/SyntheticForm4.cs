using System.Globalization;
using System.Text;
using EthicsCases.Features.Form4;

namespace EthicsCases.Tests.Features.Form4;

/// <summary>Small EDGAR ownershipDocument XML filings built in code, for import scenarios the real fixtures do not cover.</summary>
internal static class SyntheticForm4
{
    /// <summary>One non-derivative trade.</summary>
    public sealed record Trade(string Code, DateOnly Date, decimal Shares, decimal Price, string AcquiredDisposed);

    public static Form4File File(string name, string ownerName, string? ownerCik, params Trade[] trades) =>
        new(name, Encoding.UTF8.GetBytes(Xml(ownerName, ownerCik, trades)));

    public static Trade Purchase(DateOnly date, decimal shares, decimal price) => new("P", date, shares, price, "A");

    public static Trade Sale(DateOnly date, decimal shares, decimal price) => new("S", date, shares, price, "D");

    public static string Xml(string ownerName, string? ownerCik, IReadOnlyList<Trade> trades)
    {
        var rows = new StringBuilder();
        foreach (var t in trades)
        {
            rows.Append(CultureInfo.InvariantCulture, $"""
                <nonDerivativeTransaction>
                  <securityTitle><value>Common Stock</value></securityTitle>
                  <transactionDate><value>{t.Date:yyyy-MM-dd}</value></transactionDate>
                  <transactionCoding><transactionFormType>4</transactionFormType><transactionCode>{t.Code}</transactionCode><equitySwapInvolved>0</equitySwapInvolved></transactionCoding>
                  <transactionAmounts>
                    <transactionShares><value>{t.Shares}</value></transactionShares>
                    <transactionPricePerShare><value>{t.Price}</value></transactionPricePerShare>
                    <transactionAcquiredDisposedCode><value>{t.AcquiredDisposed}</value></transactionAcquiredDisposedCode>
                  </transactionAmounts>
                  <postTransactionAmounts><sharesOwnedFollowingTransaction><value>10000</value></sharesOwnedFollowingTransaction></postTransactionAmounts>
                  <ownershipNature><directOrIndirectOwnership><value>D</value></directOrIndirectOwnership></ownershipNature>
                </nonDerivativeTransaction>
                """);
        }

        var first = trades.Min(t => t.Date);
        var cik = ownerCik is null ? "" : $"<rptOwnerCik>{ownerCik}</rptOwnerCik>";
        return string.Create(CultureInfo.InvariantCulture, $"""
            <?xml version="1.0"?>
            <ownershipDocument>
              <schemaVersion>X0508</schemaVersion>
              <documentType>4</documentType>
              <periodOfReport>{first:yyyy-MM-dd}</periodOfReport>
              <issuer><issuerCik>0000778164</issuerCik><issuerName>Alto Ingredients, Inc.</issuerName><issuerTradingSymbol>ALTO</issuerTradingSymbol></issuer>
              <reportingOwner>
                <reportingOwnerId>{cik}<rptOwnerName>{ownerName}</rptOwnerName></reportingOwnerId>
                <reportingOwnerRelationship><isDirector>0</isDirector><isOfficer>1</isOfficer><officerTitle>Chief Financial Officer</officerTitle></reportingOwnerRelationship>
              </reportingOwner>
              <aff10b5One>0</aff10b5One>
              <nonDerivativeTable>{rows}</nonDerivativeTable>
              <ownerSignature><signatureName>/s/ {ownerName}</signatureName><signatureDate>{first.AddDays(1):yyyy-MM-dd}</signatureDate></ownerSignature>
            </ownershipDocument>
            """);
    }
}
