package cn.doorstep.media;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The URL of an image uploaded here ({@code POST /api/v1/media/images}): a photo or avatar from
 * anywhere else could track who looks at it, or change after it was checked. {@code null} is valid
 * (pair with {@code @NotNull} where one is required).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = MediaUrlValidator.class)
public @interface MediaUrl {

    String message() default "must be the URL of an image uploaded with POST /api/v1/media/images";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
