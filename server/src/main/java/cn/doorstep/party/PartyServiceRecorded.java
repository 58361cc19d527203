package cn.doorstep.party;

import java.time.LocalDate;

/**
 * A confirmed wish was credited to a party member's unit (party_service): published in that transaction for readers
 * that keep daily figures (the cockpit's statistics), which ask {@link PartyStatistics} again.
 *
 * @param day the China-time day of the wish's confirmation
 */
public record PartyServiceRecorded(long communityId, LocalDate day) {
}
