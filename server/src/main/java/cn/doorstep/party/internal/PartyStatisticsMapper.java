package cn.doorstep.party.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Index range reads of one community's party facts over a span of time (V24_5's keys), for the cockpit. */
@Mapper
public interface PartyStatisticsMapper {

    record Confirmed(long unitId, Instant reviewedAt) {
    }

    record Served(long unitId, Instant confirmedAt, BigDecimal hours, Integer rating) {
    }

    @Select("""
            SELECT unit_id, reviewed_at FROM party_registration
            WHERE community_id = #{community} AND status = #{status} AND reviewed_at >= #{from} AND reviewed_at < #{until}
            """)
    List<Confirmed> selectConfirmed(@Param("community") long community, @Param("status") String status,
                                    @Param("from") Instant from, @Param("until") Instant until);

    @Select("""
            SELECT unit_id, confirmed_at, hours, rating FROM party_service
            WHERE community_id = #{community} AND confirmed_at >= #{from} AND confirmed_at < #{until}
            """)
    List<Served> selectServices(@Param("community") long community, @Param("from") Instant from,
                                @Param("until") Instant until);
}
