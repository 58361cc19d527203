package cn.doorstep.report.internal;

import cn.doorstep.report.ReportStatus;
import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import com.baomidou.mybatisplus.core.toolkit.support.SFunction;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
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

    /**
     * The grid side's list: reports of these communities or of these grids (one of the two non-empty), with
     * the filters given (null for any). Newest first; {@code overdue} keeps only reports past their deadline
     * at {@code now} (SUBMITTED past accept_due, being handled past resolve_due), the longest overdue first.
     * Served by idx_report_community / idx_report_grid.
     */
    @Select("""
            <script>
            SELECT * FROM report
            <where>
              <trim prefix="(" suffix=")" prefixOverrides="OR">
                <if test="!communities.isEmpty()">community_id IN
                  <foreach collection="communities" item="c" open="(" separator="," close=")">#{c}</foreach></if>
                <if test="!grids.isEmpty()">OR grid_id IN
                  <foreach collection="grids" item="g" open="(" separator="," close=")">#{g}</foreach></if>
              </trim>
              <if test="status != null">AND status = #{status}</if>
              <if test="level != null">AND level = #{level}</if>
              <if test="category != null">AND category = #{category}</if>
              <if test="overdue">AND ((status = 'SUBMITTED' AND accept_due &lt; #{now})
                OR (status IN ('ACCEPTED', 'ROUTED', 'IN_PROGRESS') AND resolve_due &lt; #{now}))</if>
            </where>
            <choose>
              <when test="overdue">ORDER BY CASE WHEN status = 'SUBMITTED' THEN accept_due ELSE resolve_due END, id</when>
              <otherwise>ORDER BY created_at DESC, id DESC</otherwise>
            </choose>
            </script>
            """)
    Page<Report> selectForWorkers(Page<Report> page, @Param("communities") Collection<Long> communityIds,
                                  @Param("grids") Collection<Long> gridIds, @Param("status") String status,
                                  @Param("level") String level, @Param("category") String category,
                                  @Param("overdue") boolean overdue, @Param("now") Instant now);

    /**
     * Saves the changes made to {@code report} and sets the {@code cleared} columns to NULL, if nobody
     * changed it since it was read (the version check applies: the entity carries its version).
     */
    default boolean advanceClearing(Report report, List<SFunction<Report, ?>> cleared) {
        var update = new LambdaUpdateWrapper<Report>().eq(Report::getId, report.getId());
        cleared.forEach(column -> update.set(column, null));
        return update(report, update) == 1;
    }

    // ---- follow-up (deadlines, escalation, duplicates) ----

    /**
     * Reports at {@code level} past their deadline at {@code now} (the time to accept while SUBMITTED, to
     * resolve while being handled; WAITING_REPORTER is paused), escalated before {@code escalatedBefore}
     * (null: any), oldest first.
     */
    default List<Report> selectOverdue(String level, Instant now, Instant escalatedBefore, int limit) {
        return selectPage(new Page<>(1, limit, false), Wrappers.<Report>lambdaQuery().eq(Report::getLevel, level)
                .and(w -> w.nested(s -> s.eq(Report::getStatus, ReportStatus.SUBMITTED.name()).lt(Report::getAcceptDue, now))
                        .or(h -> h.in(Report::getStatus, ReportStatus.HANDLING.stream().map(Enum::name).toList())
                                .lt(Report::getResolveDue, now)))
                .lt(escalatedBefore != null, Report::getEscalatedAt, escalatedBefore)
                .orderByAsc(Report::getId)).getRecords();
    }

    /** RESOLVED reports resolved before {@code before} and still unrated, oldest first. */
    default List<Report> selectUnratedResolvedBefore(Instant before, int limit) {
        return selectPage(new Page<>(1, limit, false), Wrappers.<Report>lambdaQuery().eq(Report::getStatus, ReportStatus.RESOLVED.name())
                .lt(Report::getResolvedAt, before).orderByAsc(Report::getId)).getRecords();
    }

    /** Open reports of a category inside a box (idx_report_nearby), at most {@code limit}. */
    default List<Report> selectOpenInBox(String category, BigDecimal minLat, BigDecimal maxLat, BigDecimal minLng,
                                         BigDecimal maxLng, int limit) {
        return selectPage(new Page<>(1, limit, false), Wrappers.<Report>lambdaQuery().eq(Report::getCategory, category)
                .in(Report::getStatus, ReportStatus.OPEN.stream().map(Enum::name).toList())
                .between(Report::getLat, minLat, maxLat).between(Report::getLng, minLng, maxLng)
                .isNull(Report::getMergedInto).orderByDesc(Report::getId)).getRecords();
    }

    /**
     * The report's status as last committed: a locking read, so a transaction whose version-checked save
     * just lost names the state the winner left, not the one its own snapshot still shows.
     */
    @Select("SELECT status FROM report WHERE id = #{id} LOCK IN SHARE MODE")
    String selectCommittedStatus(@Param("id") long id);
}
