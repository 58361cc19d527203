package cn.doorstep.report.internal;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Index range reads of one community's reports over a span of time, for the cockpit's daily figures. */
@Mapper
public interface ReportStatisticsMapper {

    String STATUSES = "('SUBMITTED', 'ACCEPTED', 'ROUTED', 'IN_PROGRESS', 'WAITING_REPORTER', 'RESOLVED', 'CLOSED', 'MERGED')";

    /** What a day's report is, as the figures need it (listing every status ranges V22's idx_report_community). */
    @Select("SELECT id, status, category, created_at, accepted_at, routed_at, summoned_at, resolved_at, closed_at,"
            + " accept_due, resolve_due, escalated_at, satisfied, rated_at, resolved_department_id FROM report"
            + " WHERE community_id = #{community} AND status IN " + STATUSES
            + " AND created_at >= #{from} AND created_at < #{until}")
    List<Report> selectFiled(@Param("community") long community, @Param("from") Instant from, @Param("until") Instant until);

    record Assigned(long departmentId, Instant createdAt) {
    }

    /** The departments the reports filed in the span were routed or summoned to (one row per report and department). */
    @Select("SELECT a.department_id, r.created_at FROM report r JOIN report_assignment a ON a.report_id = r.id"
            + " WHERE r.community_id = #{community} AND r.status IN " + STATUSES
            + " AND r.status <> 'MERGED' AND r.created_at >= #{from} AND r.created_at < #{until}")
    List<Assigned> selectAssigned(@Param("community") long community, @Param("from") Instant from,
                                  @Param("until") Instant until);

    /** When the community's reports resolved in the span were resolved (V24_6's key). */
    @Select("SELECT resolved_at FROM report WHERE community_id = #{community} AND resolved_at >= #{from}"
            + " AND resolved_at < #{until} AND status <> 'MERGED'")
    List<Instant> selectResolvedAt(@Param("community") long community, @Param("from") Instant from,
                                   @Param("until") Instant until);
}
