#region EF Core: check and fix the model's sequences
using PgSeq;
using PgSeq.EntityFrameworkCore;

namespace MyApp.Data;

public static class LendingSequences
{
    // LendingContext is the application's DbContext: the tables of its model are checked, and nothing else.
    public static async Task<DriftReport> RepairAsync(LendingContext db, CancellationToken cancellationToken)
    {
        var report = await db.Database.CheckSequencesAsync(cancellationToken: cancellationToken);
        if (report.Summary.Drift == 0)
        {
            return report;
        }

        // inside db.Database.CurrentTransaction when there is one, so the repair commits with it
        return await db.Database.FixSequencesAsync(cancellationToken: cancellationToken);
    }
}
#endregion
