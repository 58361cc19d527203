package cn.doorstep.report.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
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
}
