package cn.doorstep.common;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text that people read: names, notes and reasons. Rejects text made only of spaces (full-width and
 * no-break spaces included, which {@code @NotBlank} lets through), control characters, and the
 * invisible characters that reorder or hide text (bidi overrides and isolates, zero-width space):
 * a name must show what it says. {@code null} and the empty string are valid (pair with {@code @NotBlank} where the text is required).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainTextValidator.class)
public @interface PlainText {

    String message() default "must be visible plain text: no control or direction characters, not only spaces";

    /** Allows line breaks ({@code \n}), e.g. for a station's introduction. */
    boolean multiline() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
