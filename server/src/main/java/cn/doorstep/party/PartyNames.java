package cn.doorstep.party;

import cn.doorstep.party.internal.PartyRegistration;
import cn.doorstep.party.internal.PartyRegistrationMapper;
import cn.doorstep.user.RegisteredNames;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A party member's name as registered for 双报到, once the community admin confirmed it. */
@Component
@Order(2)
class PartyNames implements RegisteredNames {

    private final PartyRegistrationMapper registrations;

    PartyNames(PartyRegistrationMapper registrations) {
        this.registrations = registrations;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> registeredName(long userId) {
        PartyRegistration r = registrations.selectByUser(userId);
        return r != null && RegistrationStatus.CONFIRMED.name().equals(r.getStatus())
                ? Optional.of(r.getRealName()) : Optional.empty();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, String> registeredNames(Collection<Long> userIds) {
        return userIds.isEmpty() ? Map.of() : registrations.selectByUsers(userIds, RegistrationStatus.CONFIRMED.name()).stream()
                .collect(Collectors.toMap(PartyRegistration::getUserId, PartyRegistration::getRealName, (a, b) -> a));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Long> usersRegisteredAs(String part, int limit) {
        return registrations.selectNamed(part, RegistrationStatus.CONFIRMED.name(), limit).stream().map(PartyRegistration::getUserId).toList();
    }
}
