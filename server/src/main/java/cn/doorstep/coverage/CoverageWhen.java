package cn.doorstep.coverage;

import cn.doorstep.common.ApiException;
import cn.doorstep.common.CommonError;
import java.util.Locale;

/**
 * The moment coverage is judged at: NOW (the app's clock), EVENING (today 19:30 China time, whether or not it has
 * passed: the evening service the 红色便民服务圈 promises), HOLIDAY (10:00 China time on the first public holiday
 * from today on in the holiday calendar, today included).
 */
public enum CoverageWhen {
    NOW, EVENING, HOLIDAY;

    /** The query parameter, any case; null or blank is NOW. 400 naming {@code when} for anything else. */
    static CoverageWhen parse(String text) {
        if (text == null || text.isBlank()) {
            return NOW;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badField(CommonError.VALIDATION_FAILED, "when", "must be now, evening or holiday");
        }
    }
}
