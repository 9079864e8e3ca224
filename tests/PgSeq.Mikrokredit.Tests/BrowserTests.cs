using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using PgSeq.Mikrokredit.Tests.Infrastructure;
using PgSeq.Tests.Infrastructure;

namespace PgSeq.Mikrokredit.Tests;

/// <summary>The page at /, driven in headless Chromium as a person would use it.</summary>
public sealed class BrowserTests(PostgresServer server)
{
    private static readonly TimeSpan PageTimeout = TimeSpan.FromSeconds(15);

    private static Task WaitForAsync(ChromeDriver page, Func<ChromeDriver, bool> condition, string what) =>
        Eventually.HoldsAsync(() => Task.FromResult(condition(page)), PageTimeout, what);

    private static void FillLoanForm(ChromeDriver page, string website, int installmentCount)
    {
        page.FindElement(By.Id("website")).SendKeys(website);
        page.FindElement(By.Id("amountBorrowed")).SendKeys("1000");
        page.FindElement(By.Id("amountDue")).SendKeys("1200");
        var installments = page.FindElement(By.Id("installmentCount"));
        installments.Clear();
        installments.SendKeys(installmentCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        page.FindElement(By.Id("add-loan")).Click();
    }

    [Fact]
    public async Task A_loan_added_through_the_form_after_the_import_is_listed_as_29_with_its_installments()
    {
        await using var db = await server.CreateDatabaseAsync();
        Assert.Equal(0, (await Import.RunAsync(db, SampleFiles.Csv)).ExitCode);
        await using var app = await MikrokreditHost.StartAsync(db);
        using var chromium = HeadlessChromium.Start();
        var page = chromium.WebDriver;

        await page.Navigate().GoToUrlAsync(app.Address.ToString());
        await WaitForAsync(page, p => p.FindElements(By.CssSelector("#loans tr")).Count == 28, "the 28 imported loans are listed");
        FillLoanForm(page, "browser.example", installmentCount: 4);

        await WaitForAsync(page, p => p.FindElements(By.CssSelector("#loans tr[data-loan-id='29']")).Count == 1, "loan 29 is listed");
        Assert.Equal("Added loan 29 with installments 65, 66, 67, 68.", page.FindElement(By.Id("message")).Text);
        var row = page.FindElement(By.CssSelector("#loans tr[data-loan-id='29']"));
        Assert.Contains("browser.example", row.Text, StringComparison.Ordinal);
        Assert.Equal(["65", "66", "67", "68"], row.FindElements(By.CssSelector("li")).Select(li => li.GetDomAttribute("data-installment-id")));

        row.FindElement(By.CssSelector("li[data-installment-id='65'] button")).Click();
        await WaitForAsync(page, p => p.FindElement(By.Id("message")).Text == "Installment 65 marked paid.", "installment 65 is marked paid");
        Assert.True(await db.ScalarAsync<bool>("SELECT paid FROM installments WHERE id = 65"));
    }

    [Fact]
    public async Task On_a_database_imported_without_repair_the_form_shows_the_duplicate_key_and_works_after_pgseq_fix()
    {
        await using var db = await server.CreateDatabaseAsync();
        Assert.Equal(0, (await Import.RunAsync(db, SampleFiles.Csv, "--no-repair")).ExitCode);
        await using var app = await MikrokreditHost.StartAsync(db);
        using var chromium = HeadlessChromium.Start();
        var page = chromium.WebDriver;
        await page.Navigate().GoToUrlAsync(app.Address.ToString());
        await WaitForAsync(page, p => p.FindElements(By.CssSelector("#loans tr")).Count == 28, "the 28 imported loans are listed");

        FillLoanForm(page, "incident.example", installmentCount: 2);
        await WaitForAsync(page, p => p.FindElement(By.Id("message")).Text.Length > 0, "the page answers");
        Assert.Equal(
            "Could not add the loan: The loan could not be saved: duplicate key value violates unique constraint \"loans_pkey\": Key (id)=(1) already exists.",
            page.FindElement(By.Id("message")).Text);

        Assert.Equal(0, (await PgSeqCommand.RunAsync("fix", db.ConnectionStringForPsql())).ExitCode);
        page.FindElement(By.Id("add-loan")).Click();
        await WaitForAsync(page, p => p.FindElements(By.CssSelector("#loans tr[data-loan-id='29']")).Count == 1, "loan 29 is listed after pgseq fix");
        Assert.Equal("Added loan 29 with installments 65, 66.", page.FindElement(By.Id("message")).Text);
    }
}
