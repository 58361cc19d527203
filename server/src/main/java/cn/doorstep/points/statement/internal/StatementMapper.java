package cn.doorstep.points.statement.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface StatementMapper extends BaseMapper<StatementRow> {

    default StatementRow selectByCode(String code) {
        return selectOne(new LambdaQueryWrapper<StatementRow>().eq(StatementRow::getCode, code));
    }

    default Page<StatementRow> selectNewestFirst(long userId, Page<StatementRow> page) {
        return selectPage(page, new LambdaQueryWrapper<StatementRow>().eq(StatementRow::getUserId, userId)
                .orderByDesc(StatementRow::getId));
    }

    /** Revokes the owner's statement once; 0 when it is not theirs or was revoked already. */
    default int revoke(String code, long userId, Instant at) {
        return update(null, new LambdaUpdateWrapper<StatementRow>().set(StatementRow::getRevokedAt, at)
                .eq(StatementRow::getCode, code).eq(StatementRow::getUserId, userId).isNull(StatementRow::getRevokedAt));
    }

    /** What a user earned per kind in [from, until): the lines of a new statement. */
    @Select("""
            SELECT reason AS kind, COUNT(*) AS entries, SUM(delta) AS points, SUM(hours) AS hours
            FROM points_ledger
            WHERE user_id = #{userId} AND created_at >= #{from} AND created_at < #{until}
              AND reason IN ('RIDER_CHECKIN', 'VOLUNTEER_SERVICE', 'WISH_FULFILLED', 'ACTIVITY_ATTENDED',
                             'REPORT_RESOLVED')
            GROUP BY reason
            ORDER BY reason
            """)
    List<StatementLine> selectEarnedBetween(@Param("userId") long userId, @Param("from") Instant from,
                                            @Param("until") Instant until);

    @Insert("""
            INSERT INTO points_statement_line (statement_id, kind, entries, points, hours)
            VALUES (#{statementId}, #{kind}, #{entries}, #{points}, #{hours})
            """)
    void insertLine(StatementLine line);

    @Select("SELECT statement_id, kind, entries, points, hours FROM points_statement_line WHERE statement_id = #{id} ORDER BY kind")
    List<StatementLine> selectLines(@Param("id") long statementId);

    /** The lines of many statements in one statement (for a list); {@code ids} must not be empty. */
    @Select("""
            <script>
            SELECT statement_id, kind, entries, points, hours FROM points_statement_line WHERE statement_id IN
            <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
            ORDER BY statement_id, kind
            </script>
            """)
    List<StatementLine> selectLinesOf(@Param("ids") Collection<Long> statementIds);
}
