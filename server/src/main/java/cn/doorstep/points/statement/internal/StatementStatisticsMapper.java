package cn.doorstep.points.statement.internal;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** When each of a community's statements issued in a range was issued: idx_points_statement_community (V24_1). */
@Mapper
public interface StatementStatisticsMapper {

    @Select("SELECT issued_at FROM points_statement WHERE community_id = #{community}"
            + " AND issued_at >= #{from} AND issued_at < #{until}")
    List<Instant> selectIssuedAt(@Param("community") long community, @Param("from") Instant from,
                                 @Param("until") Instant until);
}
