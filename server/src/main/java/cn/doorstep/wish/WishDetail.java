package cn.doorstep.wish;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One wish as the caller may see it. The contact is masked for everyone ({@code GET
 * /wishes/{id}/contact} reveals it to the poster and the claimer). Reasons and notes in the timeline,
 * the fulfilment's note and photos and the confirmation's comment are shown only to the wish's people
 * (poster, claimer, dispatched volunteer, the community's admins); others get them null (photos empty).
 *
 * Photos WeChat's media check has not passed are shown only to their uploader and the community's admins.
 *
 * @param actions what the caller may do now, for the buttons
 * @param flag    null unless WeChat withdrew, held or could not check a photo or text of the wish
 */
public record WishDetail(long id, String title, String text, WishCategory category, Urgency urgency, WishStatus status,
                         WishPlace place, WishMaskedContact contact, boolean onBehalf, List<String> photos,
                         String rejectReason, WishClaim claim, Long dispatchedTo, WishFulfilment fulfilment,
                         WishConfirmation confirmation, String disputeReason, Instant createdAt, Instant publishedAt,
                         List<WishAction> actions, List<WishTimelineEntry> timeline, WishFlagView flag) {

    /** Why the wish waits for an admin's look (a photo or text WeChat withdrew, held or could not check); to its people only. */
    public record WishFlagView(WishFlag reason, Instant at) {
    }

    /** The community and grid: where, coarsely. */
    public record WishPlace(long communityId, String communityName, Long gridId, String gridName) {
    }

    /** 张** and 138****0001. */
    public record WishMaskedContact(String name, String phone) {
    }

    public record WishClaim(long claimerId, String claimerName, Instant claimedAt, Instant deadline) {
    }

    /** 纪实: the claimer's note and photos, stamped with the server's time. */
    public record WishFulfilment(String note, BigDecimal hours, List<String> photos, Instant at) {
    }

    /** {@code automatic}: nobody confirmed in time, so the server did (no rating). */
    public record WishConfirmation(Integer rating, String comment, boolean automatic, Instant at) {
    }

    public record WishTimelineEntry(WishStep step, WishStatus status, Actor actor, String note, Instant at) {
    }

    public enum WishAction {
        CLAIM, RELEASE, ACCEPT, DECLINE, FULFIL, CONFIRM, DISPUTE, CANCEL, CONTACT
    }
}
