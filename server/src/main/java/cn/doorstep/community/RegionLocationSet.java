package cn.doorstep.community;

/**
 * An admin placed a grid or community (set its centroid and households). Published inside the transaction that
 * saved it; the audit module records it in that same transaction (the community module sits below audit, so it
 * cannot call the audit log itself).
 *
 * @param level       GRID or COMMUNITY
 * @param communityId the grid's community, or the community itself
 * @param households  the count saved; null when not known
 */
public record RegionLocationSet(long actorId, String level, long id, long communityId, Integer households) {
}
