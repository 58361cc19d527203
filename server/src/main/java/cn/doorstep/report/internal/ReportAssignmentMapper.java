package cn.doorstep.report.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface ReportAssignmentMapper extends BaseMapper<ReportAssignment> {

    default List<ReportAssignment> ofReport(long reportId) {
        return selectList(Wrappers.<ReportAssignment>lambdaQuery().eq(ReportAssignment::getReportId, reportId)
                .orderByAsc(ReportAssignment::getId));
    }
}
