package cn.doorstep.party.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** What the statistics read of the party tables: idx_party_service_community (V24_2), idx_party_registration_review. */
@Mapper
public interface PartyStatisticsMapper {

    record Served(long unitId, Instant confirmedAt, BigDecimal hours, Integer rating) {
    }

    record UnitCount(long unitId, long count) {
    }

    @Select("SELECT unit_id, confirmed_at, hours, rating FROM party_service WHERE community_id = #{community}"
            + " AND confirmed_at >= #{from} AND confirmed_at < #{until}")
    List<Served> selectServed(@Param("community") long community, @Param("from") Instant from,
                              @Param("until") Instant until);

    @Select("<script>SELECT unit_id, COUNT(*) AS count FROM party_registration WHERE status = 'CONFIRMED'"
            + "<if test=\"communities != null\"> AND community_id IN <foreach collection=\"communities\" item=\"c\""
            + " open=\"(\" separator=\",\" close=\")\">#{c}</foreach></if> GROUP BY unit_id</script>")
    List<UnitCount> countConfirmedByUnit(@Param("communities") Collection<Long> communities);
}
