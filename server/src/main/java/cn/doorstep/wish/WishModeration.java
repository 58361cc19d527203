package cn.doorstep.wish;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.media.ImageCheck;
import cn.doorstep.media.ImageHeldForReview;
import cn.doorstep.media.ImageWithdrawn;
import cn.doorstep.media.MediaService;
import cn.doorstep.user.UserService;
import cn.doorstep.wechat.WeChatClient;
import cn.doorstep.wish.internal.Wish;
import cn.doorstep.wish.internal.WishAccess;
import cn.doorstep.wish.internal.WishMapper;
import cn.doorstep.wish.internal.WishPhoto;
import cn.doorstep.wish.internal.WishPhotoMapper;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What WeChat's checks mean for a wish after its posting: free text (fulfil note, rating comment,
 * dispute reason) is checked as its author — risky is refused and never stored, review or no answer is
 * stored and the wish flagged ({@link WishFlag}); a photo WeChat withdrew cannot be attached again, and a
 * photo WeChat withdraws or holds later flags every wish showing it (listening to media's events,
 * idempotently: the same flag again changes nothing).
 */
@Component
class WishModeration {

    private static final Logger log = LoggerFactory.getLogger(WishModeration.class);

    private final WishMapper wishes;
    private final WishPhotoMapper photos;
    private final MediaService media;
    private final WeChatClient weChat;
    private final UserService users;
    private final WishProperties properties;
    private final WishAccess access;
    private final AuditLog audit;
    private final WishQueries queries;
    private final Clock clock;

    WishModeration(WishMapper wishes, WishPhotoMapper photos, MediaService media, WeChatClient weChat, UserService users,
                   WishProperties properties, WishAccess access, AuditLog audit, WishQueries queries,
                   Clock clock) {
        this.access = access;
        this.audit = audit;
        this.queries = queries;
        this.wishes = wishes;
        this.photos = photos;
        this.media = media;
        this.weChat = weChat;
        this.users = users;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Checks {@code text} written by {@code me} (outside any transaction: WeChat may take seconds).
     * Risky → 422 naming {@code field}; returns the flag the wish gets (review, or no answer), or null.
     */
    WishFlag checkText(CurrentUser me, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        var check = weChat.checkText(users.openidOf(me.id()).orElse(null), properties.contentCheckScene(), null, text);
        return switch (check.verdict()) {
            case RISKY -> throw ApiException.badField(WishError.TEXT_RISKY, field, "WeChat's content check found it unsuitable");
            case REVIEW -> WishFlag.TEXT_REVIEW;
            case UNAVAILABLE -> WishFlag.TEXT_UNCHECKED;
            case PASS -> null;
        };
    }

    /**
     * Photos about to be attached: a withdrawn one is refused (422 naming it); one held for review flags
     * the wish (returned), so an admin sees it whichever comes first, the attachment or the hold.
     */
    WishFlag checkPhotos(List<String> urls, String field) {
        if (urls == null || urls.isEmpty()) {
            return null;
        }
        Map<String, ImageCheck> checks = media.checksOf(urls);
        WishFlag flag = null;
        for (int i = 0; i < urls.size(); i++) {
            ImageCheck check = checks.get(urls.get(i));
            if (check == ImageCheck.WITHDRAWN) {
                throw ApiException.badField(WishError.PHOTO_WITHDRAWN, field + "[" + i + "]", "this photo was withdrawn");
            }
            if (check == ImageCheck.REVIEW) {
                flag = WishFlag.PHOTO_REVIEW;
            }
        }
        return flag;
    }

    /**
     * Flags the wish, in the caller's transaction, unless it carries this flag or a graver one already
     * (the enum's order): idempotent, so a redelivered event changes nothing. {@code null} does nothing.
     */
    void flag(long wishId, WishFlag flag) {
        for (int attempt = 0; flag != null && attempt < 3; attempt++) {
            Wish wish = wishes.selectById(wishId);
            WishFlag current = wish == null || wish.getFlagReason() == null ? null : WishFlag.valueOf(wish.getFlagReason());
            if (wish == null || (current != null && current.ordinal() <= flag.ordinal())) {
                return;
            }
            if (wishes.flag(wishId, current == null ? null : current.name(), flag.name(), clock.instant()) > 0) {
                log.info("Wish {} flagged for its admins: {}", wishId, flag);
                return;
            }
        }
    }

    /**
     * An admin answers a flag as read: photos of the wish held for review are released or withdrawn
     * (media decides each once), the flag is cleared by a conditional update (a newer flag, or another
     * admin first, makes it 409). Audited.
     */
    @Transactional
    public WishDetail clearFlag(CurrentUser admin, long id, WishFlag asRead, boolean releasePhotos) {
        Wish wish = access.requireAdministered(admin, id);
        if (wishes.clearFlag(id, asRead.name()) == 0) {
            throw new ApiException(WishError.NOT_FLAGGED, "The wish's flag is " + wish.getFlagReason()
                    + ": read it again", java.util.Collections.singletonMap("flag", wish.getFlagReason()));
        }
        List<String> urls = photos.selectOfWish(id).stream().map(WishPhoto::getUrl).toList();
        int decided = media.review(urls, releasePhotos);
        audit.record(admin.id(), wish.getCommunityId(), "wish.clear-flag", "wish", id,
                asRead.name() + (decided > 0 ? (releasePhotos ? ", photos released: " : ", photos withdrawn: ") + decided : ""));
        return queries.detail(admin, wishes.selectById(id));
    }

    @ApplicationModuleListener
    void on(ImageWithdrawn event) {
        if (event.byAdmin()) {
            return; // an admin withdrew it answering a flag: nothing new to look at
        }
        flagWishesShowing(event.url(), WishFlag.PHOTO_RISKY);
    }

    @ApplicationModuleListener
    void on(ImageHeldForReview event) {
        flagWishesShowing(event.url(), WishFlag.PHOTO_REVIEW);
    }

    private void flagWishesShowing(String url, WishFlag flag) {
        for (WishPhoto photo : photos.selectByUrl(url)) {
            flag(photo.getWishId(), flag);
        }
    }
}
