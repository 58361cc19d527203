package cn.doorstep.common;

import java.util.List;
import java.util.function.Function;

/** The reply of every list: {@code {"items": [...], "total": n, "page": 1, "size": 20}}. */
public record PageResult<T>(List<T> items, long total, int page, int size) {

    public static <T> PageResult<T> of(List<T> items, long total, PageQuery query) {
        return new PageResult<>(items, total, query.page(), query.size());
    }

    /** Cuts one page out of a list that is already complete and ordered. */
    public static <T> PageResult<T> slice(List<T> all, PageQuery query) {
        int from = (int) Math.min(all.size(), query.offset());
        int to = Math.min(all.size(), from + query.size());
        return new PageResult<>(List.copyOf(all.subList(from, to)), all.size(), query.page(), query.size());
    }

    /** Drops items a mapping could not produce (e.g. a row deleted between two reads). */
    public PageResult<T> filterNulls() {
        return new PageResult<>(items.stream().filter(java.util.Objects::nonNull).toList(), total, page, size);
    }

    public <R> PageResult<R> map(Function<? super T, ? extends R> mapper) {
        return new PageResult<>(items.stream().<R>map(mapper).toList(), total, page, size);
    }
}
