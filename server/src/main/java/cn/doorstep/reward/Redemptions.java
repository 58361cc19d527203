package cn.doorstep.reward;

import cn.doorstep.common.AfterCommit;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.CommonError;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.Failures;
import cn.doorstep.common.IdempotentRequests;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.common.Transactions;
import cn.doorstep.common.Zones;
import cn.doorstep.points.PointsService;
import cn.doorstep.reward.internal.HolderMapper;
import cn.doorstep.reward.internal.Redemption;
import cn.doorstep.reward.internal.RedemptionMapper;
import cn.doorstep.reward.internal.Reward;
import cn.doorstep.reward.internal.RewardMapper;
import cn.doorstep.reward.internal.StockGate;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Redeeming and cancelling. A redemption is one transaction: the per-user limit on the holder row, the
 * redemption row, the points spend ({@link PointsService#spend}, guarded by the balance) and, last, the
 * stock guard ({@code UPDATE reward SET stock = stock - ? WHERE id = ? AND stock >= ?}). The reward's
 * row is the one every redemption of a hot reward needs, so it is locked as late as possible: its lock
 * is held for that last statement and the commit only, and the redemptions of one reward take turns
 * there rather than through the whole transaction. Before the transaction, a non-locking read refuses
 * an unavailable or sold-out reward without any lock, and the holder row is made (autocommit) so the
 * limit's conditional update meets an existing row. The Redis gate ({@link StockGate}) stands in front:
 * what it reserved and the transaction did not use goes back.
 * <p>
 * Every path that changes these rows locks them in one order, the reward's row last: redemption row,
 * holder row, points account, reward (a redemption's own new row no other path can see yet). Cancel,
 * expiry and 核销 leave PENDING by conditional updates; only the winner gives back, once.
 */
@Service
public class Redemptions {

    static final String REF_TYPE = "redemption";
    static final String QR_PREFIX = "doorstep:redemption:";

    private static final Logger log = LoggerFactory.getLogger(Redemptions.class);

    private final RewardMapper rewards;
    private final RedemptionMapper redemptions;
    private final HolderMapper holders;
    private final StockGate gate;
    private final PointsService points;
    private final RedemptionViews views;
    private final RedemptionCodes codes;
    private final RedemptionNotices notices;
    private final RewardProperties properties;
    private final Transactions transactions;
    private final IdempotentRequests idempotent;
    private final Failures failures;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Redemptions(RewardMapper rewards, RedemptionMapper redemptions, HolderMapper holders, StockGate gate,
                PointsService points, RedemptionViews views, RedemptionCodes codes, RedemptionNotices notices,
                RewardProperties properties, Transactions transactions, IdempotentRequests idempotent, Failures failures,
                ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.rewards = rewards;
        this.redemptions = redemptions;
        this.holders = holders;
        this.gate = gate;
        this.points = points;
        this.views = views;
        this.codes = codes;
        this.notices = notices;
        this.properties = properties;
        // READ COMMITTED: every decision here is a locking read or a guarded update, and without the gap
        // locks of REPEATABLE READ one user's redemption does not lock the neighbouring users' points rows
        this.transactions = transactions;
        this.idempotent = idempotent;
        this.failures = failures;
        this.clock = clock;
    }

    /** MySQL refused the stock: nothing (enough) left. */
    private static final class StockRefused extends RuntimeException {
        StockRefused() {
            super(null, null, false, false);
        }
    }

    /** What a redemption asks for, as the Idempotency-Key's fingerprint compares it. */
    private record Requested(long rewardId, int quantity) {
    }

    /**
     * Redeems {@code quantity} of a reward for {@code key}, the client's Idempotency-Key. The stock gate
     * answers first: sold out is refused from Redis alone, before the key is claimed (no MySQL, nothing
     * kept, so a retry after a restock redeems). Then the key is claimed and the redemption decided; a
     * retry of a redemption that went through answers it, whatever Redis remembers.
     */
    public RedemptionView redeem(CurrentUser me, long rewardId, int quantity, String key) {
        idempotent.requireKey(key);
        // a repeat of this user's request with this key passes the gate: it gets its first answer, not "sold out"
        StockGate.Answer answer = properties.gate()
                ? gate.reserve(rewardId, quantity, request(me, key), () -> stockOf(rewardId)) : null;
        if (answer == StockGate.Answer.SOLD_OUT) {
            throw soldOut();
        }
        boolean[] decided = {false};
        try {
            return idempotent.once(me.id(), key, "reward.redeem", new Requested(rewardId, quantity),
                    RedemptionView.class, () -> {
                        decided[0] = true;
                        return decide(me, rewardId, quantity, key, answer);
                    });
        } finally {
            if (!decided[0] && answer == StockGate.Answer.RESERVED) {
                // the key's first request answers (a replay, still running, another body): its units back,
                // its request kept, so later retries of that request still get its answer
                giveBackUnused(rewardId, quantity);
            }
        }
    }

    /** After the gate and the key: availability, then the limit, the spend and the stock in one transaction. */
    private RedemptionView decide(CurrentUser me, long rewardId, int quantity, String key, StockGate.Answer answer) {
        boolean reserved = answer == StockGate.Answer.RESERVED;
        if (answer == StockGate.Answer.REPEAT) { // decides after all: its units from the gate, as a new one would
            StockGate.Answer units = gate.reserveUnits(rewardId, quantity, () -> stockOf(rewardId));
            if (units == StockGate.Answer.SOLD_OUT) {
                release(false, rewardId, quantity, request(me, key));
                throw soldOut();
            }
            reserved = units == StockGate.Answer.RESERVED;
        }
        try {
            Reward reward = redeemable(rewardId, quantity);
            // autocommit, before the transaction: the limit's update below meets an existing row (no gap
            // locks), and INSERT IGNORE on the (reward, user) key is safe however many race
            holders.ensure(rewardId, me.id());
            return views.of(transactions.readCommitted(() -> book(me.id(), reward, quantity, key)));
        } catch (StockRefused refused) {
            if (properties.gate()) { // Redis counted more than MySQL had: reload it
                failures.tolerated(log, "reward.gate", "Stock gate of reward " + rewardId + " not forgotten after "
                        + "MySQL refused; the reconciliation corrects it", () -> gate.forget(rewardId));
                release(false, rewardId, quantity, request(me, key));
            }
            throw soldOut();
        } catch (DuplicateKeyException retried) {
            // the request went through before (Redis forgot its key): the units back, the request kept
            if (reserved) {
                giveBackUnused(rewardId, quantity);
            }
            Redemption earlier = redemptions.selectByRequest(me.id(), key);
            if (earlier == null) {
                throw retried;
            }
            if (earlier.getRewardId() != rewardId || earlier.getQuantity() != quantity) {
                throw new ApiException(CommonError.IDEMPOTENCY_KEY_REUSED);
            }
            return views.of(earlier);
        } catch (RuntimeException failed) {
            if (properties.gate()) {
                release(reserved, rewardId, quantity, request(me, key));
            }
            throw failed;
        }
    }

    /** The stock gate's name for a request: the user and their Idempotency-Key. */
    private static String request(CurrentUser me, String key) {
        return me.id() + ":" + key;
    }

    /** Units a request reserved and did not use go back; never throwing over the caller's answer. */
    private void giveBackUnused(long rewardId, int quantity) {
        failures.tolerated(log, "reward.gate", "Stock gate of reward " + rewardId + " kept a reservation MySQL did "
                + "not use; the reconciliation corrects it", () -> gate.giveBack(rewardId, quantity));
    }

    /**
     * A request that failed: its units back (if it held any) and the request forgotten, so a retry with
     * its key decides again; never throwing over the caller's answer.
     */
    private void release(boolean reserved, long rewardId, int quantity, String request) {
        failures.tolerated(log, "reward.gate", "Stock gate of reward " + rewardId + " kept a failed request's "
                + "reservation; the reconciliation corrects it",
                () -> gate.release(rewardId, reserved ? quantity : 0, request));
    }

    private long stockOf(long rewardId) {
        Integer stock = rewards.selectStock(rewardId);
        if (stock == null) {
            throw new ApiException(RewardError.REWARD_NOT_FOUND);
        }
        return stock;
    }

    /**
     * The reward, read without a lock, if it can be redeemed now: not found, not available, or (its
     * stock as read already too small) sold out, without locking anything.
     */
    private Reward redeemable(long rewardId, int quantity) {
        Reward reward = rewards.selectById(rewardId);
        if (reward == null) {
            throw new ApiException(RewardError.REWARD_NOT_FOUND);
        }
        Instant now = clock.instant();
        String unavailable = !RewardStatus.ACTIVE.name().equals(reward.getStatus()) ? "withdrawn"
                : reward.getAvailableFrom() != null && reward.getAvailableFrom().isAfter(now) ? "not-yet"
                : reward.getAvailableUntil() != null && !reward.getAvailableUntil().isAfter(now) ? "ended" : null;
        if (unavailable != null) {
            throw new ApiException(RewardError.NOT_AVAILABLE, "The reward cannot be redeemed now (" + unavailable + ")",
                    Map.of("reason", unavailable));
        }
        if (reward.getStock() < quantity) {
            throw new StockRefused();
        }
        return reward;
    }

    /** The redemption's transaction; the reward's row is locked by its last statement (see the class comment). */
    private Redemption book(long userId, Reward reward, int quantity, String key) {
        long rewardId = reward.getId();
        int limit = reward.getPerUserLimit() == null ? Integer.MAX_VALUE : reward.getPerUserLimit();
        if (holders.take(rewardId, userId, quantity, limit) == 0) {
            throw new ApiException(RewardError.LIMIT_REACHED, "One person may hold " + limit + " of this reward",
                    Map.of("limit", limit));
        }
        var r = new Redemption();
        r.setRewardId(rewardId);
        r.setUserId(userId);
        r.setStationId(reward.getStationId());
        r.setCommunityId(reward.getCommunityId());
        r.setQuantity(quantity);
        r.setPoints((long) reward.getPointsPrice() * quantity);
        r.setRequestKey(key);
        r.setStatus(RedemptionStatus.PENDING.name());
        r.setCollectBy(clock.instant().plus(properties.collectWithin()));
        codes.insertWithNewCode(r);
        notices.ready(r, reward.getName());
        points.spend(userId, r.getPoints(), REF_TYPE, String.valueOf(r.getId()), reward.getCommunityId(),
                memo(reward.getName(), quantity));
        if (rewards.take(rewardId, quantity) == 0) {
            throw new StockRefused(); // all of the above rolls back
        }
        events.publishEvent(new RedemptionChanged(r.getCommunityId(), LocalDate.ofInstant(clock.instant(), Zones.CHINA)));
        return r;
    }

    private static String memo(String name, int quantity) {
        String memo = quantity == 1 ? name : name + " ×" + quantity;
        return memo.length() <= 64 ? memo : memo.substring(0, 64);
    }

    /** The holder cancels before collection: points and stock come back, exactly once. */
    public RedemptionView cancel(CurrentUser me, long id) {
        Redemption r = own(me, id);
        transactions.readCommitted(() -> {
            if (redemptions.cancel(id, me.id(), clock.instant()) == 0) {
                throw wrongState(redemptions.selectById(id), "cancelled");
            }
            giveBackAll(r, null);
            return r;
        });
        return views.of(redemptions.selectById(id));
    }

    /**
     * Gives a closed (cancelled or expired) redemption's holding, points and stock back, inside the
     * transaction that closed it, in the redemption's lock order (the reward's row last); Redis follows
     * after the commit.
     */
    void giveBackAll(Redemption r, Long operatorId) {
        holders.giveBack(r.getRewardId(), r.getUserId(), r.getQuantity());
        points.refund(r.getUserId(), REF_TYPE, String.valueOf(r.getId()), operatorId);
        rewards.giveBack(r.getRewardId(), r.getQuantity());
        events.publishEvent(new RedemptionChanged(r.getCommunityId(), LocalDate.ofInstant(r.getCreatedAt(), Zones.CHINA)));
        AfterCommit.run(() -> gate.giveBackAfterCommit(r.getRewardId(), r.getQuantity()));
    }

    public PageResult<RedemptionView> mine(CurrentUser me, RedemptionStatus status, PageQuery page) {
        Page<Redemption> rows = redemptions.selectMine(me.id(), status == null ? null : status.name(),
                new Page<>(page.page(), page.size()));
        return PageResult.of(views.of(rows.getRecords()), rows.getTotal(), page);
    }

    public RedemptionView one(CurrentUser me, long id) {
        return views.of(own(me, id));
    }

    /** The caller's redemption; another user's is 404 like one that does not exist. */
    private Redemption own(CurrentUser me, long id) {
        Redemption r = redemptions.selectById(id);
        if (r == null || r.getUserId() != me.id()) {
            throw new ApiException(RewardError.REDEMPTION_NOT_FOUND);
        }
        return r;
    }

    static ApiException wrongState(Redemption r, String action) {
        String status = r.getStatus();
        return new ApiException(RewardError.WRONG_STATE, "The redemption is " + status + ": it cannot be " + action,
                Map.of("status", status));
    }

    private static ApiException soldOut() {
        return new ApiException(RewardError.SOLD_OUT);
    }
}
