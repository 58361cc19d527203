package cn.doorstep.wish;

import cn.doorstep.wish.WishDetail.WishMaskedContact;
import cn.doorstep.wish.WishDetail.WishPlace;
import java.time.Instant;

/** A wish on the wall or in a list: masked contact, coarse place, the first photo. */
public record WishCard(long id, String title, WishCategory category, Urgency urgency, WishStatus status, WishPlace place,
                       WishMaskedContact contact, String cover, boolean onBehalf, Instant createdAt, Instant publishedAt,
                       Instant claimDeadline) {
}
