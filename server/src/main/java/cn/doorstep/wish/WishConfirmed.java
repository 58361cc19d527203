package cn.doorstep.wish;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A wish closed as done: by its poster, by an admin settling a dispute, or automatically. Published in
 * the transaction that confirmed it (the event publication registry keeps it until every listener
 * succeeded); the claimer's points are awarded in that same transaction, not from this event.
 *
 * @param rating the poster's 1-5, or null (automatic confirmation, admin decision)
 * @param hours  what the claimer reported spending, or null
 */
public record WishConfirmed(long wishId, long claimerId, long posterId, long communityId, Long gridId, Integer rating,
                            BigDecimal hours, Instant confirmedAt, boolean automatic) {
}
