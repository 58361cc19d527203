package cn.doorstep.wish;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.auth.RoleService;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.Failures;
import cn.doorstep.common.Transactions;
import cn.doorstep.notify.NotificationKind;
import cn.doorstep.wish.internal.ClaimerMapper;
import cn.doorstep.wish.internal.Wish;
import cn.doorstep.wish.internal.WishAccess;
import cn.doorstep.wish.internal.WishBook;
import cn.doorstep.wish.internal.WishMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Taking a wish: a volunteer's claim, an admin's dispatch (派单) and the volunteer's answer, release,
 * and the deadline that returns a claim nobody fulfilled to the wall. Exactly one claimer wins: the
 * claim is {@code UPDATE wish ... WHERE id = ? AND status = 'OPEN'}, whose row count decides. The cap
 * on open claims holds under parallel claims because one volunteer's claims take turns on their
 * claimer row ({@link ClaimerMapper}) and count what is committed (READ COMMITTED).
 */
@Service
public class WishClaims {

    private static final Logger log = LoggerFactory.getLogger(WishClaims.class);
    private static final int DEADLINE_BATCH = 200;

    private final WishMapper wishes;
    private final ClaimerMapper claimers;
    private final WishBook book;
    private final WishAccess access;
    private final WishQueries queries;
    private final RoleService roles;
    private final AuditLog audit;
    private final WishProperties properties;
    private final Transactions transactions;
    private final Failures failures;
    private final Clock clock;

    WishClaims(WishMapper wishes, ClaimerMapper claimers, WishBook book, WishAccess access, WishQueries queries,
               RoleService roles, AuditLog audit, WishProperties properties, Transactions transactions,
               Failures failures, Clock clock) {
        this.wishes = wishes;
        this.claimers = claimers;
        this.book = book;
        this.access = access;
        this.queries = queries;
        this.roles = roles;
        this.audit = audit;
        this.properties = properties;
        this.transactions = transactions;
        this.failures = failures;
        this.clock = clock;
    }

    public WishDetail claim(CurrentUser me, long id) {
        Wish wish = access.requireVisible(me, id);
        if (access.posterSide(me, wish)) {
            throw new ApiException(WishError.OWN_WISH);
        }
        if (!access.mayClaim(me, wish)) {
            throw new ApiException(WishError.NOT_A_VOLUNTEER);
        }
        if (access.claimer(me, wish) && WishStatus.CLAIMED.name().equals(wish.getStatus())) {
            return queries.detail(me, id); // already theirs: a repeat of a claim that went through
        }
        Instant now = clock.instant();
        take(me.id(), id, () -> wishes.claim(id, me.id(), now, now.plus(properties.claimDeadline())), "claimed",
                WishStep.CLAIMED, Actor.CLAIMER, wish, "已有志愿者认领您的心愿");
        return queries.detail(me, id);
    }

    /** The volunteer an admin dispatched the wish to takes it: a claim like any other (the cap applies). */
    public WishDetail accept(CurrentUser me, long id) {
        Wish wish = access.requireVisible(me, id);
        if (!Objects.equals(wish.getAssigneeId(), me.id())) {
            throw new ApiException(WishError.NOT_DISPATCHED_TO_YOU);
        }
        if (!access.mayClaim(me, wish)) {
            throw new ApiException(WishError.NOT_A_VOLUNTEER);
        }
        Instant now = clock.instant();
        take(me.id(), id, () -> wishes.accept(id, me.id(), now, now.plus(properties.claimDeadline())), "accepted",
                WishStep.ACCEPTED, Actor.VOLUNTEER, wish, "派单志愿者已接单");
        return queries.detail(me, id);
    }

    public WishDetail decline(CurrentUser me, long id, String reason) {
        Wish wish = access.requireVisible(me, id);
        if (!Objects.equals(wish.getAssigneeId(), me.id())) {
            throw new ApiException(WishError.NOT_DISPATCHED_TO_YOU);
        }
        transactions.readCommitted(() -> {
            if (wishes.undispatch(id, me.id(), clock.instant(), null) == 0) {
                throw book.refusal(id, "declined");
            }
            book.step(id, WishStep.DECLINED, WishStatus.OPEN, me.id(), Actor.VOLUNTEER, strip(reason));
        });
        return queries.detail(me, id);
    }

    /** The claimer gives the wish back to the wall; the poster is told. */
    public WishDetail release(CurrentUser me, long id, String reason) {
        Wish wish = access.requireVisible(me, id);
        if (!access.claimer(me, wish)) {
            throw new ApiException(WishError.NOT_THE_CLAIMER);
        }
        transactions.readCommitted(() -> {
            if (wishes.unclaim(id, me.id(), clock.instant(), null) == 0) {
                throw book.refusal(id, "released");
            }
            long step = book.step(id, WishStep.RELEASED, WishStatus.OPEN, me.id(), Actor.CLAIMER, strip(reason));
            book.notice(wish.getPosterId(), NotificationKind.WISH_RELEASED, wish, "志愿者放弃了认领，心愿回到心愿墙", step);
        });
        return queries.detail(me, id);
    }

    /** 派单: an admin of the wish's community assigns an open wish to a named volunteer, who is told. */
    public WishDetail dispatch(CurrentUser admin, long id, long volunteerId) {
        Wish wish = access.requireAdministered(admin, id);
        if (wish.getPosterId() == volunteerId) {
            throw new ApiException(WishError.OWN_WISH);
        }
        if (!access.mayClaim(volunteerId, roles.grantsOf(volunteerId), wish.getCommunityId())) {
            throw ApiException.badField(WishError.NOT_ELIGIBLE_VOLUNTEER, "volunteerId",
                    "is neither a volunteer of the wish's community nor a confirmed party member");
        }
        Instant now = clock.instant();
        transactions.readCommitted(() -> {
            if (wishes.dispatch(id, volunteerId, now, now.plus(properties.claimDeadline())) == 0) {
                throw book.refusal(id, "dispatched");
            }
            long step = book.step(id, WishStep.DISPATCHED, WishStatus.DISPATCHED, admin.id(), Actor.ADMIN, null);
            audit.record(admin.id(), wish.getCommunityId(), "wish.dispatch", "wish", id, "to user " + volunteerId);
            book.notice(volunteerId, NotificationKind.WISH_DISPATCHED, wish, "社区给您派了一个心愿，请接单", step);
        });
        return queries.detail(admin, id);
    }

    /**
     * Returns claims and dispatches past their deadline to the wall, telling both sides. Each is its
     * own conditional update that re-checks the deadline, so instances running this at once, or a
     * fulfilment arriving at the same moment, cannot both win.
     */
    public int expireDue() {
        Instant now = clock.instant();
        int expired = 0;
        for (Wish wish : wishes.selectPastDeadline(now, DEADLINE_BATCH)) {
            try {
                Boolean done = transactions.readCommitted(() -> expire(wish, now));
                expired += Boolean.TRUE.equals(done) ? 1 : 0;
            } catch (RuntimeException e) { // one wish that fails must not hold up the others; the next run retries it
                failures.caught(log, "wish.claim-deadlines", "Expiring the claim of wish " + wish.getId() + " failed; the next run tries again", e);
            }
        }
        return expired;
    }

    private boolean expire(Wish wish, Instant now) {
        long id = wish.getId();
        if (WishStatus.CLAIMED.name().equals(wish.getStatus())) {
            if (wishes.unclaim(id, wish.getClaimerId(), now, now) == 0) {
                return false;
            }
            long step = book.step(id, WishStep.EXPIRED, WishStatus.OPEN, null, Actor.SYSTEM, "CLAIM_DEADLINE");
            book.notice(wish.getPosterId(), NotificationKind.WISH_RELEASED, wish, "认领超时未完成，心愿回到心愿墙", step);
            book.notice(wish.getClaimerId(), NotificationKind.WISH_RELEASED, wish, "您的认领已超时，心愿已回到心愿墙", step);
            return true;
        }
        if (wishes.undispatch(id, wish.getAssigneeId(), now, now) == 0) {
            return false;
        }
        long step = book.step(id, WishStep.EXPIRED, WishStatus.OPEN, null, Actor.SYSTEM, "DISPATCH_DEADLINE");
        book.notice(wish.getAssigneeId(), NotificationKind.WISH_RELEASED, wish, "派单超时未接，心愿已回到心愿墙", step);
        return true;
    }

    /**
     * One volunteer taking a wish: their claimer row locked first (their claims take turns), their open
     * claims counted against the cap, then the conditional update. Both reads see what other
     * transactions committed (READ COMMITTED), so no two claims both see room under the cap.
     */
    private void take(long userId, long id, IntSupplier move, String action, WishStep step, Actor actor, Wish wish,
                      String notice) {
        claimers.ensure(userId, clock.instant());
        transactions.readCommitted(() -> {
            claimers.lock(userId);
            int open = wishes.countOpenClaims(userId);
            if (open >= properties.maxOpenClaims()) {
                throw new ApiException(WishError.CLAIM_LIMIT, "You hold " + open + " open claims; the limit is "
                        + properties.maxOpenClaims(), Map.of("limit", properties.maxOpenClaims()));
            }
            if (move.getAsInt() == 0) {
                throw taken(id, action);
            }
            long event = book.step(id, step, WishStatus.CLAIMED, userId, actor, null);
            book.notice(wish.getPosterId(), NotificationKind.WISH_CLAIMED, wish, notice, event);
        });
    }

    /** A claim that lost: to another volunteer (409 ALREADY_TAKEN) or to some other change (409 WRONG_STATE). */
    private ApiException taken(long id, String action) {
        Wish now = book.require(id);
        String status = now.getStatus();
        if (WishStatus.CLAIMED.name().equals(status) || WishStatus.DISPATCHED.name().equals(status)) {
            return new ApiException(WishError.ALREADY_TAKEN, "The wish is " + status + ": someone else has it",
                    Map.of("status", status));
        }
        return WishBook.wrongState(now, action);
    }

    private static String strip(String reason) {
        return reason == null || reason.isBlank() ? null : reason.strip();
    }
}
