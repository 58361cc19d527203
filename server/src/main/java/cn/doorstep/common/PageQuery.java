package cn.doorstep.common;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code ?page=1&size=20}, bound from the query string. Pages count from 1; size is capped so one
 * request cannot ask for a whole table, and {@code page × size} is capped at {@link #MAX_REACH}: an
 * OFFSET makes MySQL read and drop every row before the page, so a deep page costs as much as
 * reading all of them. A deeper page is a 400 naming {@code page}; a list that long is narrowed with
 * its filters instead.
 */
@PageQuery.WithinReach
public record PageQuery(@Min(1) @Max(MAX_REACH) Integer page, @Min(1) @Max(MAX_SIZE) Integer size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 50;
    /** The deepest row a page may end at: page × size ≤ this. */
    public static final int MAX_REACH = 10_000;
    public static final String TOO_DEEP = "page × size must be at most " + MAX_REACH
            + "; narrow the list with its filters instead";

    public PageQuery {
        page = page == null ? 1 : page;
        size = size == null ? DEFAULT_SIZE : size;
    }

    public static PageQuery of(int page, int size) {
        return new PageQuery(page, size);
    }

    public long offset() {
        return (long) (page - 1) * size;
    }

    /** Whether the page ends within {@link #MAX_REACH} rows (also for lists that read page and size by hand). */
    public static boolean withinReach(int page, int size) {
        return (long) page * size <= MAX_REACH;
    }

    /** {@code page × size ≤ MAX_REACH}, reported on {@code page}. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = ReachValidator.class)
    public @interface WithinReach {
        String message() default TOO_DEEP;

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    static final class ReachValidator implements ConstraintValidator<WithinReach, PageQuery> {

        @Override
        public boolean isValid(PageQuery query, ConstraintValidatorContext context) {
            if (query == null || withinReach(query.page(), query.size())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("page").addConstraintViolation();
            return false;
        }
    }
}
