package cn.doorstep.report.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.util.Collection;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface GridRiderMapper extends BaseMapper<GridRider> {

    /** The riders paired with these grids, by grid then pairing (idx_grid_rider_grid). */
    default Page<GridRider> selectByGrids(Collection<Long> gridIds, Page<GridRider> page) {
        return selectPage(page, new LambdaQueryWrapper<GridRider>().in(GridRider::getGridId, gridIds)
                .orderByAsc(GridRider::getGridId).orderByAsc(GridRider::getCreatedAt));
    }
}
