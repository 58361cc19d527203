package cn.doorstep.wish.internal;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** What the daily statistics read of the wish table: two index ranges of one community (V19_2, V24). */
@Mapper
public interface WishStatisticsMapper {

    /** A wish posted in the range, with what the statistics need of it. */
    record Posted(Instant createdAt, String status, String category, Instant publishedAt, Instant claimedAt,
                  Instant confirmedAt, Integer rating) {
    }

    /** The community's wishes posted in [from, until): idx_wish_community_created. */
    @Select("SELECT created_at, status, category, published_at, claimed_at, confirmed_at, rating FROM wish"
            + " WHERE community_id = #{community} AND created_at >= #{from} AND created_at < #{until}")
    List<Posted> selectPosted(@Param("community") long community, @Param("from") Instant from,
                              @Param("until") Instant until);

    /** When each of the community's wishes confirmed in [from, until) was confirmed: idx_wish_community_confirmed. */
    @Select("SELECT confirmed_at FROM wish"
            + " WHERE community_id = #{community} AND confirmed_at >= #{from} AND confirmed_at < #{until}")
    List<Instant> selectConfirmedAt(@Param("community") long community, @Param("from") Instant from,
                                    @Param("until") Instant until);
}
