namespace MediaGen.Workflows.Budgets;

/// <summary>
/// The stored state of one caller's spending in one unit: the current UTC day's and month's reserved and spent amounts,
/// and the reservations still open (by job id), each remembering the periods it was taken in.
/// </summary>
internal sealed record BudgetAccount(
    string Day,
    decimal DayReserved,
    decimal DaySpent,
    string Month,
    decimal MonthReserved,
    decimal MonthSpent,
    Dictionary<string, BudgetAccountHold> Holds)
{
    public static BudgetAccount Empty(string day, string month) => new(day, 0m, 0m, month, 0m, 0m, new(StringComparer.Ordinal));

    /// <summary>This account moved on to <paramref name="day"/> and <paramref name="month"/> (a new period starts from zero; open holds stay).</summary>
    public BudgetAccount RollTo(string day, string month) => this with
    {
        Day = day,
        DayReserved = day == Day ? DayReserved : 0m,
        DaySpent = day == Day ? DaySpent : 0m,
        Month = month,
        MonthReserved = month == Month ? MonthReserved : 0m,
        MonthSpent = month == Month ? MonthSpent : 0m,
    };
}

/// <summary>An open reservation.</summary>
/// <param name="Amount">What is reserved.</param>
/// <param name="Day">The UTC day it counts in.</param>
/// <param name="Month">The UTC month it counts in.</param>
/// <param name="At">When it was taken (absent in reservations stored before it was recorded).</param>
internal sealed record BudgetAccountHold(decimal Amount, string Day, string Month, DateTimeOffset? At = null);
