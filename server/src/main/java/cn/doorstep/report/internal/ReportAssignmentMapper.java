package cn.doorstep.report.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface ReportAssignmentMapper extends BaseMapper<ReportAssignment> {

    default List<ReportAssignment> ofReport(long reportId) {
        return selectList(Wrappers.<ReportAssignment>lambdaQuery().eq(ReportAssignment::getReportId, reportId)
                .orderByAsc(ReportAssignment::getId));
    }

    /**
     * Moves the time to resolve of the report's open department parts (not resolved, not returned) on by
     * {@code micros}: the report waited for its reporter, and the clock stood still. Bumps their version, so a
     * department's step read before it gets 409.
     */
    @Update("""
            UPDATE report_assignment SET resolve_due = DATE_ADD(resolve_due, INTERVAL #{micros} MICROSECOND),
                   version = version + 1, updated_at = #{now}
            WHERE report_id = #{report} AND resolve_due IS NOT NULL AND resolved_at IS NULL AND returned_at IS NULL
            """)
    int postponeOpen(@Param("report") long reportId, @Param("micros") long micros, @Param("now") Instant now);

    /** The department's part in the report, if it ever had one (one row per report and department). */
    default ReportAssignment of(long reportId, long departmentId) {
        return selectOne(Wrappers.<ReportAssignment>lambdaQuery().eq(ReportAssignment::getReportId, reportId)
                .eq(ReportAssignment::getDepartmentId, departmentId));
    }

    /**
     * The assignments of these departments, newest first: {@code status} and {@code kind} null for any;
     * {@code overdueAt} non-null for those still open (PENDING, ACCEPTED, RESPONDED) past their due time.
     */
    @Select("""
            <script>
            SELECT a.* FROM report_assignment a
            WHERE a.department_id IN <foreach collection="departments" item="d" open="(" separator="," close=")">#{d}</foreach>
            <if test="status != null">AND a.status = #{status}</if>
            <if test="kind != null">AND a.kind = #{kind}</if>
            <if test="overdueAt != null">
            AND a.status IN ('PENDING', 'ACCEPTED', 'RESPONDED') AND a.resolve_due &lt; #{overdueAt}
            </if>
            ORDER BY a.assigned_at DESC, a.id DESC
            </script>
            """)
    Page<ReportAssignment> selectForDepartments(Page<ReportAssignment> page, @Param("departments") Collection<Long> departmentIds,
                                                @Param("status") String status, @Param("kind") String kind,
                                                @Param("overdueAt") Instant overdueAt);

    /**
     * Makes a part that was returned (or resolved before the report was reopened) PENDING again for a new
     * routing or summons, its earlier times cleared, if nobody changed it since it was read (version).
     */
    default boolean assignAgain(ReportAssignment read, String kind, long by, Instant at, Instant resolveDue, String note) {
        var again = new ReportAssignment();
        again.setVersion(read.getVersion());
        return update(again, Wrappers.<ReportAssignment>lambdaUpdate()
                .eq(ReportAssignment::getId, read.getId())
                .set(ReportAssignment::getKind, kind)
                .set(ReportAssignment::getStatus, "PENDING")
                .set(ReportAssignment::getAssignedBy, by)
                .set(ReportAssignment::getAssignedAt, at)
                .set(ReportAssignment::getResolveDue, resolveDue)
                .set(ReportAssignment::getExtendedDays, 0)
                .set(ReportAssignment::getAcceptedAt, null)
                .set(ReportAssignment::getRespondedAt, null)
                .set(ReportAssignment::getResolvedAt, null)
                .set(ReportAssignment::getReturnedAt, null)
                .set(ReportAssignment::getNote, note)) == 1;
    }
}
