package cn.doorstep.common;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** The check behind {@link PlainText}. */
public class PlainTextValidator implements ConstraintValidator<PlainText, CharSequence> {

    private boolean multiline;

    @Override
    public void initialize(PlainText annotation) {
        multiline = annotation.multiline();
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        return value == null || value.isEmpty() || isPlain(value, multiline);
    }

    /** Whether {@code text} is visible plain text (see {@link PlainText}). */
    public static boolean isPlain(CharSequence text, boolean multiline) {
        boolean visible = false;
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            if (cp == '\n' && multiline) {
                continue;
            }
            if (Character.getType(cp) == Character.CONTROL || hidesOrReorders(cp)) {
                return false;
            }
            if (!Character.isWhitespace(cp) && !Character.isSpaceChar(cp)) {
                visible = true;
            }
        }
        return visible;
    }

    /**
     * Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), the direction marks
     * (U+200E, U+200F, U+061C), zero-width space and no-break (U+200B, U+2060, U+FEFF) and the Unicode
     * line and paragraph separators. Zero-width joiners stay allowed: emoji sequences need them.
     */
    private static boolean hidesOrReorders(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)
                || cp == 0x200E || cp == 0x200F || cp == 0x061C
                || cp == 0x200B || cp == 0x2060 || cp == 0xFEFF
                || cp == 0x2028 || cp == 0x2029;
    }
}
