package cn.doorstep.wish;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.RateLimiter;
import cn.doorstep.community.CommunityService;
import cn.doorstep.notify.NotificationKind;
import cn.doorstep.user.UserService;
import cn.doorstep.wechat.WeChatClient;
import cn.doorstep.wechat.WeChatClient.ContentCheck;
import cn.doorstep.wish.internal.Wish;
import cn.doorstep.wish.internal.WishAccess;
import cn.doorstep.wish.internal.WishBook;
import cn.doorstep.wish.internal.WishMapper;
import cn.doorstep.wish.internal.WishPhoto;
import cn.doorstep.wish.internal.WishPhotoMapper;
import cn.doorstep.wish.internal.WishPolicy;
import cn.doorstep.wish.internal.WishPolicyMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posting a wish and its review. Title and text are checked by WeChat (msgSecCheck 2.0, as the poster)
 * before anything is stored, outside any transaction: risky is refused and never stored; pass is
 * published unless the community reviews every wish; review, and no answer at all (WeChat down or
 * slow), are stored and held for an admin. Nothing unchecked is ever published, nothing is lost.
 */
@Service
public class WishPosting {

    private final WishMapper wishes;
    private final WishPhotoMapper photos;
    private final WishPolicyMapper policies;
    private final WishBook book;
    private final WishAccess access;
    private final WishQueries queries;
    private final WeChatClient weChat;
    private final UserService users;
    private final CommunityService communities;
    private final RateLimiter rateLimiter;
    private final AuditLog audit;
    private final WishProperties properties;
    private final TransactionTemplate transaction;
    private final WishModeration moderation;
    private final Clock clock;

    WishPosting(WishMapper wishes, WishPhotoMapper photos, WishPolicyMapper policies, WishBook book, WishAccess access,
                WishQueries queries, WeChatClient weChat, UserService users, CommunityService communities,
                RateLimiter rateLimiter, AuditLog audit, WishProperties properties, TransactionTemplate transaction,
                WishModeration moderation, Clock clock) {
        this.wishes = wishes;
        this.photos = photos;
        this.policies = policies;
        this.book = book;
        this.access = access;
        this.queries = queries;
        this.weChat = weChat;
        this.users = users;
        this.communities = communities;
        this.rateLimiter = rateLimiter;
        this.audit = audit;
        this.properties = properties;
        this.transaction = transaction;
        this.moderation = moderation;
        this.clock = clock;
    }

    /**
     * A wish as any posting path hands it over: a resident's own, or a grid head's for a resident
     * ({@code onBehalf}: the contact is the resident's name and door, the phone the grid head's).
     */
    public record Draft(long communityId, Long gridId, String title, String text, WishCategory category,
                        Urgency urgency, List<String> photos, String contactName, String contactPhone, String address,
                        boolean onBehalf) {
    }

    /** Whether a community's admins review every wish. */
    public record WishPolicyView(long communityId, boolean reviewAll, boolean communityDefault) {
    }

    public WishDetail post(CurrentUser me, PostWishRequest request) {
        return post(me, new Draft(request.communityId(), request.gridId(), request.title().strip(), request.text().strip(),
                request.category(), request.urgency(), request.photos(), request.contactName().strip(),
                request.contactPhone(), request.address().strip(), false));
    }

    /** Checks and stores a wish for {@code me} (the poster, or the grid head posting for a resident). */
    public WishDetail post(CurrentUser me, Draft draft) {
        communities.requireKnown(draft.communityId(), "communityId");
        if (draft.gridId() != null) {
            communities.requireGridInCommunity(draft.gridId(), draft.communityId(), "gridId");
        }
        rateLimiter.hit("wish-post", "user:" + me.id(), properties.postsPerHour(), Duration.ofHours(1));

        ContentCheck check = weChat.checkText(users.openidOf(me.id()).orElse(null), properties.contentCheckScene(),
                draft.title(), draft.text());
        if (check.verdict() == WeChatClient.Verdict.RISKY) {
            throw new ApiException(WishError.CONTENT_RISKY);
        }
        String held = switch (check.verdict()) {
            case REVIEW -> "CONTENT_REVIEW";
            case UNAVAILABLE -> "CHECK_UNAVAILABLE";
            default -> reviewsAll(draft.communityId()) ? "COMMUNITY_REVIEWS_ALL" : null;
        };
        WishFlag photoFlag = moderation.checkPhotos(draft.photos(), "photos");
        Long id = transaction.execute(tx -> {
            long wishId = insert(me, draft, check, held);
            moderation.flag(wishId, photoFlag);
            return wishId;
        });
        return queries.detail(me, id);
    }

    private long insert(CurrentUser me, Draft draft, ContentCheck check, String held) {
        Instant now = clock.instant();
        WishStatus status = held == null ? WishStatus.OPEN : WishStatus.PENDING_REVIEW;
        var wish = new Wish();
        wish.setPosterId(me.id());
        wish.setCommunityId(draft.communityId());
        wish.setGridId(draft.gridId());
        wish.setTitle(draft.title());
        wish.setBody(draft.text());
        wish.setCategory(draft.category().name());
        wish.setUrgency((draft.urgency() == null ? Urgency.NORMAL : draft.urgency()).name());
        wish.setContactName(draft.contactName());
        wish.setContactPhone(draft.contactPhone());
        wish.setAddress(draft.address());
        wish.setOnBehalf(draft.onBehalf());
        wish.setStatus(status.name());
        wish.setCheckResult(check.verdict().name());
        wish.setCheckTraceId(check.traceId());
        wish.setPublishedAt(held == null ? now : null);
        wishes.insert(wish);
        List<String> urls = draft.photos() == null ? List.of() : draft.photos();
        for (int i = 0; i < urls.size(); i++) {
            var photo = new WishPhoto();
            photo.setWishId(wish.getId());
            photo.setSortOrder(i);
            photo.setUrl(urls.get(i));
            photos.insert(photo);
        }
        book.step(wish.getId(), WishStep.POSTED, status, me.id(), draft.onBehalf() ? Actor.GRID_HEAD : Actor.POSTER, null);
        if (held == null) {
            book.step(wish.getId(), WishStep.PUBLISHED, status, null, Actor.SYSTEM, null);
        } else {
            book.step(wish.getId(), WishStep.HELD, status, null, Actor.SYSTEM, held);
        }
        return wish.getId();
    }

    /** Publishes a held wish (compare-and-set from PENDING_REVIEW: two admins cannot both decide). */
    @Transactional
    public WishDetail approve(CurrentUser admin, long id) {
        Wish wish = access.requireAdministered(admin, id);
        if (wishes.approve(id, admin.id(), clock.instant()) == 0) {
            throw book.refusal(id, "approved");
        }
        book.step(id, WishStep.PUBLISHED, WishStatus.OPEN, admin.id(), Actor.ADMIN, null);
        audit.record(admin.id(), wish.getCommunityId(), "wish.approve", "wish", id, null);
        return queries.detail(admin, wishes.selectById(wish.getId()));
    }

    /** Turns a held wish down; the poster reads the reason and is told. */
    @Transactional
    public WishDetail reject(CurrentUser admin, long id, String reason) {
        Wish wish = access.requireAdministered(admin, id);
        if (wishes.reject(id, admin.id(), reason.strip(), clock.instant()) == 0) {
            throw book.refusal(id, "rejected");
        }
        long step = book.step(id, WishStep.REJECTED, WishStatus.REJECTED, admin.id(), Actor.ADMIN, reason.strip());
        audit.record(admin.id(), wish.getCommunityId(), "wish.reject", "wish", id, null);
        book.notice(wish.getPosterId(), NotificationKind.WISH_REJECTED, wish, "心愿未通过审核，请查看原因", step);
        return queries.detail(admin, wishes.selectById(id));
    }

    @Transactional(readOnly = true)
    public WishPolicyView policy(CurrentUser admin, long communityId) {
        requireAdminOf(admin, communityId);
        WishPolicy row = policies.selectById(communityId);
        return row == null ? new WishPolicyView(communityId, properties.reviewAllByDefault(), true)
                : new WishPolicyView(communityId, row.getReviewAll(), false);
    }

    @Transactional
    public WishPolicyView setPolicy(CurrentUser admin, long communityId, boolean reviewAll) {
        requireAdminOf(admin, communityId);
        policies.upsert(communityId, reviewAll, admin.id(), clock.instant());
        audit.record(admin.id(), communityId, "wish.policy", "community", communityId,
                reviewAll ? "review-all" : "review-held");
        return new WishPolicyView(communityId, reviewAll, false);
    }

    private boolean reviewsAll(long communityId) {
        WishPolicy row = policies.selectById(communityId);
        return row == null ? properties.reviewAllByDefault() : row.getReviewAll();
    }

    private static void requireAdminOf(CurrentUser admin, long communityId) {
        if (!admin.isAdminOf(communityId)) {
            throw new ApiException(WishError.NOT_COMMUNITY_ADMIN);
        }
    }
}
