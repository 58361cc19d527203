package cn.doorstep.wish.internal;

import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.Role;
import cn.doorstep.common.RoleGrant;
import cn.doorstep.wish.PartyMembers;
import cn.doorstep.wish.WishError;
import cn.doorstep.wish.WishStatus;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what with a wish. A wish someone may not see does not exist for them (404); one
 * they see but may not act on is a 403.
 */
@Component
public class WishAccess {

    /** While a claimer works on it, poster and claimer may reach each other. */
    private static final Set<WishStatus> CONTACT_WHILE = EnumSet.of(WishStatus.CLAIMED, WishStatus.FULFILLED,
            WishStatus.DISPUTED);

    private final WishBook book;
    private final List<PartyMembers> partyMembers;

    WishAccess(WishBook book, List<PartyMembers> partyMembers) {
        this.book = book;
        this.partyMembers = partyMembers;
    }

    /** The poster, or for a wish posted for a resident, any grid head of its grid (they act for the resident). */
    public boolean posterSide(CurrentUser me, Wish wish) {
        return wish.getPosterId() == me.id()
                || (Boolean.TRUE.equals(wish.getOnBehalf()) && wish.getGridId() != null && me.isGridHeadOf(wish.getGridId()));
    }

    public boolean claimer(CurrentUser me, Wish wish) {
        return Objects.equals(wish.getClaimerId(), me.id());
    }

    /** The wish's people: poster side, claimer, dispatched volunteer, the community's admins. */
    public boolean involved(CurrentUser me, Wish wish) {
        return posterSide(me, wish) || claimer(me, wish) || Objects.equals(wish.getAssigneeId(), me.id())
                || me.isAdminOf(wish.getCommunityId());
    }

    public boolean visible(CurrentUser me, Wish wish) {
        return WishStatus.valueOf(wish.getStatus()).published() || involved(me, wish);
    }

    public Wish requireVisible(CurrentUser me, long id) {
        Wish wish = book.require(id);
        if (!visible(me, wish)) {
            throw new ApiException(WishError.WISH_NOT_FOUND);
        }
        return wish;
    }

    /** A wish of a community the caller administers; any other is not found. */
    public Wish requireAdministered(CurrentUser me, long id) {
        Wish wish = book.require(id);
        if (!me.isAdminOf(wish.getCommunityId())) {
            throw new ApiException(WishError.WISH_NOT_FOUND);
        }
        return wish;
    }

    public boolean contactAllowed(CurrentUser me, Wish wish) {
        return posterSide(me, wish) || (claimer(me, wish) && inHand(wish));
    }

    /**
     * Claimed, fulfilled or disputed: a claimer is at work on it, so poster and claimer may reach each
     * other. Before (open) and after (confirmed, cancelled) neither sees the other's phone.
     */
    public boolean inHand(Wish wish) {
        return wish.getClaimerId() != null && CONTACT_WHILE.contains(WishStatus.valueOf(wish.getStatus()));
    }

    /**
     * Who may claim a wish of this community: its volunteers (VOLUNTEER is granted per community, by the
     * community's approval) and confirmed party members (双报到), who serve wherever they are needed.
     */
    public boolean mayClaim(long userId, Set<RoleGrant> grants, long communityId) {
        return grants.contains(new RoleGrant(Role.VOLUNTEER, communityId))
                || partyMembers.stream().anyMatch(p -> p.isConfirmedMember(userId));
    }

    public boolean mayClaim(CurrentUser me, Wish wish) {
        return mayClaim(me.id(), me.grants(), wish.getCommunityId());
    }
}
