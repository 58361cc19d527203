package cn.doorstep.reward;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.Transactions;
import cn.doorstep.reward.internal.Redemption;
import cn.doorstep.reward.internal.RedemptionMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * 核销: staff of the station a redemption is collected at scan its code and hand the reward over. The
 * change is {@code UPDATE redemption ... WHERE status = 'PENDING' AND collect_by > now}: of a
 * hand-over racing a cancel (or the expiry), exactly one wins. Audited.
 */
@Service
public class RedemptionHandover {

    private final RedemptionMapper redemptions;
    private final RedemptionViews views;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Clock clock;

    RedemptionHandover(RedemptionMapper redemptions, RedemptionViews views, AuditLog audit,
                       Transactions transactions, Clock clock) {
        this.redemptions = redemptions;
        this.views = views;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    public RedemptionView handOver(CurrentUser staff, String scanned) {
        Redemption r = redemptions.selectByCode(RedemptionCodes.normalise(scanned));
        if (r == null) {
            throw new ApiException(RewardError.REDEMPTION_NOT_FOUND);
        }
        if (!staff.isStaffOf(r.getStationId())) {
            throw new ApiException(RewardError.NOT_STATION_STAFF);
        }
        Instant now = clock.instant();
        transactions.readCommitted(() -> {
            if (redemptions.redeem(r.getId(), staff.id(), now) == 0) {
                throw refusal(redemptions.selectById(r.getId()), now);
            }
            audit.record(staff.id(), r.getCommunityId(), "reward.redeem", "redemption", r.getId(),
                    "station " + r.getStationId());
        });
        return views.of(redemptions.selectById(r.getId()));
    }

    /** Why the hand-over matched no row: its state now; past the deadline it is EXPIRED (refund pending). */
    private static ApiException refusal(Redemption r, Instant now) {
        if (RedemptionStatus.PENDING.name().equals(r.getStatus()) && !r.getCollectBy().isAfter(now)) {
            return new ApiException(RewardError.WRONG_STATE, "The redemption expired: it was not collected in time",
                    Map.of("status", RedemptionStatus.EXPIRED.name()));
        }
        return Redemptions.wrongState(r, "handed over");
    }
}
