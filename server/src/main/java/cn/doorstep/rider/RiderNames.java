package cn.doorstep.rider;

import cn.doorstep.rider.internal.Rider;
import cn.doorstep.rider.internal.RiderMapper;
import cn.doorstep.user.RegisteredNames;
import java.util.Optional;
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
}
