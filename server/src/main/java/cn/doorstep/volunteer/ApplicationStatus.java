package cn.doorstep.volunteer;

/** PENDING and APPROVED are open (one per user and community); the others are history. */
public enum ApplicationStatus {
    PENDING,
    APPROVED,
    REJECTED,
    /** the volunteer left */
    LEFT,
    /** an admin ended it */
    REVOKED
}
