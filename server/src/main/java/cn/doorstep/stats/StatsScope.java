package cn.doorstep.stats;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Set;

/**
 * Whose statistics: a community, a street, a district or the whole city (id 0).
 *
 * @param communityIds the communities summed; null for the city (every row)
 */
public record StatsScope(Level level, long id, String name, @JsonIgnore Set<Long> communityIds) {

    public enum Level { COMMUNITY, STREET, DISTRICT, CITY }

    public boolean city() {
        return communityIds == null;
    }
}
