package cn.doorstep.user;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Implemented by the features where a user registers under their real name (a rider's registration,
 * a party member's 双报到), so that a document issued for the user (a points statement) can carry
 * the name as registered without depending on those features. An implementation answers only for a
 * registration that was verified or confirmed.
 */
public interface RegisteredNames {

    Optional<String> registeredName(long userId);

    /** Many users' names at once, for a list (an implementation answers in one query); users without one are left out. */
    default Map<Long, String> registeredNames(Collection<Long> userIds) {
        var names = new HashMap<Long, String>();
        userIds.forEach(id -> registeredName(id).ifPresent(name -> names.put(id, name)));
        return names;
    }
}
