package cn.doorstep.report.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface ReportStepMapper extends BaseMapper<ReportStepRow> {

    default List<ReportStepRow> timeline(long reportId) {
        return selectList(Wrappers.<ReportStepRow>lambdaQuery().eq(ReportStepRow::getReportId, reportId)
                .orderByAsc(ReportStepRow::getId));
    }
}
