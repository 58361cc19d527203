package cn.doorstep.wish;

import java.util.EnumSet;
import java.util.Set;

/** Where a wish is in its loop; wishes.md draws the transitions. */
public enum WishStatus {
    /** Held for an admin: WeChat's check asked for a person, did not answer, or the community reviews all. */
    PENDING_REVIEW,
    /** An admin turned it down, with a reason the poster reads. */
    REJECTED,
    /** On the wall, waiting for a volunteer. */
    OPEN,
    /** 派单: an admin assigned it to a volunteer who has not answered yet. */
    DISPATCHED,
    /** A volunteer took it and must fulfil it by the claim deadline. */
    CLAIMED,
    /** The volunteer says it is done (note and photos); the poster confirms or disputes. */
    FULFILLED,
    /** The poster says it is not done; an admin decides. */
    DISPUTED,
    /** Closed; the claimer earned points. */
    CONFIRMED,
    /** Withdrawn by the poster (or closed by an admin after a dispute). */
    CANCELLED;

    /** Statuses anyone signed in may see on the wall and in a wish's page. */
    public static final Set<WishStatus> PUBLISHED = EnumSet.of(OPEN, DISPATCHED, CLAIMED, FULFILLED, DISPUTED, CONFIRMED);

    /** Statuses the poster may cancel from. */
    public static final Set<WishStatus> CANCELLABLE = EnumSet.of(PENDING_REVIEW, OPEN, DISPATCHED, CLAIMED);

    public boolean published() {
        return PUBLISHED.contains(this);
    }
}
