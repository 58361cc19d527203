package cn.doorstep.stats.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * The read model's table (V24). Folds replace a community's days of one family of metrics ({@code wish.*}...)
 * under that community's stats_fold row; reads sum a scope's rows: all communities when {@code communities} is
 * null (the city), else those listed (never empty: the caller answers an empty scope itself).
 */
@Mapper
public interface StatsDailyMapper {

    String SCOPE = "<if test=\"communities != null\"> AND community_id IN"
            + " <foreach collection=\"communities\" item=\"c\" open=\"(\" separator=\",\" close=\")\">#{c}</foreach></if>";
    String METRICS = " metric IN <foreach collection=\"metrics\" item=\"m\" open=\"(\" separator=\",\" close=\")\">#{m}</foreach>";

    /** A metric's sum over a scope and days, by dimension. */
    record Sum(String metric, String dimension, long total) {
    }

    /** A metric's sum over a scope, by day. */
    record DaySum(String metric, LocalDate day, long total) {
    }

    /** A metric's sum over a scope and days, by station and dimension. */
    record StationSum(String metric, long stationId, String dimension, long total) {
    }

    /** A metric's sum over a scope, by day and dimension. */
    record DayDimensionSum(String metric, LocalDate day, String dimension, long total) {
    }

    /** A metric's sum over days, by community and dimension. */
    record CommunitySum(String metric, long communityId, String dimension, long total) {
    }

    /** Takes the community's fold lock for the family (an upsert: exclusive even when the row is new). */
    @Insert("INSERT INTO stats_fold (community_id, family, folded_at) VALUES (#{community}, #{family}, #{at})"
            + " ON DUPLICATE KEY UPDATE folded_at = VALUES(folded_at)")
    int lockFold(@Param("community") long community, @Param("family") String family, @Param("at") Instant at);

    @Delete("DELETE FROM stats_daily WHERE community_id = #{community} AND day >= #{from} AND day <= #{to}"
            + " AND metric LIKE CONCAT(#{family}, '.%')")
    int deleteFold(@Param("community") long community, @Param("family") String family, @Param("from") LocalDate from,
                   @Param("to") LocalDate to);

    @Insert("<script>INSERT INTO stats_daily (metric, community_id, day, station_id, dimension, value, updated_at) VALUES"
            + " <foreach collection=\"rows\" item=\"r\" separator=\",\">(#{r.metric}, #{r.communityId}, #{r.day},"
            + " #{r.stationId}, #{r.dimension}, #{r.value}, #{at})</foreach></script>")
    int insertRows(@Param("rows") Collection<StatsRow> rows, @Param("at") Instant at);

    @Select("<script>SELECT metric, dimension, SUM(value) AS total FROM stats_daily WHERE" + METRICS
            + " AND day &gt;= #{from} AND day &lt;= #{to}" + SCOPE + " GROUP BY metric, dimension</script>")
    List<Sum> sums(@Param("metrics") Collection<String> metrics, @Param("communities") Collection<Long> communities,
                   @Param("from") LocalDate from, @Param("to") LocalDate to);

    @Select("<script>SELECT metric, day, SUM(value) AS total FROM stats_daily WHERE" + METRICS
            + " AND day &gt;= #{from} AND day &lt;= #{to}" + SCOPE + " GROUP BY metric, day</script>")
    List<DaySum> daySums(@Param("metrics") Collection<String> metrics, @Param("communities") Collection<Long> communities,
                         @Param("from") LocalDate from, @Param("to") LocalDate to);

    @Select("<script>SELECT metric, community_id, dimension, SUM(value) AS total FROM stats_daily WHERE" + METRICS
            + " AND day &gt;= #{from} AND day &lt;= #{to}" + SCOPE + " GROUP BY metric, community_id, dimension</script>")
    List<CommunitySum> communitySums(@Param("metrics") Collection<String> metrics,
                                     @Param("communities") Collection<Long> communities,
                                     @Param("from") LocalDate from, @Param("to") LocalDate to);

    @Select("<script>SELECT metric, station_id, dimension, SUM(value) AS total FROM stats_daily WHERE" + METRICS
            + " AND day &gt;= #{from} AND day &lt;= #{to}" + SCOPE + " GROUP BY metric, station_id, dimension</script>")
    List<StationSum> stationSums(@Param("metrics") Collection<String> metrics,
                                 @Param("communities") Collection<Long> communities,
                                 @Param("from") LocalDate from, @Param("to") LocalDate to);

    @Select("<script>SELECT metric, day, dimension, SUM(value) AS total FROM stats_daily WHERE" + METRICS
            + " AND day &gt;= #{from} AND day &lt;= #{to}" + SCOPE + " GROUP BY metric, day, dimension</script>")
    List<DayDimensionSum> dayDimensionSums(@Param("metrics") Collection<String> metrics,
                                           @Param("communities") Collection<Long> communities,
                                           @Param("from") LocalDate from, @Param("to") LocalDate to);

    /** A community's rows of one family over days, in key order (tests compare folds with rebuilds). */
    @Select("SELECT metric, community_id, day, station_id, dimension, value FROM stats_daily"
            + " WHERE community_id = #{community} AND day >= #{from} AND day <= #{to}"
            + " AND metric LIKE CONCAT(#{family}, '.%') ORDER BY metric, day, station_id, dimension")
    List<StatsRow> selectFold(@Param("community") long community, @Param("family") String family,
                              @Param("from") LocalDate from, @Param("to") LocalDate to);
}
