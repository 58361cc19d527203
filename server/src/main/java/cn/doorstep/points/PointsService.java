package cn.doorstep.points;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.common.AfterCommit;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.common.Transactions;
import cn.doorstep.common.Zones;
import cn.doorstep.notify.NotificationKind;
import cn.doorstep.notify.Notifier;
import cn.doorstep.points.internal.LedgerEntry;
import cn.doorstep.points.internal.LedgerMapper;
import cn.doorstep.points.internal.LotMapper;
import cn.doorstep.points.internal.PointsAccount;
import cn.doorstep.points.internal.PointsBook;
import cn.doorstep.points.internal.RuleMapper;
import cn.doorstep.points.internal.RuleRow;
import cn.doorstep.points.rank.Leaderboard;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Earning and spending points. Every change is one transaction on the user's locked account row
 * (see {@link PointsBook}); every award and spend is idempotent by its reference, so a redelivered
 * event or a retried request changes nothing twice.
 */
@Service
public class PointsService {

    /** The day for all-time tallies (lifetime caps). */
    private static final LocalDate ALL_TIME = LocalDate.EPOCH;
    private static final DateTimeFormatter NOTICE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final PointsBook book;
    private final LedgerMapper ledger;
    private final LotMapper lots;
    private final RuleMapper rules;
    private final PointsProperties properties;
    private final Leaderboard leaderboard;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Notifier notifier;
    private final Clock clock;

    PointsService(PointsBook book, LedgerMapper ledger, LotMapper lots, RuleMapper rules, PointsProperties properties,
                  Leaderboard leaderboard, AuditLog audit, Transactions transactions, Notifier notifier, Clock clock) {
        this.book = book;
        this.ledger = ledger;
        this.lots = lots;
        this.rules = rules;
        this.properties = properties;
        this.leaderboard = leaderboard;
        this.audit = audit;
        this.transactions = transactions;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** What an award came to. {@code entry} is empty when the caps left nothing to grant. */
    public record Awarded(long points, Optional<LedgerEntryView> entry, boolean repeated) {
    }

    /**
     * Awards points under the community's rule for the kind, within its daily and lifetime caps (a
     * partial grant when a cap is nearly reached). The same award again answers the first one's entry.
     * Runs in its own transaction unless the caller has one (a wish's confirmation awards in its own).
     */
    public Awarded award(Award award) {
        return onceByReference(() -> book.find(award.userId(), award.reason().name(), award.refType(), award.refId()),
                () -> grant(award));
    }

    private Awarded grant(Award award) {
        PointsProperties.Rule rule = ruleOf(award.communityId(), award.reason());
        long points = BigDecimal.valueOf(rule.pointsPerUnit()).multiply(award.units())
                .setScale(0, RoundingMode.DOWN).longValueExact();
        book.lock(award.userId());
        LedgerEntry twin = book.findLocked(award.userId(), award.reason().name(), award.refType(), award.refId());
        if (twin != null) { // a racing twin committed while this waited for the lock
            return new Awarded(twin.getDelta(), Optional.of(view(twin)), true);
        }
        long granted = Math.min(points, Math.min(
                room(award.userId(), award.reason(), award.day(), rule.dailyCap()),
                room(award.userId(), award.reason(), ALL_TIME, rule.lifetimeCap())));
        if (granted <= 0) {
            return new Awarded(0, Optional.empty(), false);
        }
        rules.addToTally(award.userId(), award.reason().name(), award.day(), granted);
        rules.addToTally(award.userId(), award.reason().name(), ALL_TIME, granted);
        LedgerEntry entry = book.credit(new PointsBook.Entry(award.userId(), award.reason().name(), award.refType(),
                award.refId(), award.communityId(), award.operatorId(),
                award.reason() == PointsReason.VOLUNTEER_SERVICE ? award.units() : null, award.memo()),
                granted, true, book.validUntil(properties.validityMonths()));
        if (award.operatorId() != null) { // staff confirmed it for someone else: audited with the change
            audit.record(award.operatorId(), award.communityId(), "points.award", "user", award.userId(), null);
        }
        AfterCommit.run(() -> leaderboard.earned(award.communityId(), award.userId(), granted, entry.getCreatedAt()));
        earned(award, granted, entry);
        return new Awarded(granted, Optional.of(view(entry)), false);
    }

    /** The points-earned notice, in the award's transaction: one per ledger entry. */
    private void earned(Award award, long granted, LedgerEntry entry) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("number1", Long.toString(granted));
        fields.put("thing2", forWhat(award));
        fields.put("time3", NOTICE_TIME.format(entry.getCreatedAt().atZone(Zones.CHINA)));
        notifier.notify(award.userId(), NotificationKind.POINTS_EARNED, fields, "pages/points/ledger",
                "points:" + entry.getId());
    }

    /** What the points are for, as the notice says it: 驿站打卡, 志愿服务：…, 完成微心愿：…, 参加活动：… */
    private static String forWhat(Award award) {
        String memo = award.memo() == null || award.memo().isBlank() ? null : award.memo().strip();
        return switch (award.reason()) {
            case RIDER_CHECKIN -> "驿站打卡";
            case VOLUNTEER_SERVICE -> memo == null ? "志愿服务" : "志愿服务：" + memo;
            case WISH_FULFILLED -> memo == null ? "完成微心愿" : "完成" + memo; // the wish's memo: 微心愿：<title>
            case ACTIVITY_ATTENDED -> memo == null ? "参加活动" : "参加活动：" + memo;
            case REPORT_RESOLVED -> "诉求办结";
            default -> memo == null ? "积分奖励" : memo;
        };
    }

    /**
     * Spends points for {@code refType}/{@code refId} (a redemption) inside the caller's transaction;
     * 409 {@link PointsError#INSUFFICIENT_POINTS} when the balance is too low. Spending the same
     * reference again answers the first spend.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public LedgerEntryView spend(long userId, long points, String refType, String refId, Long communityId, String memo) {
        LedgerEntry earlier = book.find(userId, PointsReason.REDEEM.name(), refType, refId);
        if (earlier != null) {
            return view(earlier);
        }
        book.lock(userId);
        LedgerEntry twin = book.findLocked(userId, PointsReason.REDEEM.name(), refType, refId);
        if (twin != null) {
            return view(twin);
        }
        LedgerEntry entry = book.debit(new PointsBook.Entry(userId, PointsReason.REDEEM.name(), refType, refId,
                communityId, null, null, memo), points);
        if (entry == null) {
            throw new ApiException(PointsError.INSUFFICIENT_POINTS, "This needs " + points + " points");
        }
        return view(entry);
    }

    /**
     * Gives back the spend of {@code refType}/{@code refId}, at most once, inside the caller's
     * transaction; empty when there was no such spend.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<LedgerEntryView> refund(long userId, String refType, String refId, Long operatorId) {
        LedgerEntry spend = book.find(userId, PointsReason.REDEEM.name(), refType, refId);
        if (spend == null) {
            return Optional.empty();
        }
        LedgerEntry earlier = book.find(userId, PointsReason.REDEEM_REFUND.name(), refType, refId);
        if (earlier != null) {
            return Optional.of(view(earlier));
        }
        book.lock(userId);
        LedgerEntry twin = book.findLocked(userId, PointsReason.REDEEM_REFUND.name(), refType, refId);
        if (twin != null) {
            return Optional.of(view(twin));
        }
        return Optional.of(view(book.refund(new PointsBook.Entry(userId, PointsReason.REDEEM_REFUND.name(), refType,
                refId, spend.getCommunityId(), operatorId, null, spend.getMemo()), spend)));
    }

    /** The account as its owner sees it (due points expired first). */
    public AccountView account(long userId) {
        return transactions.readCommitted(() -> {
            PointsAccount account = book.lock(userId);
            long soon = lots.sumExpiringBetween(userId, clock.instant(), clock.instant().plus(Duration.ofDays(30)));
            return new AccountView(account.getBalance(), account.getEarned(), account.getSpent(), account.getExpired(),
                    soon);
        });
    }

    @Transactional(readOnly = true)
    public PageResult<LedgerEntryView> ledger(long userId, PageQuery page) {
        Page<LedgerEntry> rows = ledger.selectNewestFirst(userId, new Page<>(page.page(), page.size()));
        return PageResult.of(rows.getRecords().stream().map(PointsService::view).toList(), rows.getTotal(), page);
    }

    /** A user as a volunteer: the code staff scan to confirm service, and all-time totals. */
    public record Member(String memberCode, long earned, BigDecimal serviceHours) {
    }

    /** The member side of an account (opened on first use). */
    public Member member(long userId) {
        return transactions.readCommitted(() -> {
            PointsAccount account = book.lock(userId);
            BigDecimal hours = ledger.sumServiceHours(userId);
            return new Member(account.getMemberCode(), account.getEarned(), hours == null ? BigDecimal.ZERO : hours);
        });
    }

    /** The rule that applies to a kind in a community: its own, or the configured default. */
    public PointsProperties.Rule ruleOf(long communityId, PointsReason kind) {
        RuleRow row = rules.selectRule(communityId, kind.name());
        return row == null ? properties.defaultRule(kind)
                : new PointsProperties.Rule(row.getPointsPerUnit(), row.getDailyCap(), row.getLifetimeCap());
    }

    /** How many more points the cap of this tally allows (the tally row stays locked to the end). */
    private long room(long userId, PointsReason kind, LocalDate day, Integer cap) {
        if (cap == null) {
            return Long.MAX_VALUE;
        }
        rules.openTally(userId, kind.name(), day);
        return Math.max(0, cap - rules.lockTally(userId, kind.name(), day));
    }

    /**
     * Runs {@code change} in a transaction of its own (or the caller's) unless {@code earlier} finds
     * it happened; when a racing twin wins the unique key, answers the twin's entry.
     */
    private Awarded onceByReference(Supplier<LedgerEntry> earlier, Supplier<Awarded> change) {
        LedgerEntry done = earlier.get();
        if (done != null) {
            return new Awarded(done.getDelta(), Optional.of(view(done)), true);
        }
        try {
            return transactions.readCommitted(change);
        } catch (DuplicateKeyException raced) {
            LedgerEntry twin = earlier.get();
            if (twin == null) {
                throw raced;
            }
            return new Awarded(twin.getDelta(), Optional.of(view(twin)), true);
        }
    }

    static LedgerEntryView view(LedgerEntry e) {
        return new LedgerEntryView(e.getId(), e.getDelta(), e.getBalanceAfter(), PointsReason.valueOf(e.getReason()),
                e.getRefType(), e.getRefId(), e.getCommunityId(), e.getHours(), e.getMemo(), e.getCreatedAt());
    }
}
