package cn.doorstep.user;

import java.time.Instant;

/**
 * A resident without WeChat, registered by a grid head ({@code registeredBy}): their user id is what the
 * grid head books for; {@code name} is what staff call them by.
 */
public record OfflineResident(long id, String name, String door, long communityId, long gridId, long registeredBy,
                              Instant createdAt) {
}
