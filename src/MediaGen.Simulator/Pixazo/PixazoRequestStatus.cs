namespace MediaGen.Simulator.Pixazo;

/// <summary>Pixazo request states, written upper-case on the wire (<c>QUEUED</c>…).</summary>
public enum PixazoRequestStatus
{
    /// <summary>Accepted, waiting to be processed.</summary>
    Queued,

    /// <summary>Being processed by the model.</summary>
    Processing,

    /// <summary>Done; output holds the media URLs.</summary>
    Completed,

    /// <summary>Failed; see the error field.</summary>
    Failed,

    /// <summary>System error; not charged.</summary>
    Error,
}
