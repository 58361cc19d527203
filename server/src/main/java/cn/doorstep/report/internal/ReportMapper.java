package cn.doorstep.report.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface ReportMapper extends BaseMapper<Report> {

    /**
     * Saves the changes made to {@code report} as read (non-null fields; clear a column with an update
     * wrapper), if nobody changed it since: {@code WHERE id = ? AND version = ?} (@Version). False when
     * someone else's step landed first; the caller answers 409.
     */
    default boolean advance(Report report) {
        return updateById(report) == 1;
    }

    /** The reports a user follows (filed, or merged into), newest first; {@code status} null for any. */
    @Select("""
            <script>
            SELECT r.* FROM report r JOIN report_follower f ON f.report_id = r.id
            WHERE f.user_id = #{user} <if test="status != null">AND r.status = #{status}</if>
            ORDER BY r.id DESC
            </script>
            """)
    Page<Report> selectFollowedBy(Page<Report> page, @Param("user") long userId, @Param("status") String status);
}
