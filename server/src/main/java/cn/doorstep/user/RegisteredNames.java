package cn.doorstep.user;

import java.util.Optional;

/**
 * Implemented by the features where a user registers under their real name (a rider's registration,
 * a party member's 双报到), so that a document issued for the user (a points statement) can carry
 * the name as registered without depending on those features. An implementation answers only for a
 * registration that was verified or confirmed.
 */
public interface RegisteredNames {

    Optional<String> registeredName(long userId);
}
