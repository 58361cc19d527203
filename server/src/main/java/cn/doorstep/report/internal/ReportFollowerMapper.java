package cn.doorstep.report.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface ReportFollowerMapper extends BaseMapper<ReportFollower> {

    /** Follows the report; following it again changes nothing (the primary key). */
    @Insert("INSERT IGNORE INTO report_follower (report_id, user_id, via, created_at) VALUES (#{report}, #{user}, #{via}, #{at})")
    int follow(@Param("report") long reportId, @Param("user") long userId, @Param("via") String via, @Param("at") Instant at);

    default boolean follows(long reportId, long userId) {
        return exists(Wrappers.<ReportFollower>lambdaQuery().eq(ReportFollower::getReportId, reportId)
                .eq(ReportFollower::getUserId, userId));
    }

    default List<Long> followersOf(long reportId) {
        return selectList(Wrappers.<ReportFollower>lambdaQuery().eq(ReportFollower::getReportId, reportId)
                .orderByAsc(ReportFollower::getCreatedAt)).stream().map(ReportFollower::getUserId).toList();
    }
}
