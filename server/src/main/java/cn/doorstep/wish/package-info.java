/**
 * Micro-wishes (微心愿): posting with WeChat's content check, review, the wall, claiming (and 派单),
 * fulfilment with photos (纪实), confirmation that earns the claimer points, disputes, cancellation,
 * grid heads (三长) posting for residents without a phone. Publishes {@link cn.doorstep.wish.WishConfirmed} and, with every step,
 * {@link cn.doorstep.wish.WishChanged} (whose figures {@link cn.doorstep.wish.WishStatistics} reads);
 * asks {@link cn.doorstep.wish.PartyMembers} (implemented by party) who may claim besides volunteers; hears
 * media's ImageWithdrawn and ImageHeldForReview and flags the wishes showing the image ({@link cn.doorstep.wish.WishFlag}).
 * Owns tables {@code wish}, {@code wish_event}, {@code wish_photo}, {@code wish_claimer},
 * {@code wish_policy}; Redis key: the rate limit {@code rate:wish-post:user:{id}}.
 */
package cn.doorstep.wish;
