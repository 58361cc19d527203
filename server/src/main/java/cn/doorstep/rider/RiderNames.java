package cn.doorstep.rider;

import cn.doorstep.rider.internal.Rider;
import cn.doorstep.rider.internal.RiderMapper;
import cn.doorstep.user.RegisteredNames;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A verified rider's name as registered (checked by a reviewer, so it comes first). */
@Component
@Order(1)
class RiderNames implements RegisteredNames {

    private final RiderMapper riders;

    RiderNames(RiderMapper riders) {
        this.riders = riders;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> registeredName(long userId) {
        Rider rider = riders.selectByUser(userId);
        return rider != null && RiderStatus.VERIFIED.name().equals(rider.getStatus())
                ? Optional.of(rider.getRealName()) : Optional.empty();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, String> registeredNames(Collection<Long> userIds) {
        return userIds.isEmpty() ? Map.of() : riders.selectVerifiedByUsers(Set.copyOf(userIds)).stream()
                .collect(Collectors.toMap(Rider::getUserId, Rider::getRealName, (a, b) -> a));
    }
}
