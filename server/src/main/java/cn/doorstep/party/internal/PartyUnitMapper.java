package cn.doorstep.party.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface PartyUnitMapper extends BaseMapper<PartyUnit> {

    default Page<PartyUnit> selectAllOrdered(Page<PartyUnit> page) {
        return selectPage(page, new LambdaQueryWrapper<PartyUnit>().orderByAsc(PartyUnit::getId));
    }

    /** A page of the units that 包联 a community (the pagination plugin adds the count and the limit). */
    @Select("""
            SELECT u.* FROM party_unit u JOIN party_unit_community c ON c.unit_id = u.id
            WHERE c.community_id = #{communityId} ORDER BY u.id
            """)
    Page<PartyUnit> selectByCommunity(Page<PartyUnit> page, @Param("communityId") long communityId);

    @Select("SELECT community_id FROM party_unit_community WHERE unit_id = #{unitId} ORDER BY community_id")
    List<Long> selectCommunities(@Param("unitId") long unitId);

    /** The communities of many units in one statement; {@code unitIds} must not be empty. */
    @Select("""
            <script>
            SELECT unit_id, community_id FROM party_unit_community WHERE unit_id IN
            <foreach collection="unitIds" item="id" open="(" separator="," close=")">#{id}</foreach>
            ORDER BY unit_id, community_id
            </script>
            """)
    List<Link> selectCommunitiesOf(@Param("unitIds") Collection<Long> unitIds);

    record Link(Long unitId, Long communityId) {
    }

    @Insert("INSERT IGNORE INTO party_unit_community (unit_id, community_id) VALUES (#{unitId}, #{communityId})")
    int link(@Param("unitId") long unitId, @Param("communityId") long communityId);

    @Delete("DELETE FROM party_unit_community WHERE unit_id = #{unitId}")
    int unlinkAll(@Param("unitId") long unitId);
}
