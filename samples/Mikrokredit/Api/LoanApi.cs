using Microsoft.EntityFrameworkCore;
using Mikrokredit.Data;
using Npgsql;

namespace Mikrokredit.Api;

/// <summary>The JSON API: add a loan with its installments, list loans, mark an installment paid.</summary>
internal static partial class LoanApi
{
    public static IEndpointRouteBuilder MapLoanApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/loans", ListAsync);
        endpoints.MapGet("/api/loans/{id:int}", GetAsync);
        endpoints.MapPost("/api/loans", AddAsync);
        endpoints.MapPost("/api/installments/{id:int}/paid", MarkPaidAsync);
        return endpoints;
    }

    private static async Task<IResult> ListAsync(MikrokreditContext db, CancellationToken cancellationToken)
    {
        var loans = await db.Loans.AsNoTracking().Include(l => l.Installments).OrderBy(l => l.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(loans.Select(LoanView.Of));
    }

    private static async Task<IResult> GetAsync(int id, MikrokreditContext db, CancellationToken cancellationToken)
    {
        var loan = await db.Loans.AsNoTracking().Include(l => l.Installments).SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
        return loan is null ? TypedResults.Problem($"There is no loan {id}.", statusCode: StatusCodes.Status404NotFound) : TypedResults.Ok(LoanView.Of(loan));
    }

    private static async Task<IResult> AddAsync(NewLoan request, MikrokreditContext db, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var loan = request.ToLoan();
        db.Loans.Add(loan);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (error.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } duplicate)
        {
            // The incident: the sequence handed out an id that an import had already used. Say so in the response
            // (as the original app showed it) and in the log, with where to look.
            LogDuplicateKey(loggers.CreateLogger(typeof(LoanApi).FullName!), duplicate.MessageText, duplicate.Detail);
            return TypedResults.Problem(
                title: "The loan could not be saved",
                detail: $"{duplicate.MessageText}: {duplicate.Detail}",
                statusCode: StatusCodes.Status500InternalServerError);
        }

        return TypedResults.Created($"/api/loans/{loan.Id}", LoanView.Of(loan));
    }

    private static async Task<IResult> MarkPaidAsync(int id, MikrokreditContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var loan = await db.Loans.Include(l => l.Installments).SingleOrDefaultAsync(l => l.Installments.Any(i => i.Id == id), cancellationToken);
        if (loan is null)
        {
            return TypedResults.Problem($"There is no installment {id}.", statusCode: StatusCodes.Status404NotFound);
        }

        var installment = loan.Installments.Single(i => i.Id == id);
        if (!installment.Paid)
        {
            installment.Paid = true;
            installment.PaidDate = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        }

        loan.IsPaid = loan.Installments.All(i => i.Paid);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(LoanView.Of(loan));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Saving a loan failed ({Message}: {Detail}); a sequence is probably behind the data after an import or restore with explicit ids: GET /health names it, and pgseq fix repairs it")]
    private static partial void LogDuplicateKey(ILogger logger, string message, string? detail);
}
