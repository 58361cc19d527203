package cn.doorstep.party;

import java.time.LocalDate;

/**
 * A community's party figures of a day changed: a registration was confirmed there, or a member's service (a
 * confirmed wish) was recorded for a unit. Published in the transaction that did it, for readers that keep daily
 * figures (the cockpit's statistics), which ask {@link PartyStatistics} again.
 *
 * @param communityId the registration's community, or the served wish's
 * @param day         the China-time day of the confirmation
 */
public record PartyChanged(long communityId, LocalDate day) {
}
