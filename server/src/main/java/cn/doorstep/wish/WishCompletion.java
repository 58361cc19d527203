package cn.doorstep.wish;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.Failures;
import cn.doorstep.common.Transactions;
import cn.doorstep.common.Zones;
import cn.doorstep.notify.NotificationKind;
import cn.doorstep.points.Award;
import cn.doorstep.points.PointsReason;
import cn.doorstep.points.PointsService;
import cn.doorstep.wish.WishRequests.ConfirmWishRequest;
import cn.doorstep.wish.WishRequests.FulfilWishRequest;
import cn.doorstep.wish.WishRequests.Resolution;
import cn.doorstep.wish.internal.Wish;
import cn.doorstep.wish.internal.WishAccess;
import cn.doorstep.wish.internal.WishBook;
import cn.doorstep.wish.internal.WishMapper;
import cn.doorstep.wish.internal.WishPhoto;
import cn.doorstep.wish.internal.WishPhotoMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The end of a wish: fulfilment (纪实), confirmation with points, automatic confirmation, dispute and its
 * settlement, cancellation. A confirmation — by the poster, an admin or the job — is the conditional
 * update from FULFILLED (or DISPUTED) and, in the same transaction, the claimer's points award: however
 * often it is retried or raced, one update matches, so one award is made (and the ledger's unique key
 * on the wish would refuse a second anyway).
 */
@Service
public class WishCompletion {

    private static final Logger log = LoggerFactory.getLogger(WishCompletion.class);
    private static final int CONFIRM_BATCH = 200;

    private final WishMapper wishes;
    private final WishPhotoMapper photos;
    private final WishBook book;
    private final WishAccess access;
    private final WishQueries queries;
    private final PointsService points;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final WishProperties properties;
    private final Transactions transactions;
    private final Failures failures;
    private final WishModeration moderation;
    private final Clock clock;

    WishCompletion(WishMapper wishes, WishPhotoMapper photos, WishBook book, WishAccess access, WishQueries queries,
                   PointsService points, AuditLog audit, ApplicationEventPublisher events, WishProperties properties,
                   Transactions transactions, Failures failures, WishModeration moderation, Clock clock) {
        this.wishes = wishes;
        this.photos = photos;
        this.book = book;
        this.access = access;
        this.queries = queries;
        this.points = points;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.transactions = transactions;
        this.failures = failures;
        this.moderation = moderation;
        this.clock = clock;
    }

    /** The claimer's record of the work: note, photos stamped with the server's time, hours. */
    public WishDetail fulfil(CurrentUser me, long id, FulfilWishRequest request) {
        Wish wish = access.requireVisible(me, id);
        if (!access.claimer(me, wish)) {
            throw new ApiException(WishError.NOT_THE_CLAIMER);
        }
        WishFlag photoFlag = moderation.checkPhotos(request.photos(), "photos");
        WishFlag noteFlag = moderation.checkText(me, "note", request.note().strip());
        Instant now = clock.instant();
        transactions.readCommitted(() -> {
            if (wishes.fulfil(id, me.id(), request.note().strip(), request.hours(), now,
                    now.plus(properties.autoConfirmAfter())) == 0) {
                throw book.refusal(id, "fulfilled");
            }
            long step = book.step(id, WishStep.FULFILLED, WishStatus.FULFILLED, me.id(), Actor.CLAIMER,
                    request.note().strip());
            List<String> urls = request.photos();
            for (int i = 0; i < urls.size(); i++) {
                var photo = new WishPhoto();
                photo.setWishId(id);
                photo.setEventId(step);
                photo.setSortOrder(i);
                photo.setUrl(urls.get(i));
                photos.insert(photo); // created_at: the server's clock, not the phone's
            }
            book.notice(wish.getPosterId(), NotificationKind.WISH_FULFILLED, wish, "志愿者已完成心愿，请确认", step);
            book.noticeAdmins(NotificationKind.WISH_FULFILLED, wish, "志愿者已提交完成纪实", step);
            moderation.flag(id, photoFlag);
            moderation.flag(id, noteFlag);
        });
        return queries.detail(me, id);
    }

    /**
     * The poster (or, for a resident without a phone, their grid head, with a note) closes the wish
     * with a rating; the claimer earns the points — so the claimer never confirms.
     */
    public WishDetail confirm(CurrentUser me, long id, ConfirmWishRequest request) {
        Wish wish = access.requireVisible(me, id);
        if (!access.posterSide(me, wish)) {
            throw new ApiException(WishError.NOT_THE_POSTER);
        }
        if (access.claimer(me, wish)) {
            // a grid head acts for the resident, yet may have fulfilled the wish (派单 to them): the points
            // are theirs, so another grid head or the clock confirms
            throw new ApiException(WishError.OWN_FULFILMENT);
        }
        boolean forResident = Boolean.TRUE.equals(wish.getOnBehalf());
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        if (forResident && comment == null) {
            throw ApiException.badField(WishError.NOTE_REQUIRED, "comment", "say how the resident was asked");
        }
        WishFlag commentFlag = moderation.checkText(me, "comment", comment);
        Instant now = clock.instant();
        transactions.readCommitted(() -> {
            if (wishes.confirm(id, WishStatus.FULFILLED.name(), me.id(), request.rating(), comment, now, null) == 0) {
                throw book.refusal(id, "confirmed");
            }
            moderation.flag(id, commentFlag);
            closed(id, WishStep.CONFIRMED, forResident ? Actor.GRID_HEAD : Actor.POSTER, me.id(),
                    forResident ? me.id() : null, comment, now, false);
        });
        return queries.detail(me, id);
    }

    /** Confirms the fulfilments whose posters let the time pass; returns how many. Safe on every instance. */
    public int autoConfirmDue() {
        Instant now = clock.instant();
        int confirmed = 0;
        for (Wish wish : wishes.selectDueForConfirmation(now, CONFIRM_BATCH)) {
            try {
                Boolean done = transactions.readCommitted(() -> {
                    if (wishes.confirm(wish.getId(), WishStatus.FULFILLED.name(), null, null, null, now, now) == 0) {
                        return false; // confirmed, disputed or cancelled meanwhile
                    }
                    closed(wish.getId(), WishStep.AUTO_CONFIRMED, Actor.SYSTEM, null, null, null, now, true);
                    return true;
                });
                confirmed += Boolean.TRUE.equals(done) ? 1 : 0;
            } catch (RuntimeException e) { // rolled back whole (points too); the next run retries it
                failures.caught(log, "wish.auto-confirm", "Confirming wish " + wish.getId() + " automatically failed; the next run tries again", e);
            }
        }
        return confirmed;
    }

    /** The poster says it was not done: an admin of the community decides ({@link #resolve}). */
    public WishDetail dispute(CurrentUser me, long id, String reason) {
        Wish wish = access.requireVisible(me, id);
        if (!access.posterSide(me, wish)) {
            throw new ApiException(WishError.NOT_THE_POSTER);
        }
        WishFlag reasonFlag = moderation.checkText(me, "reason", reason.strip());
        transactions.readCommitted(() -> {
            if (wishes.dispute(id, reason.strip(), clock.instant()) == 0) {
                throw book.refusal(id, "disputed");
            }
            moderation.flag(id, reasonFlag);
            long step = book.step(id, WishStep.DISPUTED, WishStatus.DISPUTED, me.id(),
                    Boolean.TRUE.equals(wish.getOnBehalf()) ? Actor.GRID_HEAD : Actor.POSTER, reason.strip());
            book.notice(wish.getPosterId(), NotificationKind.WISH_DISPUTED, wish, "已提出异议，等待社区处理", step);
            if (wish.getClaimerId() != null) {
                book.notice(wish.getClaimerId(), NotificationKind.WISH_DISPUTED, wish, "发布人对完成情况有异议，社区将处理",
                        step);
            }
            book.noticeAdmins(NotificationKind.WISH_DISPUTED, wish, "心愿有争议，请处理：" + reason.strip(), step);
        });
        return queries.detail(me, id);
    }

    /** The poster withdraws the wish while nobody has fulfilled it; a claimer or dispatched volunteer is told. */
    public WishDetail cancel(CurrentUser me, long id, String reason) {
        Wish wish = access.requireVisible(me, id);
        if (!access.posterSide(me, wish)) {
            throw new ApiException(WishError.NOT_THE_POSTER);
        }
        if (!WishStatus.CANCELLABLE.contains(WishStatus.valueOf(wish.getStatus()))) {
            throw WishBook.wrongState(wish, "cancelled");
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        transactions.readCommitted(() -> cancelAsRead(wish, why,
                Boolean.TRUE.equals(wish.getOnBehalf()) ? Actor.GRID_HEAD : Actor.POSTER, me.id()));
        return queries.detail(me, id);
    }

    /** An admin settles a dispute: back to the wall, confirmed after all (points), or closed. Audited. */
    public WishDetail resolve(CurrentUser admin, long id, Resolution outcome, String reason) {
        Wish wish = access.requireAdministered(admin, id);
        if (outcome == Resolution.CONFIRM && access.claimer(admin, wish)) {
            throw new ApiException(WishError.OWN_FULFILMENT); // an admin who volunteered does not award themselves
        }
        Instant now = clock.instant();
        String why = reason.strip();
        transactions.readCommitted(() -> {
            switch (outcome) {
                case REOPEN -> {
                    if (wishes.reopen(id, now) == 0) {
                        throw book.refusal(id, "reopened");
                    }
                    long step = book.step(id, WishStep.REOPENED, WishStatus.OPEN, admin.id(), Actor.ADMIN, why);
                    if (wish.getClaimerId() != null) {
                        book.notice(wish.getClaimerId(), NotificationKind.WISH_RELEASED, wish, "争议已处理，心愿回到心愿墙",
                                step);
                    }
                }
                case CONFIRM -> {
                    if (wishes.confirm(id, WishStatus.DISPUTED.name(), admin.id(), null, null, now, null) == 0) {
                        throw book.refusal(id, "confirmed");
                    }
                    closed(id, WishStep.CONFIRMED, Actor.ADMIN, admin.id(), admin.id(), why, now, false);
                }
                case CANCEL -> {
                    if (!WishStatus.DISPUTED.name().equals(wish.getStatus())) {
                        throw WishBook.wrongState(wish, "cancelled by an admin");
                    }
                    cancelAsRead(wish, why, Actor.ADMIN, admin.id());
                }
            }
            audit.record(admin.id(), wish.getCommunityId(), "wish.resolve", "wish", id, outcome.name());
        });
        return queries.detail(admin, id);
    }

    private void cancelAsRead(Wish wish, String why, Actor actor, long actorId) {
        long id = wish.getId();
        if (wishes.cancel(id, wish.getStatus(), wish.getClaimerId(), wish.getAssigneeId(), why, clock.instant()) == 0) {
            throw book.refusal(id, "cancelled");
        }
        long step = book.step(id, WishStep.CANCELLED, WishStatus.CANCELLED, actorId, actor, why);
        for (Long helper : new Long[] {wish.getClaimerId(), wish.getAssigneeId()}) {
            if (helper != null) {
                book.notice(helper, NotificationKind.WISH_CANCELLED, wish, "该心愿已取消，感谢您的热心", step);
            }
        }
    }

    /**
     * After the confirming update matched (in its transaction): the timeline, the claimer's points
     * (joining this transaction: awarded exactly when the confirmation commits) and the event.
     *
     * @param operatorId who confirmed for someone else (grid head, admin): audited by points; null for the poster
     */
    private void closed(long id, WishStep step, Actor actor, Long actorId, Long operatorId, String note, Instant at,
                        boolean automatic) {
        Wish done = wishes.selectById(id); // as this transaction's update left it: the claimer is current
        book.step(id, step, WishStatus.CONFIRMED, actorId, actor, note);
        LocalDate day = LocalDate.ofInstant(at, Zones.CHINA);
        points.award(new Award(done.getClaimerId(), PointsReason.WISH_FULFILLED, "wish", String.valueOf(id), BigDecimal.ONE,
                done.getCommunityId(), day, operatorId, "微心愿：" + done.getTitle()));
        events.publishEvent(new WishConfirmed(id, done.getClaimerId(), done.getPosterId(), done.getCommunityId(),
                done.getGridId(), done.getRating(), done.getFulfilHours(), at, automatic));
    }
}
