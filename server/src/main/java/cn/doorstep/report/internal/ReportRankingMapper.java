package cn.doorstep.report.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * The weekly rankings' sums (issue 17 §6), one statement per level and measure, grouped in the database.
 * A scope is a street ({@code streetId}) or a district ({@code districtId}): exactly one is given. Times of
 * a step count when they fall before the week's end ({@code until}); merged reports (duplicates) are left out.
 * "Taken up" is the first of accepted, routed, summoned, resolved (a worker may route without accepting first).
 */
@Mapper
public interface ReportRankingMapper {

    String SCOPE = """
            <choose><when test="streetId != null">r.street_id = #{streetId}</when>
            <otherwise>r.district_id = #{districtId}</otherwise></choose>
            """;
    String UNIT = """
            <choose><when test="byStreet">r.street_id</when><otherwise>r.community_id</otherwise></choose>
            """;
    String TAKEN_UP = "COALESCE(r.accepted_at, r.routed_at, r.summoned_at, r.resolved_at)";
    String DONE = "COALESCE(r.resolved_at, r.closed_at)";

    /** One unit's sums for a week; seconds are means over the steps taken by the week's end (null: none). */
    record WeekSums(Long unitId, Long filed, Long resolved, BigDecimal acceptSeconds, BigDecimal resolveSeconds,
                    Long rated, Long satisfied) {
    }

    record Count(Long unitId, Long count) {
    }

    /**
     * The reports filed in [from, until) per community (or per street, {@code byStreet}): resolved or closed by
     * the week's end, the mean seconds from filing to being taken up and to being resolved, and the ratings
     * given by then. Listing the statuses but MERGED makes the V22 (scope, status, created_at) index seven
     * short ranges.
     */
    @Select("<script>SELECT " + UNIT + " AS unit_id, COUNT(*) AS filed,"
            + " COALESCE(SUM(" + DONE + " &lt; #{until}), 0) AS resolved,"
            + " AVG(CASE WHEN " + TAKEN_UP + " &lt; #{until} THEN TIMESTAMPDIFF(MICROSECOND, r.created_at, " + TAKEN_UP
            + ") / 1000000 END) AS accept_seconds,"
            + " AVG(CASE WHEN " + DONE + " &lt; #{until} THEN TIMESTAMPDIFF(MICROSECOND, r.created_at, " + DONE
            + ") / 1000000 END) AS resolve_seconds,"
            + " COALESCE(SUM(r.rated_at &lt; #{until}), 0) AS rated,"
            + " COALESCE(SUM(r.rated_at &lt; #{until} AND r.satisfied), 0) AS satisfied"
            + " FROM report r WHERE " + SCOPE
            + " AND r.status IN ('SUBMITTED', 'ACCEPTED', 'ROUTED', 'IN_PROGRESS', 'WAITING_REPORTER', 'RESOLVED', 'CLOSED')"
            + " AND r.created_at &gt;= #{from} AND r.created_at &lt; #{until}"
            + " GROUP BY unit_id</script>")
    List<WeekSums> weekOfReports(@Param("streetId") Long streetId, @Param("districtId") Long districtId,
                                 @Param("byStreet") boolean byStreet, @Param("from") Instant from,
                                 @Param("until") Instant until);

    /**
     * The reports open at the week's end (filed before it, not resolved or closed by it) past their deadline
     * then: the time to accept if not yet taken up, else the time to resolve; one waiting for its reporter since
     * before the end is not (its clock stood still). Ranges (scope, resolved_at) NULL and at or after the end.
     */
    @Select("<script>SELECT " + UNIT + " AS unit_id, COUNT(*) AS count FROM report r WHERE " + SCOPE
            + " AND (r.resolved_at IS NULL OR r.resolved_at &gt;= #{until})"
            + " AND r.created_at &lt; #{until} AND r.status &lt;&gt; 'MERGED'"
            + " AND (r.closed_at IS NULL OR r.closed_at &gt;= #{until})"
            + " AND NOT (r.status = 'WAITING_REPORTER' AND r.paused_at &lt; #{until})"
            + " AND CASE WHEN " + TAKEN_UP + " IS NULL OR " + TAKEN_UP + " &gt;= #{until} THEN r.accept_due &lt; #{until}"
            + " ELSE r.resolve_due &lt; #{until} END"
            + " GROUP BY unit_id</script>")
    List<Count> overdueAtEnd(@Param("streetId") Long streetId, @Param("districtId") Long districtId,
                             @Param("byStreet") boolean byStreet, @Param("until") Instant until);

    /**
     * Per department, its assignments (ROUTED or SUMMONED) made in [from, until) on reports of the scope: resolved
     * by the week's end, mean seconds from assignment to its acceptance (or 报到) and to its resolution, and the
     * reporters' ratings of the reports it resolved, given by then.
     */
    @Select("<script>SELECT a.department_id AS unit_id, COUNT(*) AS filed,"
            + " COALESCE(SUM(a.resolved_at &lt; #{until}), 0) AS resolved,"
            + " AVG(CASE WHEN COALESCE(a.accepted_at, a.responded_at) &lt; #{until} THEN TIMESTAMPDIFF(MICROSECOND,"
            + " a.assigned_at, COALESCE(a.accepted_at, a.responded_at)) / 1000000 END) AS accept_seconds,"
            + " AVG(CASE WHEN a.resolved_at &lt; #{until} THEN TIMESTAMPDIFF(MICROSECOND, a.assigned_at, a.resolved_at)"
            + " / 1000000 END) AS resolve_seconds,"
            + " COALESCE(SUM(r.resolved_department_id = a.department_id AND r.rated_at &lt; #{until}), 0) AS rated,"
            + " COALESCE(SUM(r.resolved_department_id = a.department_id AND r.rated_at &lt; #{until} AND r.satisfied), 0)"
            + " AS satisfied"
            + " FROM report_assignment a JOIN report r ON r.id = a.report_id"
            + " WHERE a.department_id IN <foreach collection='departments' item='d' open='(' separator=',' close=')'>#{d}</foreach>"
            + " AND a.assigned_at &gt;= #{from} AND a.assigned_at &lt; #{until} AND " + SCOPE
            + " AND r.status &lt;&gt; 'MERGED'"
            + " GROUP BY a.department_id</script>")
    List<WeekSums> weekOfAssignments(@Param("departments") Collection<Long> departments, @Param("streetId") Long streetId,
                                     @Param("districtId") Long districtId, @Param("from") Instant from,
                                     @Param("until") Instant until);

    /**
     * Per department, its assignments open at the week's end past their resolve deadline then, on reports of
     * the scope still open then: found from the reports' side (the same ranges as {@link #overdueAtEnd}).
     */
    @Select("<script>SELECT a.department_id AS unit_id, COUNT(*) AS count"
            + " FROM report r JOIN report_assignment a ON a.report_id = r.id WHERE " + SCOPE
            + " AND (r.resolved_at IS NULL OR r.resolved_at &gt;= #{until})"
            + " AND r.created_at &lt; #{until} AND r.status &lt;&gt; 'MERGED'"
            + " AND (r.closed_at IS NULL OR r.closed_at &gt;= #{until})"
            + " AND a.department_id IN <foreach collection='departments' item='d' open='(' separator=',' close=')'>#{d}</foreach>"
            + " AND a.assigned_at &lt; #{until} AND a.resolve_due &lt; #{until}"
            + " AND (a.resolved_at IS NULL OR a.resolved_at &gt;= #{until})"
            + " AND (a.returned_at IS NULL OR a.returned_at &gt;= #{until})"
            + " GROUP BY a.department_id</script>")
    List<Count> overdueAssignmentsAtEnd(@Param("departments") Collection<Long> departments,
                                        @Param("streetId") Long streetId, @Param("districtId") Long districtId,
                                        @Param("until") Instant until);

    /** The active departments serving any of these streets, by name. */
    @Select("<script>SELECT DISTINCT d.id AS unit_id, d.name FROM department d"
            + " JOIN department_street s ON s.department_id = d.id"
            + " WHERE d.active AND s.street_id IN <foreach collection='streets' item='s' open='(' separator=',' close=')'>#{s}</foreach>"
            + " ORDER BY d.name</script>")
    List<Named> departmentsServing(@Param("streets") Collection<Long> streetIds);

    record Named(Long unitId, String name) {
    }
}
