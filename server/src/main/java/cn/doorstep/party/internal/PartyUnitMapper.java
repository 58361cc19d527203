package cn.doorstep.party.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface PartyUnitMapper extends BaseMapper<PartyUnit> {

    default List<PartyUnit> selectAllOrdered() {
        return selectList(new LambdaQueryWrapper<PartyUnit>().orderByAsc(PartyUnit::getId));
    }

    @Select("""
            SELECT u.* FROM party_unit u JOIN party_unit_community c ON c.unit_id = u.id
            WHERE c.community_id = #{communityId} ORDER BY u.id
            """)
    List<PartyUnit> selectByCommunity(@Param("communityId") long communityId);

    @Select("SELECT community_id FROM party_unit_community WHERE unit_id = #{unitId} ORDER BY community_id")
    List<Long> selectCommunities(@Param("unitId") long unitId);

    @Insert("INSERT IGNORE INTO party_unit_community (unit_id, community_id) VALUES (#{unitId}, #{communityId})")
    int link(@Param("unitId") long unitId, @Param("communityId") long communityId);

    @Delete("DELETE FROM party_unit_community WHERE unit_id = #{unitId}")
    int unlinkAll(@Param("unitId") long unitId);
}
