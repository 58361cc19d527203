package cn.doorstep.station.map;

import cn.doorstep.common.ApiException;
import cn.doorstep.common.ApiResponse.FieldErrors;
import cn.doorstep.common.ApiResponse.FieldProblem;
import cn.doorstep.common.CommonError;
import cn.doorstep.common.PageQuery;
import cn.doorstep.station.StationKind;
import cn.doorstep.station.StationRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code GET /stations/nearby}'s query. Coordinates are GCJ-02; they are used for this query and
 * neither stored nor logged.
 */
public record NearbyQuery(double lat, double lng, Integer radius, StationKind kind, String amenities, Boolean openNow,
                          Integer page, Integer size) {

    public static final int DEFAULT_RADIUS = 3000;
    private static final double MIN_LAT = Double.parseDouble(StationRequest.MIN_LAT);
    private static final double MAX_LAT = Double.parseDouble(StationRequest.MAX_LAT);
    private static final double MIN_LNG = Double.parseDouble(StationRequest.MIN_LNG);
    private static final double MAX_LNG = Double.parseDouble(StationRequest.MAX_LNG);

    public NearbyQuery {
        radius = radius == null ? DEFAULT_RADIUS : radius;
        openNow = openNow != null && openNow;
        page = page == null ? 1 : page;
        size = size == null ? PageQuery.DEFAULT_SIZE : size;
    }

    /**
     * Reads and checks the query string by hand. This is the API's hottest path: Spring's argument
     * conversion and Bean Validation of eight parameters cost more CPU than the search itself (see
     * bench/README.md). The checks and the 400 they give are the ones the annotations would: every
     * bad field named, the values never echoed (they may be a location).
     */
    public static NearbyQuery parse(Function<String, String> parameter) {
        var problems = new ArrayList<FieldProblem>();
        var read = new Reader(parameter, problems);
        Double lat = read.decimal("lat", true, MIN_LAT, MAX_LAT);
        Double lng = read.decimal("lng", true, MIN_LNG, MAX_LNG);
        Integer radius = read.integer("radius", 1, 20_000);
        StationKind kind = read.kind("kind");
        String amenities = parameter.apply("amenities");
        Boolean openNow = read.bool("openNow");
        Integer page = read.integer("page", 1, PageQuery.MAX_REACH);
        Integer size = read.integer("size", 1, PageQuery.MAX_SIZE);
        if (page != null && !PageQuery.withinReach(page, size == null ? PageQuery.DEFAULT_SIZE : size)) {
            problems.add(new FieldProblem("page", PageQuery.TOO_DEEP));
        }
        if (!problems.isEmpty()) {
            String message = problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; "));
            throw new ApiException(CommonError.VALIDATION_FAILED, message, new FieldErrors(List.copyOf(problems)));
        }
        return new NearbyQuery(lat, lng, radius, kind, amenities, openNow, page, size);
    }

    /** Redacted: a query's coordinates must not reach a log through toString(). */
    @Override
    public String toString() {
        return "NearbyQuery[radius=" + radius + ", kind=" + kind + ", amenities=" + amenities + ", openNow=" + openNow
                + ", page=" + page + ", size=" + size + "]";
    }

    private record Reader(Function<String, String> parameter, List<FieldProblem> problems) {

        Double decimal(String name, boolean required, double min, double max) {
            String raw = parameter.apply(name);
            if (raw == null || raw.isEmpty()) {
                if (required) {
                    problems.add(new FieldProblem(name, "is required"));
                }
                return null;
            }
            try {
                double value = Double.parseDouble(raw);
                if (!(value >= min && value <= max)) { // NaN fails too
                    problems.add(new FieldProblem(name, "must be between " + min + " and " + max));
                    return null;
                }
                return value;
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem(name, "must be a number"));
                return null;
            }
        }

        Integer integer(String name, int min, int max) {
            String raw = parameter.apply(name);
            if (raw == null || raw.isEmpty()) {
                return null;
            }
            try {
                int value = Integer.parseInt(raw.strip());
                if (value < min || value > max) {
                    problems.add(new FieldProblem(name, "must be between " + min + " and " + max));
                    return null;
                }
                return value;
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem(name, "must be a number"));
                return null;
            }
        }

        StationKind kind(String name) {
            String raw = parameter.apply(name);
            if (raw == null || raw.isEmpty()) {
                return null;
            }
            for (StationKind kind : StationKind.values()) {
                if (kind.name().equals(raw)) {
                    return kind;
                }
            }
            problems.add(new FieldProblem(name, "must be one of " + java.util.Arrays.toString(StationKind.values())));
            return null;
        }

        Boolean bool(String name) {
            String raw = parameter.apply(name);
            if (raw == null || raw.isEmpty()) {
                return null;
            }
            if (raw.equalsIgnoreCase("true")) {
                return true;
            }
            if (raw.equalsIgnoreCase("false")) {
                return false;
            }
            problems.add(new FieldProblem(name, "must be true or false"));
            return null;
        }
    }
}
