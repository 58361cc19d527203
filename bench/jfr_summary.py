#!/usr/bin/env python3
"""Where the app's Java threads spend CPU during a JFR recording of the nearby benchmark.

Usage: jfr print --stack-depth 256 --events jdk.ExecutionSample rec.jfr > samples.txt
       jfr_summary.py samples.txt                               (request path)
       jfr_summary.py --within StationIndex.rebuild samples.txt  (only samples under that frame: the index rebuild)

Each CPU sample is attributed to the innermost frame that matches a category below (stacks are
printed leaf first), so the shares add up to 100 %. Then the hottest leaf methods.
"""
import collections
import re
import sys

CATEGORIES = [
    ("binding the query's record (DataBinder.construct)", ["DataBinder.construct"]),
    ("bean validation of the query", ["MethodValidationInterceptor.invoke", "jakarta.validation.", "org.hibernate.validator."]),
    ("station details: MGET + JSON decode (StationDetails.getAll)", ["StationDetails.getAll"]),
    ("facet filter: HMGET + decode (StationQueryService.filter)", ["StationQueryService.filter"]),
    ("GEOSEARCH (StationIndex.search)", ["StationIndex.search"]),
    ("the one Redis call: limit, GEO, facets, cards (StationIndex.nearby)", ["StationIndex.nearby"]),
    ("facets decode + schedule evaluation (Evaluator)", ["StationQueryService$Evaluator", "StationFacets.decode", "Schedule.at"]),
    ("cards not read ahead (StationQueryService.cards)", ["StationQueryService.cards"]),
    ("holiday calendar HMGET (HolidayCalendar.kindsOf)", ["HolidayCalendar.kindsOf"]),
    ("page items: schedule, open-now, hours (StationQueryService.item)", ["StationQueryService.item", "StationQueryService.items", "PageResult."]),
    ("other nearby() code", ["StationQueryService.nearby"]),
    ("JSON response write (Jackson)", ["AbstractMessageConverterMethodProcessor.writeWithMessageConverters"]),
    ("Lettuce / Netty I/O threads", ["io.netty.", "io.lettuce."]),
    ("metrics / observation (Micrometer)", ["io.micrometer."]),
    ("Spring MVC dispatch (rest)", ["DispatcherServlet.doDispatch"]),
    ("security and servlet filters (rest)", ["FilterChainProxy", "OncePerRequestFilter.doFilter", "ApplicationFilterChain"]),
    ("Tomcat HTTP / NIO (rest)", ["org.apache.tomcat.", "org.apache.coyote.", "org.apache.catalina."]),
]

REBUILD_CATEGORIES = [
    ("read station rows: JDBC + MyBatis mapping (selectActiveAfter)", ["StationMapper.selectActiveAfter"]),
    ("read hour exceptions (HoursExceptionMapper.selectFrom)", ["HoursExceptionMapper.selectFrom"]),
    ("facets: schedule + encode (StationFacets)", ["StationFacets.", "StationDetail.schedule"]),
    ("row -> StationDetail (StationDetails.toDetail)", ["StationDetails.toDetail"]),
    ("Redis writes: GEOADD / HSET / EXPIRE", ["RedisTemplate.", "DefaultGeoOperations", "DefaultHashOperations", "io.lettuce."]),
    ("rest of rebuild()", ["StationIndex.rebuild"]),
]


def main(path, within=None):
    text = open(path, encoding="utf-8", errors="replace").read()
    events = text.split("jdk.ExecutionSample")[1:]
    categories = CATEGORIES
    if within:
        events = [e for e in events if within in e]
        categories = REBUILD_CATEGORIES if "rebuild" in within else CATEGORIES
    cats = collections.Counter()
    leaves = collections.Counter()
    for e in events:
        frames = re.findall(r"^\s+([\w.$<>/]+)\(", e, re.M)
        if not frames:
            continue
        leaves[frames[0]] += 1
        cat = "other"
        for f in frames:
            hit = next((name for name, pats in categories if any(p in f for p in pats)), None)
            if hit:
                cat = hit
                break
        cats[cat] += 1
    n = sum(cats.values())
    if n == 0:
        print("no execution samples")
        return
    print("JFR CPU samples of Java threads%s: %d" % (" under " + within if within else "", n))
    for k, v in cats.most_common():
        print("  %5.1f%%  %s" % (100.0 * v / n, k))
    print("hottest leaf methods:")
    for k, v in leaves.most_common(12):
        print("  %5.1f%%  %s" % (100.0 * v / n, k))


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--within":
        main(sys.argv[3], sys.argv[2])
    else:
        main(sys.argv[1])
