package cn.doorstep.points.internal;

import cn.doorstep.common.RandomCodes;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a user's account in a transaction of its own, before the caller locks it: locking a row
 * that does not exist yet takes gap locks, and racing first awards would then deadlock on the insert.
 */
@Component
class AccountOpener {

    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final PointsAccountMapper accounts;
    private final Clock clock;

    AccountOpener(PointsAccountMapper accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void open(long userId) {
        for (int attempt = 0; attempt < 5; attempt++) {
            if (accounts.open(userId, newMemberCode(), clock.instant()) == 1 || accounts.selectById(userId) != null) {
                return; // opened now, or by a racing twin
            }
            // the member code was taken: draw another
        }
        throw new IllegalStateException("Could not open a points account for user " + userId);
    }

    private static String newMemberCode() {
        return RandomCodes.of(CODE_ALPHABET, 12);
    }
}
