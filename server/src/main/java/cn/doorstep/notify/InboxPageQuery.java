package cn.doorstep.notify;

import cn.doorstep.common.ApiException;
import cn.doorstep.common.ApiResponse.FieldErrors;
import cn.doorstep.common.ApiResponse.FieldProblem;
import cn.doorstep.common.CommonError;
import cn.doorstep.common.PageQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code ?page&size} of the inbox, read by hand: the inbox is read on every app start, and Spring's
 * record binding with Bean Validation cost a tenth of the request's CPU (bench/README.md, the inbox).
 * The same rules and 400 as {@link PageQuery}'s annotations: size 1–50, page from 1 and
 * page × size at most 10,000, every bad field named.
 */
final class InboxPageQuery {

    private InboxPageQuery() {
    }

    static PageQuery parse(Function<String, String> parameter) {
        var problems = new ArrayList<FieldProblem>();
        Integer page = integer(parameter, "page", PageQuery.MAX_REACH, problems);
        Integer size = integer(parameter, "size", PageQuery.MAX_SIZE, problems);
        var query = new PageQuery(page, size);
        if (page != null && !PageQuery.withinReach(query.page(), query.size())) {
            problems.add(new FieldProblem("page", PageQuery.TOO_DEEP));
        }
        if (!problems.isEmpty()) {
            String message = problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; "));
            throw new ApiException(CommonError.VALIDATION_FAILED, message, new FieldErrors(List.copyOf(problems)));
        }
        return query;
    }

    private static Integer integer(Function<String, String> parameter, String name, int max, List<FieldProblem> problems) {
        String raw = parameter.apply(name);
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value < 1 || value > max) {
                problems.add(new FieldProblem(name, "must be between 1 and " + max));
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(name, "must be a number"));
            return null;
        }
    }
}
