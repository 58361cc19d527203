package cn.doorstep.wechat;

import cn.doorstep.common.Shortened;
import java.util.Locale;

/**
 * Fits a subscribe-message value to WeChat's rule for its field's type, which WeChat takes from the
 * key's prefix ({@code thing1}, {@code character_string3}, {@code time2}): a value past the rule is
 * refused (errcode 47003) and the message lost, so it is cut here instead. The rules
 * (订阅消息参数值内容限制): {@code thing} 20 characters of anything; {@code number} 32 digits (a decimal
 * point allowed); {@code letter} 32 letters; {@code symbol} 5 symbols; {@code character_string} 32
 * digits, letters or symbols; {@code phone_number} 17; {@code car_number} 8; {@code name} 10 Chinese
 * characters, or 20 letters when it has none; {@code phrase} 5 Chinese characters; {@code time},
 * {@code date}, {@code amount} and {@code enum} are formats, not lengths: the caller writes them valid
 * (e.g. {@code 2026-12-05 10:00}) and they pass unchanged. No value keeps control characters.
 */
public final class SubscribeFields {

    private SubscribeFields() {
    }

    /** The value for field {@code key}, cut or filtered to its type's rule; never null. */
    public static String fit(String key, String value) {
        if (value == null) {
            return "";
        }
        String clean = value.replaceAll("\\p{Cntrl}", " ").strip();
        return switch (type(key)) {
            case "thing" -> Shortened.to(clean, 20);
            case "number" -> cut(clean.replaceAll("[^0-9.\\-]", ""), 32);
            case "letter" -> cut(clean.replaceAll("[^A-Za-z]", ""), 32);
            case "symbol" -> cut(clean, 5);
            case "character_string" -> cut(clean.replaceAll("[^!-~]", ""), 32);
            case "phone_number" -> cut(clean.replaceAll("[^0-9+\\-() ]", ""), 17);
            case "car_number" -> cut(clean.replace(" ", ""), 8);
            case "name" -> clean.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                    ? cut(clean, 10) : cut(clean, 20);
            case "phrase" -> cut(clean.replaceAll("[^\\p{IsHan}]", ""), 5);
            case "time", "date", "amount", "enum" -> clean;
            default -> Shortened.to(clean, 20); // a type newer than this code: thing's rule, the most general
        };
    }

    /** The type WeChat reads from a key: the key without its trailing number ({@code character_string3}). */
    static String type(String key) {
        return key.replaceAll("[0-9]+$", "").toLowerCase(Locale.ROOT);
    }

    /** At most {@code max} characters (for types an ellipsis would break). */
    private static String cut(String value, int max) {
        return value.codePointCount(0, value.length()) <= max ? value
                : value.substring(0, value.offsetByCodePoints(0, max));
    }
}
