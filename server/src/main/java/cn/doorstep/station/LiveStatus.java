package cn.doorstep.station;

/**
 * What the station's staff say right now. CLOSED_TODAY closes the station from the moment it is set
 * through the end of that China-time date's opening (a window of that date that runs past midnight
 * included) and lapses after it; BUSY and FULL are shown but do not close the station.
 */
public enum LiveStatus {
    OPEN,
    BUSY,
    FULL,
    CLOSED_TODAY;

    /** What to show: a CLOSED_TODAY whose day's opening is over reads as OPEN again. */
    public LiveStatus shown(boolean closureApplies) {
        return this == CLOSED_TODAY && !closureApplies ? OPEN : this;
    }
}
