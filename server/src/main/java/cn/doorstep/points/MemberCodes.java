package cn.doorstep.points;

import cn.doorstep.points.internal.PointsAccount;
import cn.doorstep.points.internal.PointsAccountMapper;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Member codes (the code on a volunteer's GET /me that staff scan) by user and back, for finding people. */
@Service
@Transactional(readOnly = true)
public class MemberCodes {

    private final PointsAccountMapper accounts;

    MemberCodes(PointsAccountMapper accounts) {
        this.accounts = accounts;
    }

    /** The user holding this member code (as typed: case and spaces do not matter), if anyone does. */
    public Optional<Long> holderOf(String code) {
        return Optional.ofNullable(accounts.selectByMemberCode(code.strip().toUpperCase(Locale.ROOT)))
                .map(PointsAccount::getUserId);
    }

    /** Many users' member codes, for a list: one statement. Users without a points account yet are left out. */
    public Map<Long, String> of(Collection<Long> userIds) {
        return userIds.isEmpty() ? Map.of() : accounts.selectByUsers(userIds).stream()
                .collect(Collectors.toMap(PointsAccount::getUserId, PointsAccount::getMemberCode));
    }
}
