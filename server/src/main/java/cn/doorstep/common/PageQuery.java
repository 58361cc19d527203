package cn.doorstep.common;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * {@code ?page=1&size=20}, bound from the query string. Pages count from 1; size is capped so one
 * request cannot ask for a whole table.
 */
public record PageQuery(@Min(1) @Max(10_000) Integer page, @Min(1) @Max(50) Integer size) {

    public static final int DEFAULT_SIZE = 20;

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
}
