package cn.doorstep.points;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.CommonError;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.Transactions;
import cn.doorstep.points.internal.LedgerEntry;
import cn.doorstep.points.internal.PointsBook;
import cn.doorstep.points.internal.RuleMapper;
import cn.doorstep.points.internal.RuleRow;
import cn.doorstep.user.UserService;
import cn.doorstep.user.UserView;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What community admins do with points: correct a member's balance (a new entry with a reason,
 * audited, never an edit; never their own) and set their community's earning rules. A platform admin
 * may do both for any community.
 */
@Service
public class PointsAdministration {

    private final PointsBook book;
    private final RuleMapper rules;
    private final PointsService points;
    private final PointsProperties properties;
    private final UserService users;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Clock clock;

    PointsAdministration(PointsBook book, RuleMapper rules, PointsService points, PointsProperties properties,
                         UserService users, AuditLog audit, Transactions transactions, Clock clock) {
        this.book = book;
        this.rules = rules;
        this.points = points;
        this.properties = properties;
        this.users = users;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A rule as admins read and write it. */
    public record RuleView(PointsReason kind, int pointsPerUnit, Integer dailyCap, Integer lifetimeCap, boolean custom) {
    }

    /**
     * Adds (or, negative, removes) points of a member of the admin's community. The admin's
     * Idempotency-Key is the entry's reference: a retried request adjusts once.
     */
    public LedgerEntryView adjust(CurrentUser admin, long userId, long delta, String reason, String idempotencyKey) {
        if (userId == admin.id()) {
            throw new ApiException(PointsError.OWN_POINTS); // a correction of one's own balance is someone else's call
        }
        UserView member = users.find(userId).orElseThrow(() -> new ApiException(PointsError.NOT_A_MEMBER));
        Long community = member.communityId();
        if (!admin.isPlatformAdmin() && (community == null || !admin.isAdminOf(community))) {
            throw new ApiException(PointsError.NOT_A_MEMBER);
        }
        String refId = admin.id() + ":" + idempotencyKey;
        LedgerEntry earlier = book.find(userId, PointsReason.ADJUSTMENT.name(), "adjustment", refId);
        if (earlier != null) {
            return PointsService.view(earlier);
        }
        return PointsService.view(transactions.readCommitted(() -> {
            book.lock(userId);
            LedgerEntry twin = book.findLocked(userId, PointsReason.ADJUSTMENT.name(), "adjustment", refId);
            if (twin != null) {
                return twin;
            }
            var entry = new PointsBook.Entry(userId, PointsReason.ADJUSTMENT.name(), "adjustment", refId, community,
                    admin.id(), null, reason.strip());
            LedgerEntry saved = delta > 0
                    ? book.credit(entry, delta, false, book.validUntil(properties.validityMonths()))
                    : book.deduct(entry, -delta);
            if (saved == null) {
                throw new ApiException(PointsError.ADJUSTMENT_TOO_LARGE);
            }
            audit.record(admin.id(), community, "points.adjust", "user", userId, null);
            return saved;
        }));
    }

    @Transactional(readOnly = true)
    public List<RuleView> rules(CurrentUser admin, long communityId) {
        requireAdminOf(admin, communityId);
        var custom = rules.selectOfCommunity(communityId);
        return Arrays.stream(PointsReason.values()).filter(PointsReason::earning).map(kind -> {
            PointsProperties.Rule rule = points.ruleOf(communityId, kind);
            boolean own = custom.stream().anyMatch(r -> r.getKind().equals(kind.name()));
            return new RuleView(kind, rule.pointsPerUnit(), rule.dailyCap(), rule.lifetimeCap(), own);
        }).toList();
    }

    @Transactional
    public RuleView setRule(CurrentUser admin, long communityId, PointsReason kind, int pointsPerUnit, Integer dailyCap,
                            Integer lifetimeCap) {
        requireAdminOf(admin, communityId);
        if (!kind.earning()) {
            throw ApiException.badField(PointsError.NOT_EARNING, "kind", "must be an earning kind");
        }
        var row = new RuleRow();
        row.setCommunityId(communityId);
        row.setKind(kind.name());
        row.setPointsPerUnit(pointsPerUnit);
        row.setDailyCap(dailyCap);
        row.setLifetimeCap(lifetimeCap);
        row.setUpdatedBy(admin.id());
        row.setUpdatedAt(clock.instant());
        rules.upsert(row);
        audit.record(admin.id(), communityId, "points.rule", "community", communityId, kind.name());
        return new RuleView(kind, pointsPerUnit, dailyCap, lifetimeCap, true);
    }

    static void requireAdminOf(CurrentUser admin, long communityId) {
        if (!admin.isPlatformAdmin() && !admin.isAdminOf(communityId)) {
            throw new ApiException(CommonError.FORBIDDEN, "You are not an admin of this community");
        }
    }
}
