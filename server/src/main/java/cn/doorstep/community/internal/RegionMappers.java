package cn.doorstep.community.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
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
    }

    @Mapper
    public interface GridMapper extends BaseMapper<Grid> {
        default List<Grid> selectByCommunity(long communityId) {
            return selectList(new LambdaQueryWrapper<Grid>().eq(Grid::getCommunityId, communityId).orderByAsc(Grid::getId));
        }
    }
}
