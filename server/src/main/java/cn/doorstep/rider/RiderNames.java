package cn.doorstep.rider;

import cn.doorstep.rider.internal.Rider;
import cn.doorstep.rider.internal.RiderMapper;
import cn.doorstep.user.RegisteredNames;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        return userIds.isEmpty() ? Map.of() : riders.selectByUsers(userIds, RiderStatus.VERIFIED.name()).stream()
                .collect(Collectors.toMap(Rider::getUserId, Rider::getRealName, (a, b) -> a));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Long> usersRegisteredAs(String part, int limit) {
        return riders.selectNamed(part, RiderStatus.VERIFIED.name(), limit).stream().map(Rider::getUserId).toList();
    }
}
