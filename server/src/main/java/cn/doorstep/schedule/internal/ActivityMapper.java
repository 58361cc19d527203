package cn.doorstep.schedule.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface ActivityMapper extends BaseMapper<Activity> {

    /** A page of a station's activities that end after {@code after}, soonest first. */
    default Page<Activity> selectComing(long stationId, Instant after, Page<Activity> page) {
        return selectPage(page, new LambdaQueryWrapper<Activity>().eq(Activity::getStationId, stationId)
                .gt(Activity::getEndsAt, after).orderByAsc(Activity::getStartsAt, Activity::getId));
    }

    /** The occurrence of a rule starting then, if it was made. */
    default Activity selectOccurrence(long ruleId, Instant startsAt) {
        return selectOne(new LambdaQueryWrapper<Activity>().eq(Activity::getRuleId, ruleId)
                .eq(Activity::getStartsAt, startsAt));
    }

    /**
     * The activities at these stations that end after {@code after} and are not cancelled (their slot
     * open), of a kind and starting within [{@code from}, {@code to}) when given, soonest first: one page.
     * {@code stations} must not be empty.
     */
    @Select("""
            <script>
            SELECT a.* FROM booking_activity a JOIN booking_slot s ON s.activity_id = a.id AND s.status = 'OPEN'
            WHERE a.station_id IN
            <foreach collection="stations" item="id" open="(" separator="," close=")">#{id}</foreach>
            AND a.ends_at &gt; #{after}
            <if test="kind != null">AND a.kind = #{kind}</if>
            <if test="from != null">AND a.starts_at &gt;= #{from} AND a.starts_at &lt; #{to}</if>
            ORDER BY a.starts_at, a.id
            </script>
            """)
    Page<Activity> selectOpenAt(Page<Activity> page, @Param("stations") Collection<Long> stations,
                                @Param("after") Instant after, @Param("kind") String kind, @Param("from") Instant from,
                                @Param("to") Instant to);

    /** The next few coming (open) activities of a station, soonest first, for its page. */
    @Select("""
            SELECT a.* FROM booking_activity a JOIN booking_slot s ON s.activity_id = a.id AND s.status = 'OPEN'
            WHERE a.station_id = #{stationId} AND a.ends_at > #{after} ORDER BY a.starts_at, a.id LIMIT #{limit}
            """)
    List<Activity> selectNextOpen(@Param("stationId") long stationId, @Param("after") Instant after,
                                  @Param("limit") int limit);
}
