package cn.doorstep.community.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;

/** The four small mappers of the organisation chain, side by side. */
public final class RegionMappers {

    private RegionMappers() {
    }

    @Mapper
    public interface DistrictMapper extends BaseMapper<District> {
        default List<District> selectAllOrdered() {
            return selectList(new LambdaQueryWrapper<District>().orderByAsc(District::getSortOrder, District::getId));
        }
    }

    @Mapper
    public interface StreetMapper extends BaseMapper<Street> {
        default List<Street> selectAllOrdered() {
            return selectList(new LambdaQueryWrapper<Street>().orderByAsc(Street::getId));
        }

        default List<Street> selectByDistricts(Collection<Long> districtIds) {
            return selectList(new LambdaQueryWrapper<Street>().in(Street::getDistrictId, districtIds));
        }
    }

    @Mapper
    public interface CommunityMapper extends BaseMapper<Community> {
        default List<Community> selectAllOrdered() {
            return selectList(new LambdaQueryWrapper<Community>().orderByAsc(Community::getId));
        }

        default List<Community> selectByStreets(Collection<Long> streetIds) {
            return selectList(new LambdaQueryWrapper<Community>().in(Community::getStreetId, streetIds));
        }

        /** Sets (or, with nulls, clears) a community's place; the row count says whether it exists. */
        default int updateLocation(long id, BigDecimal lat, BigDecimal lng, Integer households) {
            return update(new LambdaUpdateWrapper<Community>()
                    .set(Community::getLat, lat).set(Community::getLng, lng).set(Community::getHouseholds, households)
                    .eq(Community::getId, id));
        }
    }

    @Mapper
    public interface GridMapper extends BaseMapper<Grid> {
        default List<Grid> selectByCommunity(long communityId) {
            return selectList(new LambdaQueryWrapper<Grid>().eq(Grid::getCommunityId, communityId).orderByAsc(Grid::getId));
        }

        default List<Grid> selectByCommunities(Collection<Long> communityIds) {
            return selectList(new LambdaQueryWrapper<Grid>().in(Grid::getCommunityId, communityIds).orderByAsc(Grid::getId));
        }

        /** Sets (or, with nulls, clears) a grid's place; the row count says whether the grid exists. */
        default int updateLocation(long id, BigDecimal lat, BigDecimal lng, Integer households) {
            return update(new LambdaUpdateWrapper<Grid>()
                    .set(Grid::getLat, lat).set(Grid::getLng, lng).set(Grid::getHouseholds, households)
                    .eq(Grid::getId, id));
        }
    }
}
