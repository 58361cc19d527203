package cn.doorstep.reward;

import cn.doorstep.common.RandomCodes;
import cn.doorstep.reward.internal.Redemption;
import cn.doorstep.reward.internal.RedemptionMapper;
import java.util.Locale;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Redemption codes: 10 characters of Crockford's base 32 (no I, L, O, U), 50 random bits from
 * SecureRandom, so one cannot be guessed from another; short enough to read out at the counter.
 */
@Component
class RedemptionCodes {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int LENGTH = 10;
    private static final int ATTEMPTS = 5;

    private final RedemptionMapper redemptions;

    RedemptionCodes(RedemptionMapper redemptions) {
        this.redemptions = redemptions;
    }

    String next() {
        return RandomCodes.of(ALPHABET, LENGTH);
    }

    /** Inserts the redemption with a fresh code; a code already taken (rare) draws another. */
    void insertWithNewCode(Redemption r) {
        for (int attempt = 1; ; attempt++) {
            r.setCode(next());
            try {
                redemptions.insert(r);
                return;
            } catch (DuplicateKeyException taken) {
                String message = String.valueOf(taken.getMessage());
                if (attempt == ATTEMPTS || !message.contains("uk_redemption_code")) {
                    throw taken; // the request key: a retry of a redemption made already
                }
            }
        }
    }

    /** What staff typed or scanned: the code, or the QR payload holding it; case and spaces ignored. */
    static String normalise(String scanned) {
        String s = scanned.strip();
        if (s.regionMatches(true, 0, Redemptions.QR_PREFIX, 0, Redemptions.QR_PREFIX.length())) {
            s = s.substring(Redemptions.QR_PREFIX.length());
        }
        return s.replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
    }
}
