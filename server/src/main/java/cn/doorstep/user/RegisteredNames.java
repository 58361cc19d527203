package cn.doorstep.user;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Implemented by the features where a user registers under their real name (a rider's registration,
 * a party member's 双报到), so that a document issued for the user (a points statement) can carry
 * the name as registered, and an admin can find people by it, without depending on those features. An
 * implementation answers only for a registration that was verified or confirmed.
 */
public interface RegisteredNames {

    Optional<String> registeredName(long userId);

    /**
     * Many users' names as registered, for a list: implementations answer in one statement (this default
     * asks one by one). Users without one are left out.
     */
    default Map<Long, String> registeredNames(Collection<Long> userIds) {
        Map<Long, String> names = new HashMap<>();
        userIds.forEach(id -> registeredName(id).ifPresent(name -> names.put(id, name)));
        return names;
    }

    /**
     * At most {@code limit} users whose name as registered contains {@code part} (LIKE's wildcards
     * escaped by the caller, see common/LikeText), newest registration first.
     */
    default List<Long> usersRegisteredAs(String part, int limit) {
        return List.of();
    }
}
