package cn.doorstep.points.statement;

import cn.doorstep.points.PointsReason;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A 双积分 statement: who (the name as registered — {@code nameVerified} says whether a reviewer
 * checked it — and their community), what they earned by kind in the period, and when it was
 * issued. Never a phone, an address or a user id.
 *
 * @param status ACTIVE, or (seen only by the owner) REVOKED or EXPIRED
 */
public record StatementView(String code, String holderName, boolean nameVerified, Long communityId,
                            String communityName, LocalDate from, LocalDate to, List<Line> lines, long totalPoints,
                            BigDecimal totalHours, Instant issuedAt, Instant expiresAt, Status status) {

    /** One earning kind: how many entries (check-ins, wishes, activities, service sessions), points, hours. */
    public record Line(PointsReason kind, int entries, long points, BigDecimal hours) {
    }

    public enum Status { ACTIVE, REVOKED, EXPIRED }
}
