package cn.doorstep.wish;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.CommonError;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.common.Role;
import cn.doorstep.community.CommunityService;
import cn.doorstep.media.ImageCheck;
import cn.doorstep.media.MediaService;
import cn.doorstep.user.PhoneMask;
import cn.doorstep.user.UserService;
import cn.doorstep.user.UserView;
import cn.doorstep.wish.WishDetail.WishAction;
import cn.doorstep.wish.WishDetail.WishClaim;
import cn.doorstep.wish.WishDetail.WishConfirmation;
import cn.doorstep.wish.WishDetail.WishFulfilment;
import cn.doorstep.wish.WishDetail.WishMaskedContact;
import cn.doorstep.wish.WishDetail.WishPlace;
import cn.doorstep.wish.WishDetail.WishTimelineEntry;
import cn.doorstep.wish.internal.Wish;
import cn.doorstep.wish.internal.WishAccess;
import cn.doorstep.wish.internal.WishEvent;
import cn.doorstep.wish.internal.WishEventMapper;
import cn.doorstep.wish.internal.WishMapper;
import cn.doorstep.wish.internal.WishPhoto;
import cn.doorstep.wish.internal.WishPhotoMapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading wishes: the wall, one wish with its timeline, the caller's own, the admin's list, and the
 * audited reveal of contact details. The wall and lists never carry a phone, exact address or real
 * name: only masked ones and the community and grid.
 */
@Service
@Transactional(readOnly = true)
public class WishQueries {

    private final WishMapper wishes;
    private final WishEventMapper events;
    private final WishPhotoMapper photos;
    private final WishAccess access;
    private final CommunityService communities;
    private final UserService users;
    private final AuditLog audit;
    private final MediaService media;

    WishQueries(WishMapper wishes, WishEventMapper events, WishPhotoMapper photos, WishAccess access,
                CommunityService communities, UserService users, AuditLog audit, MediaService media) {
        this.media = media;
        this.wishes = wishes;
        this.events = events;
        this.photos = photos;
        this.access = access;
        this.communities = communities;
        this.users = users;
        this.audit = audit;
    }

    /** Whose wishes: the caller's own posts, or what they claimed (and what was dispatched to them). */
    public enum MineRole {
        POSTER, CLAIMER
    }

    /** The wall: published wishes only ({@code status} defaults to OPEN). */
    public PageResult<WishCard> wall(Long communityId, Long gridId, WishCategory category, WishStatus status,
                                     PageQuery page) {
        WishStatus shown = status == null ? WishStatus.OPEN : status;
        if (!shown.published()) {
            throw ApiException.badField(CommonError.VALIDATION_FAILED, "status", "must be one of " + WishStatus.PUBLISHED);
        }
        return cards(wishes.selectWall(communityId, gridId, category == null ? null : category.name(), shown.name(),
                new Page<>(page.page(), page.size())), page);
    }

    public PageResult<WishCard> mine(CurrentUser me, MineRole role, WishStatus status, PageQuery page) {
        String s = status == null ? null : status.name();
        var rows = role == MineRole.CLAIMER
                ? wishes.selectByClaimer(me.id(), s, new Page<>(page.page(), page.size()))
                : wishes.selectByPoster(me.id(), s, new Page<>(page.page(), page.size()));
        return cards(rows, page);
    }

    /** The wishes of the caller's communities (as ADMIN), e.g. those waiting for review or disputed. */
    public PageResult<WishCard> forAdmin(CurrentUser me, Long communityId, WishStatus status, boolean flagged,
                                         PageQuery page) {
        Set<Long> scope = me.scopesOf(Role.ADMIN);
        if (communityId != null) {
            scope = scope.contains(communityId) ? Set.of(communityId) : Set.of();
        }
        if (scope.isEmpty()) {
            return PageResult.of(List.of(), 0, page);
        }
        return cards(wishes.selectForAdmin(scope, status == null ? null : status.name(), flagged,
                new Page<>(page.page(), page.size())), page);
    }

    public WishDetail detail(CurrentUser me, long id) {
        return detail(me, access.requireVisible(me, id));
    }

    /**
     * The whole contact, to the poster side and the current claimer; audited on every reveal (in this
     * transaction, so there is no reveal without its row). The poster side gets the claimer's phone only
     * while the claimer works on the wish, not once it is confirmed or cancelled.
     */
    @Transactional
    public WishContact contact(CurrentUser me, long id) {
        Wish wish = access.requireVisible(me, id);
        if (!access.contactAllowed(me, wish)) {
            throw new ApiException(WishError.CONTACT_HIDDEN);
        }
        audit.record(me.id(), wish.getCommunityId(), "wish.reveal-contact", "wish", id, null);
        boolean viaGridHead = Boolean.TRUE.equals(wish.getOnBehalf());
        WishContact.Volunteer claimer = null;
        if (access.posterSide(me, wish) && access.inHand(wish) && !access.claimer(me, wish)) {
            long claimerId = wish.getClaimerId();
            claimer = new WishContact.Volunteer(claimerId, users.find(claimerId).map(UserView::nickname).orElse(null),
                    users.phoneOf(claimerId).orElse(null));
        }
        return new WishContact(wish.getContactName(), phoneOf(wish), wish.getAddress(), viaGridHead, claimer);
    }

    WishDetail detail(CurrentUser me, Wish w) {
        boolean people = access.involved(me, w);
        WishStatus status = WishStatus.valueOf(w.getStatus());
        // photos WeChat has not passed: only their uploader and the community's admins see them (one query)
        List<WishPhoto> stored = photos.selectOfWish(w.getId());
        Set<String> shown = Set.copyOf(media.shownTo(me.id(), me.isAdminOf(w.getCommunityId()),
                stored.stream().map(WishPhoto::getUrl).toList()));
        List<WishPhoto> all = stored.stream().filter(p -> shown.contains(p.getUrl())).toList();
        List<WishEvent> steps = events.selectOfWish(w.getId());

        // the 纪实 (note, photos of someone's home) and the poster's comment are the wish's people's, like
        // the timeline's notes: others see that it was done, when, and the rating
        WishFulfilment fulfilment = null;
        if (w.getFulfilledAt() != null) {
            Long fulfilled = steps.stream().filter(e -> WishStep.FULFILLED.name().equals(e.getStep()))
                    .map(WishEvent::getId).reduce((a, b) -> b).orElse(null);
            fulfilment = new WishFulfilment(people ? w.getFulfilNote() : null, w.getFulfilHours(), !people ? List.of()
                    : all.stream().filter(p -> Objects.equals(p.getEventId(), fulfilled)).map(WishPhoto::getUrl).toList(),
                    w.getFulfilledAt());
        }
        WishClaim claim = w.getClaimerId() == null ? null : new WishClaim(w.getClaimerId(),
                users.find(w.getClaimerId()).map(UserView::nickname).orElse(null), w.getClaimedAt(),
                status == WishStatus.CLAIMED ? w.getClaimDeadline() : null);
        WishConfirmation confirmation = status != WishStatus.CONFIRMED ? null
                : new WishConfirmation(w.getRating(), people ? w.getConfirmComment() : null,
                w.getConfirmedBy() == null, w.getConfirmedAt());
        List<WishTimelineEntry> timeline = steps.stream().map(e -> new WishTimelineEntry(WishStep.valueOf(e.getStep()),
                WishStatus.valueOf(e.getStatus()), Actor.valueOf(e.getActorRole()), people ? e.getNote() : null,
                e.getCreatedAt())).toList();

        return new WishDetail(w.getId(), w.getTitle(), w.getBody(), WishCategory.valueOf(w.getCategory()),
                Urgency.valueOf(w.getUrgency()), status, new Names(List.of(w)).place(w), masked(w, phoneOf(w)),
                Boolean.TRUE.equals(w.getOnBehalf()),
                all.stream().filter(p -> p.getEventId() == null).map(WishPhoto::getUrl).toList(),
                people ? w.getReviewReason() : null, claim, people ? w.getAssigneeId() : null, fulfilment, confirmation,
                people ? w.getDisputeReason() : null, w.getCreatedAt(), w.getPublishedAt(), actions(me, w, status),
                timeline, !people || w.getFlagReason() == null ? null
                : new WishDetail.WishFlagView(WishFlag.valueOf(w.getFlagReason()), w.getFlaggedAt()));
    }

    private List<WishAction> actions(CurrentUser me, Wish w, WishStatus status) {
        var actions = new ArrayList<WishAction>();
        boolean poster = access.posterSide(me, w);
        boolean claimer = access.claimer(me, w);
        if (status == WishStatus.OPEN && !poster && w.getPosterId() != me.id() && access.mayClaim(me, w)) {
            actions.add(WishAction.CLAIM);
        }
        if (status == WishStatus.DISPATCHED && Objects.equals(w.getAssigneeId(), me.id())) {
            actions.add(WishAction.ACCEPT);
            actions.add(WishAction.DECLINE);
        }
        if (status == WishStatus.CLAIMED && claimer) {
            actions.add(WishAction.FULFIL);
            actions.add(WishAction.RELEASE);
        }
        if (status == WishStatus.FULFILLED && poster) {
            if (!claimer) { // a grid head who fulfilled it: the points are theirs, someone else confirms
                actions.add(WishAction.CONFIRM);
            }
            actions.add(WishAction.DISPUTE);
        }
        if (poster && WishStatus.CANCELLABLE.contains(status)) {
            actions.add(WishAction.CANCEL);
        }
        if (access.contactAllowed(me, w)) {
            actions.add(WishAction.CONTACT);
        }
        return actions;
    }

    private PageResult<WishCard> cards(Page<Wish> rows, PageQuery page) {
        List<Wish> list = rows.getRecords();
        List<WishPhoto> coverRows = list.isEmpty() ? List.of() : photos.selectCovers(list.stream().map(Wish::getId).toList());
        // a list is seen by many: a cover WeChat has not passed is left out
        Map<String, ImageCheck> checks = media.checksOf(coverRows.stream().map(WishPhoto::getUrl).toList());
        Map<Long, String> covers = coverRows.stream().filter(p -> checks.get(p.getUrl()) == ImageCheck.PASSED)
                .collect(Collectors.toMap(WishPhoto::getWishId, WishPhoto::getUrl, (a, b) -> a));
        var names = new Names(list);
        // the posters' own numbers where a wish gave none, in one statement
        Map<Long, String> posterPhones = users.phonesOf(list.stream().filter(w -> w.getContactPhone() == null)
                .map(Wish::getPosterId).toList());
        return PageResult.of(list.stream().map(w -> new WishCard(w.getId(), w.getTitle(),
                WishCategory.valueOf(w.getCategory()), Urgency.valueOf(w.getUrgency()), WishStatus.valueOf(w.getStatus()),
                names.place(w), masked(w, w.getContactPhone() != null ? w.getContactPhone() : posterPhones.get(w.getPosterId())),
                covers.get(w.getId()), Boolean.TRUE.equals(w.getOnBehalf()), w.getCreatedAt(),
                w.getPublishedAt(), WishStatus.CLAIMED.name().equals(w.getStatus()) ? w.getClaimDeadline() : null))
                .toList(), rows.getTotal(), page);
    }

    /** @param phone the wish's number as {@link #phoneOf} finds it */
    private static WishMaskedContact masked(Wish w, String phone) {
        return new WishMaskedContact(maskName(w.getContactName()), PhoneMask.mask(phone));
    }

    /** The number given with the wish, else the poster's (a grid head's, for a resident without one). */
    private String phoneOf(Wish w) {
        return w.getContactPhone() != null ? w.getContactPhone() : users.phoneOf(w.getPosterId()).orElse(null);
    }

    /** 张阿姨 → 张**: the family name is enough to recognise one's own wish, not to find the person. */
    static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        int rest = name.codePointCount(first, name.length());
        return name.substring(0, first) + "*".repeat(Math.max(1, rest));
    }

    /** The community and grid names of a reply's wishes, read once: one statement each, however many wishes. */
    private final class Names {
        private final Map<Long, String> communityNames;
        private final Map<Long, String> gridNames;

        Names(List<Wish> wishes) {
            communityNames = communities.namesOf(wishes.stream().map(Wish::getCommunityId).toList());
            gridNames = communities.gridNamesOf(wishes.stream().map(Wish::getGridId).filter(Objects::nonNull).toList());
        }

        WishPlace place(Wish w) {
            return new WishPlace(w.getCommunityId(), communityNames.get(w.getCommunityId()), w.getGridId(),
                    w.getGridId() == null ? null : gridNames.get(w.getGridId()));
        }
    }
}
