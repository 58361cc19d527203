package cn.doorstep.wish.internal;

import cn.doorstep.auth.RoleService;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.Role;
import cn.doorstep.common.Zones;
import cn.doorstep.notify.NotificationKind;
import cn.doorstep.notify.Notifier;
import cn.doorstep.wish.Actor;
import cn.doorstep.wish.WishChanged;
import cn.doorstep.wish.WishError;
import cn.doorstep.wish.WishStatus;
import cn.doorstep.wish.WishStep;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What every step of a wish does besides its conditional update: the timeline entry, the notices
 * (into the outbox, in the same transaction), and the 409 that names the state a refused step met.
 */
@Component
public class WishBook {

    private static final DateTimeFormatter NOTICE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final WishMapper wishes;
    private final WishEventMapper events;
    private final Notifier notifier;
    private final RoleService roles;
    private final Clock clock;
    private final ApplicationEventPublisher published;

    WishBook(WishMapper wishes, WishEventMapper events, Notifier notifier, RoleService roles, Clock clock,
             ApplicationEventPublisher published) {
        this.wishes = wishes;
        this.events = events;
        this.notifier = notifier;
        this.roles = roles;
        this.clock = clock;
        this.published = published;
    }

    public Wish require(long id) {
        Wish wish = wishes.selectById(id);
        if (wish == null) {
            throw new ApiException(WishError.WISH_NOT_FOUND);
        }
        return wish;
    }

    /**
     * Appends a timeline entry and publishes {@link WishChanged} (in the caller's transaction, like the entry);
     * returns the entry's id (notices and fulfilment photos refer to it).
     */
    public long step(long wishId, WishStep step, WishStatus status, Long actorId, Actor actor, String note) {
        var event = new WishEvent();
        event.setWishId(wishId);
        event.setStep(step.name());
        event.setStatus(status.name());
        event.setActorId(actorId);
        event.setActorRole(actor.name());
        event.setNote(note);
        events.insert(event);
        Wish wish = require(wishId);
        published.publishEvent(new WishChanged(wish.getCommunityId(),
                LocalDate.ofInstant(wish.getCreatedAt(), Zones.CHINA), LocalDate.ofInstant(clock.instant(), Zones.CHINA)));
        return event.getId();
    }

    /**
     * Queues a subscribe message about {@code wish}: fields {@code thing1} its title, {@code thing2}
     * what happened, {@code time3} when (China time). One per user, step and kind (the event id).
     */
    public void notice(long userId, NotificationKind kind, Wish wish, String what, long eventId) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("thing1", wish.getTitle());
        fields.put("thing2", what);
        fields.put("time3", NOTICE_TIME.format(clock.instant().atZone(Zones.CHINA)));
        notifier.notify(userId, kind, fields, "pages/wish/detail?id=" + wish.getId(),
                "wish-" + kind.name().substring("WISH_".length()).toLowerCase() + ":" + wish.getId() + ":" + eventId);
    }

    /**
     * The same notice to every admin of the wish's community (the first 50: a community has a handful),
     * for what they may have to act on (a dispute to settle, a fulfilment to look at).
     */
    public void noticeAdmins(NotificationKind kind, Wish wish, String what, long eventId) {
        for (RoleService.Holder admin : roles.holders(Role.ADMIN, List.of(wish.getCommunityId()),
                PageQuery.of(1, PageQuery.MAX_SIZE)).items()) {
            notice(admin.userId(), kind, wish, what, eventId);
        }
    }

    /** Why a conditional step matched no row: the state it met (read again, as it is now). */
    public ApiException refusal(long wishId, String action) {
        return wrongState(require(wishId), action);
    }

    public static ApiException wrongState(Wish wish, String action) {
        String status = wish.getStatus();
        return new ApiException(WishError.WRONG_STATE, "The wish is " + status + ": it cannot be " + action + " now",
                Map.of("status", status));
    }
}
