package cn.doorstep.report.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface ReportPhotoMapper extends BaseMapper<ReportPhoto> {

    /** The report's photos, those filed with it (step null) and every step's, in order. */
    default List<ReportPhoto> photosOf(long reportId) {
        return selectList(Wrappers.<ReportPhoto>lambdaQuery().eq(ReportPhoto::getReportId, reportId)
                .orderByAsc(ReportPhoto::getStepId).orderByAsc(ReportPhoto::getSortOrder));
    }

    /** Stores {@code urls} in order, filed with the report ({@code stepId} null) or as a step's evidence. */
    default void add(long reportId, Long stepId, List<String> urls) {
        if (urls == null) {
            return;
        }
        for (int i = 0; i < urls.size(); i++) {
            var photo = new ReportPhoto();
            photo.setReportId(reportId);
            photo.setStepId(stepId);
            photo.setUrl(urls.get(i));
            photo.setSortOrder(i);
            insert(photo);
        }
    }
}
