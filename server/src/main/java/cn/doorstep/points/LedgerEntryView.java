package cn.doorstep.points;

import java.math.BigDecimal;
import java.time.Instant;

/** One line of the ledger as its owner reads it. */
public record LedgerEntryView(long id, long delta, long balanceAfter, PointsReason reason, String refType, String refId,
                              Long communityId, BigDecimal hours, String memo, Instant at) {
}
